/**
 * A case's passed quick_check, remembered for the user, so that opening an unchanged case again
 * does not read the whole file (`PRAGMA quick_check` reads every page: 0.14 s at a million events,
 * 0.6 s at five, 3 s at twenty-five, when the report itself takes 10-25 ms).
 *
 * What "unchanged" means: the same file (device and inode), size and modification time, the same
 * SQLite file change counter in its header, and the same `-wal` file (absent, or the same size and
 * modification time). Any write through SQLite changes at least one of them, so a case that was
 * imported into, migrated or damaged by a program is checked again. What this does not see, a
 * byte flipped on disk without its size or time changing, is found by the full integrity_check
 * that runs before every import and by `enrollscope check` (docs/security.md).
 *
 * The memo is one small file per case in the user's cache folder; when that folder cannot be
 * written the case is simply checked at every open.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user cache folder, by each system's convention. */
export function userCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['LOCALAPPDATA'] || join(home, 'AppData', 'Local'), 'Enrollscope', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'Enrollscope');
  return join(env['XDG_CACHE_HOME'] || join(home, '.cache'), 'enrollscope');
}

/** What identifies the bytes of a case and its -wal file, read without SQLite. */
export function caseFingerprint(path: string): string | null {
  try {
    const file = statSync(path, { bigint: true });
    const header = Buffer.alloc(28);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 28, 0);
    } finally {
      closeSync(fd);
    }
    let wal = 'none';
    try {
      const walStat = statSync(`${path}-wal`, { bigint: true });
      wal = `${walStat.size}:${walStat.mtimeNs}`;
    } catch {
      // No -wal file: nothing waits to be checkpointed.
    }
    // Bytes 24-27: the file change counter, bumped by every transaction that changes the file.
    return [file.dev, file.ino, file.size, file.mtimeNs, header.readUInt32BE(24), wal].join('|');
  } catch {
    return null;
  }
}

function memoPath(path: string, cacheDir: string): string {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // Keep the path as given.
  }
  return join(cacheDir, `checked-${createHash('sha256').update(real).digest('hex').slice(0, 32)}.json`);
}

/** True when this case, exactly as it is now, passed quick_check before. */
export function quickCheckRemembered(path: string, fingerprint: string | null, cacheDir = userCacheDir()): boolean {
  if (fingerprint === null) return false;
  try {
    const memo = JSON.parse(readFileSync(memoPath(path, cacheDir), 'utf8')) as { fingerprint?: unknown };
    return memo.fingerprint === fingerprint;
  } catch {
    return false;
  }
}

/** Remembers that the case, as `fingerprint` describes it, passed quick_check. Best effort. */
export function rememberQuickCheck(path: string, fingerprint: string | null, cacheDir = userCacheDir()): void {
  if (fingerprint === null) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const target = memoPath(path, cacheDir);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ fingerprint }));
    renameSync(temporary, target);
  } catch {
    // A cache that cannot be written only means the next open checks again.
  }
}
