/**
 * `--out PATH` must never overwrite what the command reads: the case (or its -wal, -shm, -journal
 * files) and the input files. Paths are compared as the file system resolves them (symlinks, `..`,
 * case-insensitively on Windows and macOS), and an existing target is compared by identity too
 * (a hard link has another name).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliFailure } from './cli-failure';

export interface ProtectedPaths {
  readonly db?: string;
  readonly files: readonly string[];
}

const CASE_COMPANIONS = ['', '-wal', '-shm', '-journal'] as const;

/** The path as the file system resolves it, for a file that may not exist yet. */
function realPath(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync.native(full);
  const folder = dirname(full);
  return folder === full ? full : join(realPath(folder), basename(full));
}

function comparable(path: string, platform: NodeJS.Platform): string {
  return platform === 'win32' || platform === 'darwin' ? path.toLowerCase() : path;
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino && x.ino !== 0;
  } catch {
    return false;
  }
}

/** What `out` would overwrite that it must not ("the case", "an input file"), or null. */
export function outConflict(
  out: string,
  paths: ProtectedPaths,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const target = comparable(realPath(out), platform);
  const guarded: { path: string; what: string }[] = [];
  if (paths.db !== undefined) {
    const db = realPath(paths.db);
    for (const suffix of CASE_COMPANIONS)
      guarded.push({ path: `${db}${suffix}`, what: suffix ? `the case's ${suffix} file` : 'the case' });
  }
  for (const file of paths.files) guarded.push({ path: realPath(file), what: 'an input file' });
  for (const { path, what } of guarded) {
    if (comparable(path, platform) === target || sameFile(out, path)) return `${what} (${path})`;
  }
  return null;
}

/** Refuses, before any work, an --out that would overwrite the case or an input. */
export function refuseUnsafeOut(out: string | undefined, paths: ProtectedPaths): void {
  if (out === undefined) return;
  const conflict = outConflict(out, paths);
  if (conflict) throw new CliFailure(`--out ${out}: that is ${conflict}; choose another file (nothing was done)`);
}
