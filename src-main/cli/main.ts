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
import { markPhase, noteCount, writeStats } from './stats';
import { terminalSafe } from './terminal-text';
import { commandUsage, usage } from './usage';
import { packageVersion } from './version';

export interface CommandLineHooks {
  /**
   * SQLite's native module could not be loaded by this Node (`npm start` builds it for Electron's
   * ABI): switch it back and run the command again; returns that run's exit code, or undefined
   * when it did not try (the failure is then printed like any other).
   */
  readonly onSqliteAbiMismatch?: () => number | undefined;
}

/** A native module built for another runtime or CPU (Node's dlopen refused it), as Node words it. */
export function isNativeModuleMismatch(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'ERR_DLOPEN_FAILED' && /NODE_MODULE_VERSION|compiled against|invalid ELF|wrong ELF/.test(String(message))
  );
}

async function main(argv: readonly string[], hooks: CommandLineHooks): Promise<number> {
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
    // A parse worker starts while the commands load and the case opens (spare-parse-worker.ts).
    const files = 'files' in args ? args.files : [];
    const spare = files.length > 0 ? await import('../workers/spare-parse-worker') : undefined;
    const spareStarted = spare?.likelyParsedInWorker(files) === true;
    if (spareStarted) spare!.startSpareParseWorker();
    commands = await import('./commands');
    markPhase('loaded');
    try {
      return await commands.runCommand(args);
    } finally {
      noteCount('spareParseWorkersStarted', spareStarted ? 1 : 0);
      noteCount('spareParseWorkersTaken', spare?.sparesTaken ?? 0);
    }
  } catch (error) {
    // Only now, on failure: a check up front would load SQLite for --help too.
    const again = isNativeModuleMismatch(error) ? hooks.onSqliteAbiMismatch?.() : undefined;
    if (again !== undefined) return again;
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

/** Runs the command line (bin/enrollscope.js calls this) and sets the process's exit code. */
export async function runCommandLine(argv: readonly string[], hooks: CommandLineHooks = {}): Promise<void> {
  try {
    process.exitCode = await main(argv, hooks);
    writeStats();
  } catch {
    process.exitCode = 1;
  }
}
