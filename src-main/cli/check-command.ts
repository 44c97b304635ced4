/**
 * `enrollscope check --db CASE`: SQLite's full `integrity_check` of a case (pages, records, and
 * whether every index matches its table), read-only. Prints `ok` (exit 0) or the problems found
 * (exit 1). The case is opened without the quick check at open, so a damaged case is described
 * rather than only refused.
 */
import { parseArgs } from 'node:util';
import { checkCase } from '../store/case-check';
import { openCase } from '../store/case-file';
import { UsageError } from './arg-values';
import { terminalSafe } from './terminal-text';

export interface CheckArgs {
  readonly command: 'check';
  readonly db: string;
}

export const CHECK_USAGE = '       enrollscope check --db CASE';

export function parseCheckArgs(rest: readonly string[]): CheckArgs {
  let values: { db?: string };
  try {
    ({ values } = parseArgs({ args: [...rest], strict: true, allowPositionals: false, options: { db: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  if (values.db === undefined) throw new UsageError('check needs --db CASE');
  return { command: 'check', db: values.db };
}

export function runCheck(args: CheckArgs): { output: string; ok: boolean } {
  const db = openCase(args.db, { create: false, check: false, readonly: true });
  try {
    const { ok, problems } = checkCase(db, 'full');
    if (ok) return { output: 'ok\n', ok };
    const lines = problems.map((problem) => `  ${terminalSafe(problem)}`);
    return { output: `${terminalSafe(args.db)}: damaged, integrity_check found:\n${lines.join('\n')}\n`, ok };
  } finally {
    db.close();
  }
}
