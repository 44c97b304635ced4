/**
 * `enrollscope` command-line entry. Output goes to stdout (or --out); any failure is one line on
 * stderr and a non-zero exit, with nothing on stdout.
 */
import { USAGE, UsageError, parseCliArgs } from './args';
import type * as Commands from './commands';
import { INSIGHT_USAGE } from './insights-args';
import { markPhase, writeStats } from './stats';

const VERSION = '0.1.0';

async function main(argv: readonly string[]): Promise<number> {
  markPhase('started');
  // Loaded only for a command that needs it: help, version and usage errors start faster.
  let commands: typeof Commands | undefined;
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
    commands = await import('./commands');
    await commands.runCommand(args);
    return 0;
  } catch (error) {
    const known = error instanceof UsageError || commands?.isExpectedFailure(error) === true;
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
