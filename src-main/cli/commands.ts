/**
 * The commands that work on a case. Loaded only once the arguments name one of them, so that
 * `--help`, `--version` and usage errors do not load SQLite, the import and the report engine.
 */
import { resolve } from 'node:path';
import { caseLocationWarning } from '../platform/network-share';
import { ReportInputError } from '../report/compute-report';
import { CaseRefused } from '../store/case-file';
import type { CliArgs } from './args';
import { runCheck } from './check-run';
import { refuseUnsafeOut } from './out-path';
import { CliFailure, deliver, runImports, runPdfReport, runReport } from './run';
import { terminalSafe, terminalSafeJson, terminalSafeLines } from './terminal-text';

export type CommandArgs = Exclude<CliArgs, { command: 'help' | 'version' }>;
type OutputArgs = Exclude<CommandArgs, { command: 'check' }>;

/**
 * Output made of the data's own text, safe to print: JSON with the raw characters JSON leaves
 * unescaped written as \uXXXX (the same value), text with its controls escaped. CSV is data for
 * other programs and is written as it is, except to a terminal.
 */
function printable(output: string, format: OutputArgs['format'], toTerminal: boolean): string {
  if (format === 'json') return terminalSafeJson(output);
  if (format === 'text' || toTerminal) return terminalSafeLines(output);
  return output;
}

/** The views' commands (comparison, attempts, funnel, failures), loaded only for them. */
const views = () => import('./run-views');

/** The commands that print (or --out) their output. */
async function runPrinting(args: OutputArgs): Promise<string> {
  switch (args.command) {
    case 'report':
      return args.compare ? (await views()).runCompareReport(args, args.compare) : runReport(args);
    case 'attempts':
      return (await views()).runAttempts(args);
    case 'funnel':
      return (await views()).runFunnel(args);
    case 'failures':
      return (await views()).runFailures(args);
    case 'imports':
      return runImports(args);
  }
}

/** Runs the command and writes its output (stdout, or --out); resolves with the exit code. */
export async function runCommand(args: CommandArgs): Promise<number> {
  // A case on a network share works, but its locking cannot be trusted: say so (stderr only).
  const db = 'db' in args ? args.db : undefined;
  const warning = db ? caseLocationWarning(resolve(db)) : null;
  if (warning) process.stderr.write(`enrollscope: warning: ${terminalSafe(warning)}\n`);
  if (args.command === 'check') {
    const { output, ok } = runCheck(args);
    process.stdout.write(output);
    return ok ? 0 : 1;
  }
  // Before any work: the output must not overwrite the case or an input.
  refuseUnsafeOut(args.out, { db: args.db, files: args.files });
  if (args.command === 'report' && args.pdf) {
    const notices = await runPdfReport(args, args.pdf);
    for (const notice of notices) process.stderr.write(`enrollscope: notice: ${terminalSafe(notice)}\n`);
    return 0;
  }
  const output = printable(
    await runPrinting(args),
    args.format,
    args.out === undefined && process.stdout.isTTY === true,
  );
  process.stdout.write(deliver(output, args.out));
  return 0;
}

/** Failures whose message is meant for the user as it is (not an unexpected error). */
export function isExpectedFailure(error: unknown): boolean {
  return error instanceof CliFailure || error instanceof CaseRefused || error instanceof ReportInputError;
}
