/** `enrollscope check --db CASE` itself (check-command.ts has its arguments and usage). */
import { checkCase } from '../store/case-check';
import { openCase } from '../store/case-file';
import type { CheckArgs } from './check-command';
import { terminalSafe } from './terminal-text';

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
