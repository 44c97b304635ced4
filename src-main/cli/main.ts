/**
 * `enrollscope` command-line entry. Output goes to stdout (or --out); any failure is one line on
 * stderr and a non-zero exit, with nothing on stdout.
 */
import { CaseRefused } from '../store/case-file';
import { ReportInputError } from '../report/compute-report';
import { USAGE, UsageError, parseCliArgs, type CliArgs } from './args';
import { INSIGHT_USAGE } from './insights-args';
import { CliFailure, deliver, runImports, runPdfReport, runReport } from './run';
import { runAttempts, runCompareReport, runFailures, runFunnel } from './run-insights';
import { markPhase, writeStats } from './stats';

const VERSION = '0.1.0';

/** The commands that print (or --out) their output. */
function runCommand(args: Exclude<CliArgs, { command: 'help' | 'version' }>): Promise<string> {
  switch (args.command) {
    case 'report':
      return args.compare ? runCompareReport(args, args.compare) : runReport(args);
    case 'attempts':
      return runAttempts(args);
    case 'funnel':
      return runFunnel(args);
    case 'failures':
      return runFailures(args);
    case 'imports':
      return runImports(args);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  markPhase('started');
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      process.stdout.write(`${USAGE}\n${INSIGHT_USAGE}\n`);
      return 0;
    }
    if (args.command === 'version') {
      process.stdout.write(`enrollscope ${VERSION}\n`);
      return 0;
    }
    if (args.command === 'report' && args.pdf) {
      await runPdfReport(args, args.pdf);
      return 0;
    }
    const output = await runCommand(args);
    process.stdout.write(deliver(output, args.out));
    return 0;
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof CliFailure ||
      error instanceof CaseRefused ||
      error instanceof ReportInputError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`enrollscope: ${known ? message : `unexpected error: ${message}`}`.split('\n')[0] + '\n');
    return error instanceof UsageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    writeStats();
  },
  () => {
    process.exitCode = 1;
  },
);
