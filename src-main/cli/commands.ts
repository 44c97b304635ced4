/**
 * The commands that work on a case. Loaded only once the arguments name one of them, so that
 * `--help`, `--version` and usage errors do not load SQLite, the import and the report engine.
 */
import { CaseRefused } from '../store/case-file';
import { ReportInputError } from '../report/compute-report';
import type { CliArgs } from './args';
import { CliFailure, deliver, runImports, runPdfReport, runReport } from './run';

export type CommandArgs = Exclude<CliArgs, { command: 'help' | 'version' }>;

/** The insights commands' code, loaded only for them. */
const insights = () => import('./run-insights');

/** The commands that print (or --out) their output. */
async function runPrinting(args: CommandArgs): Promise<string> {
  switch (args.command) {
    case 'report':
      return args.compare ? (await insights()).runCompareReport(args, args.compare) : runReport(args);
    case 'attempts':
      return (await insights()).runAttempts(args);
    case 'funnel':
      return (await insights()).runFunnel(args);
    case 'failures':
      return (await insights()).runFailures(args);
    case 'imports':
      return runImports(args);
  }
}

/** Runs the command and writes its output (stdout, or --out with a line on stdout). */
export async function runCommand(args: CommandArgs): Promise<void> {
  if (args.command === 'report' && args.pdf) {
    await runPdfReport(args, args.pdf);
    return;
  }
  const output = await runPrinting(args);
  process.stdout.write(deliver(output, args.out));
}

/** Failures whose message is meant for the user as it is (not an unexpected error). */
export function isExpectedFailure(error: unknown): boolean {
  return error instanceof CliFailure || error instanceof CaseRefused || error instanceof ReportInputError;
}
