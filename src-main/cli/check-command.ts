/**
 * `enrollscope check --db CASE`: SQLite's full `integrity_check` of a case (pages, records, and
 * whether every index matches its table), read-only. Prints `ok` (exit 0) or the problems found
 * (exit 1). The case is opened without the quick check at open, so a damaged case is described
 * rather than only refused. The arguments and usage live here; the check itself (SQLite) in
 * check-run.ts, loaded only when the command runs.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './arg-values';

export interface CheckArgs {
  readonly command: 'check';
  readonly db: string;
}

export const CHECK_USAGE = '       enrollscope check --db CASE';

export function parseCheckArgs(rest: readonly string[]): CheckArgs {
  let values: { db?: string };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      strict: true,
      allowPositionals: false,
      options: { db: { type: 'string' } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  if (values.db === undefined) throw new UsageError('check needs --db CASE');
  return { command: 'check', db: values.db };
}
