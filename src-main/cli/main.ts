/**
 * `enrollscope` command-line entry. Output goes to stdout (or --out); any failure is one line on
 * stderr and a non-zero exit, with nothing on stdout.
 */
import { CaseRefused } from '../store/case-file';
import { ReportInputError } from '../report/compute-report';
import { UsageError, parseCliArgs, type CliArgs } from './args';
import { commandUsage, usage } from './usage';
import { packageVersion } from './version';
import { resolve } from 'node:path';
import { caseLocationWarning } from '../platform/network-share';
import { CliFailure, deliver, runImports, runPdfReport, runReport } from './run';
import { runAttempts, runCompareReport, runFailures, runFunnel } from './run-views';
import { markPhase, writeStats } from './stats';
import { runCheck } from './check-command';
import { refuseUnsafeOut } from './out-path';
import { terminalSafe, terminalSafeJson, terminalSafeLines } from './terminal-text';

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

type OutputArgs = Exclude<CliArgs, { command: 'help' | 'version' | 'check' }>;

/** The commands that print (or --out) their output. */
function runCommand(args: OutputArgs): Promise<string> {
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
      process.stdout.write(`${args.topic ? commandUsage(args.topic) : usage()}\n`);
      return 0;
    }
    if (args.command === 'version') {
      process.stdout.write(`enrollscope ${packageVersion()}\n`);
      return 0;
    }
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
      await runPdfReport(args, args.pdf);
      return 0;
    }
    const output = printable(await runCommand(args), args.format, args.out === undefined && process.stdout.isTTY === true);
    process.stdout.write(deliver(output, args.out));
    return 0;
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof CliFailure ||
      error instanceof CaseRefused ||
      error instanceof ReportInputError;
    const message = error instanceof Error ? error.message : String(error);
    // Known messages are one line that may quote a file name (escaped whole, line breaks included);
    // an unexpected error's first line only.
    const line = known ? terminalSafe(message) : `unexpected error: ${terminalSafe(message.split('\n')[0] ?? '')}`;
    process.stderr.write(`enrollscope: ${line}\n`);
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
