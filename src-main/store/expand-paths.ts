/**
 * Files and folders given to an import, as a flat list of files (folders read recursively).
 *
 * A folder may hold links back into itself (`self -> .`, `up -> ..`): each folder is read once,
 * known by its device and inode (a link resolves to its target's), so a loop ends instead of
 * growing forever. The walk stops on cancel (the app's Cancel aborts the signal), and a given folder
 * with more than `maxFiles` files or nested deeper than `maxDepth` is refused as a whole, naming it.
 */
import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { basename, join } from 'node:path';

export interface InputFile {
  readonly path: string;
  readonly size: number;
}

export interface ExpandedPaths {
  readonly files: InputFile[];
  /** Paths that could not be read at all, or were refused, with the reason. */
  readonly missing: { path: string; reason: string }[];
  /** The signal was aborted before every folder was read: `files` is incomplete. */
  readonly cancelled: boolean;
}

export interface ExpandOptions {
  readonly signal?: AbortSignal;
  /** Files in one import run at most (all given paths together). */
  readonly maxFiles?: number;
  /** Folder levels below a given folder at most. */
  readonly maxDepth?: number;
}

/**
 * 100,000 files: ten times the largest export folder seen (10,000 daily files); storing each is
 * a transaction of its own, so more is better imported in parts. 32 levels: no export is nested
 * that deep; deeper is a loop the inode check cannot see (a bind mount) or a mistake.
 */
export const MAX_FILES = 100_000;
export const MAX_DEPTH = 32;

/** Hidden files (".DS_Store", "._x") are not enrollment data; folders dropped from Finder carry them. */
const isHidden = (path: string): boolean => basename(path).startsWith('.');

class Refused extends Error {}
class Cancelled extends Error {}

export async function expandPaths(paths: readonly string[], options: ExpandOptions = {}): Promise<ExpandedPaths> {
  const maxFiles = options.maxFiles ?? MAX_FILES;
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const files: InputFile[] = [];
  const missing: { path: string; reason: string }[] = [];
  /** Folders read so far, as `dev:ino`: a link into one of them is not followed again. */
  const seen = new Set<string>();

  let visited = 0;
  const visit = async (path: string, depth: number, found: InputFile[]): Promise<void> => {
    // Stats are synchronous (an asynchronous one costs a thread-pool round trip, ~0.1-0.5 ms, per
    // file of a folder of thousands); every 256 entries the walk yields, so a cancel gets through.
    if (++visited % 256 === 0) await nextTurn();
    if (options.signal?.aborted) throw new Cancelled();
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      missing.push({ path, reason: reasonOf(error) });
      return;
    }
    if (info.isDirectory()) {
      const id = `${info.dev}:${info.ino}`;
      if (seen.has(id)) return; // a link back into a folder already read (or being read)
      seen.add(id);
      if (depth > maxDepth) throw new Refused(`folders nested more than ${maxDepth} levels deep (${path})`);
      let names: string[];
      try {
        names = (await readdir(path)).sort();
      } catch (error) {
        missing.push({ path, reason: `cannot read the folder: ${reasonOf(error)}` });
        return;
      }
      for (const name of names) if (!isHidden(name)) await visit(join(path, name), depth + 1, found);
    } else if (info.isFile()) {
      if (depth > 0 && isHidden(path)) return;
      if (files.length + found.length >= maxFiles)
        throw new Refused(`more than ${maxFiles.toLocaleString('en-US')} files: import the folder in parts`);
      found.push({ path, size: info.size });
    } else {
      missing.push({ path, reason: 'not a regular file' });
    }
  };

  for (const path of paths) {
    const found: InputFile[] = [];
    try {
      await visit(path, 0, found);
      files.push(...found);
    } catch (error) {
      if (error instanceof Cancelled) return { files, missing, cancelled: true };
      if (!(error instanceof Refused)) throw error;
      missing.push({ path, reason: error.message });
    }
  }
  return { files, missing, cancelled: false };
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a link that loops';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  return 'cannot be read';
}
