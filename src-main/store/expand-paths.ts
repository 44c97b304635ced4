/** Files and folders given to an import, as a flat list of files (folders read recursively). */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

export interface InputFile {
  readonly path: string;
  readonly size: number;
}

export interface ExpandedPaths {
  readonly files: InputFile[];
  /** Paths that could not be read at all, with the reason. */
  readonly missing: { path: string; reason: string }[];
}

/** Hidden files (".DS_Store", "._x") are not enrollment data; folders dropped from Finder carry them. */
const isHidden = (path: string): boolean => basename(path).startsWith('.');

export async function expandPaths(paths: readonly string[]): Promise<ExpandedPaths> {
  const files: InputFile[] = [];
  const missing: { path: string; reason: string }[] = [];
  const visit = async (path: string, fromFolder: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      missing.push({ path, reason: 'no such file' });
      return;
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      for (const name of names) if (!isHidden(name)) await visit(join(path, name), true);
    } else if (info.isFile()) {
      if (!(fromFolder && isHidden(path))) files.push({ path, size: info.size });
    } else {
      missing.push({ path, reason: 'not a regular file' });
    }
  };
  for (const path of paths) await visit(path, false);
  return { files, missing };
}
