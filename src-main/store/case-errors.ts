/**
 * What went wrong with a case file, in the user's words. SQLite reports a lock held by another
 * connection, a permission problem, a full disk and real damage with different codes; only the last
 * one may be called damage. Messages are one line and never a stack.
 */
import { basename } from 'node:path';

/** Why a case cannot be used: only `damaged` means the file itself is broken. */
export type CaseProblem = 'not-a-case' | 'damaged' | 'busy' | 'read-only' | 'full' | 'io';

/** A file that is not a case this version can use now. The message is one line, naming the file. */
export class CaseRefused extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly problem: CaseProblem = 'not-a-case',
  ) {
    super(`${basename(file)}: ${reason}`);
    this.name = 'CaseRefused';
  }
}

/** The problem behind an error thrown by SQLite or by Node's fs, or undefined when it is none of these. */
export function caseProblemOf(error: unknown): CaseProblem | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) return 'read-only';
  if (code === 'SQLITE_AUTH' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read-only';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  return undefined;
}

export const BUSY_REASON = 'another import into this case is running (try again when it has finished)';

/** The one-line reason for a problem met while using the case. */
export function reasonOf(problem: CaseProblem, error: unknown): string {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  switch (problem) {
    case 'busy':
      return BUSY_REASON;
    case 'read-only':
      return `cannot write to the case: permission denied (the file or its folder is read-only for you: ${detail})`;
    case 'full':
      return 'cannot write to the case: the disk is full';
    case 'io':
      return `cannot write to the case: input/output error (${detail})`;
    case 'damaged':
      return `the case file is damaged (${detail})`;
    case 'not-a-case':
      return detail ?? '';
  }
}

/** The error as a CaseRefused when it is a storage problem of the case at `path`; undefined otherwise. */
export function caseRefusalOf(path: string, error: unknown): CaseRefused | undefined {
  if (error instanceof CaseRefused) return error;
  const problem = caseProblemOf(error);
  return problem === undefined ? undefined : new CaseRefused(path, reasonOf(problem, error), problem);
}
