/**
 * `enrollscope` command-line entry. Output goes to stdout (or --out); any failure is one line on
 * stderr and a non-zero exit, with nothing on stdout.
 *
 * Only the argument parsing is loaded up front: the commands (SQLite, the import, the report
 * engine) are imported once the arguments name one, so `--help`, `--version` and usage errors
 * start about as fast as Node itself.
 */
import { UsageError, parseCliArgs } from './args';
import type * as Commands from './commands';
import { markPhase, writeStats } from './stats';
import { terminalSafe } from './terminal-text';
import { commandUsage, usage } from './usage';
import { packageVersion } from './version';

async function main(argv: readonly string[]): Promise<number> {
  markPhase('started');
  let commands: typeof Commands | undefined;
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
    commands = await import('./commands');
    return await commands.runCommand(args);
  } catch (error) {
    const known = error instanceof UsageError || commands?.isExpectedFailure(error) === true;
    const message = error instanceof Error ? error.message : String(error);
    // Known messages are one line that may quote a file name (escaped whole, line breaks included);
    // an unexpected error's first line only.
    const line = known ? terminalSafe(message) : `unexpected error: ${terminalSafe(message.split('\n')[0] ?? '')}`;
    process.stderr.write(`enrollscope: ${line}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

// A reader that stops early (`enrollscope imports --db CASE | head`) closes the pipe: the rest of
// the output has nowhere to go and is not an error, so end quietly instead of an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    writeStats();
  },
  () => {
    process.exitCode = 1;
  },
);
