/**
 * Whether a case is opened for writing or read-only. A case whose file or folder is not writable
 * for this user (a colleague's case on a share, a case on read-only media) is read from a copy in
 * memory: SQLite opening it in place, even read-only, would create `-wal`/`-shm` files owned by
 * this user beside it, after which the owner could not open it either.
 */
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';

export type CaseOpenMode = 'create' | 'write' | 'read-only';

export interface CaseAccess {
  readonly exists: boolean;
  readonly fileWritable: boolean;
  readonly folderWritable: boolean;
}

/** The decision itself, from the facts. */
export function openModeOf(access: CaseAccess): CaseOpenMode {
  if (!access.exists) return 'create';
  return access.fileWritable && access.folderWritable ? 'write' : 'read-only';
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The facts on disk, for this process's user (a read-only file system counts as not writable). */
export function caseAccessOf(path: string, exists: boolean): CaseAccess {
  return { exists, fileWritable: exists && writable(path), folderWritable: writable(dirname(path)) };
}
