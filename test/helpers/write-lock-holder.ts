/**
 * A second process holding a case's write lock, as a running import does: it opens the case with
 * plain better-sqlite3, takes `BEGIN IMMEDIATE`, writes a row, prints `locked`, and commits when it
 * reads a line on stdin (or after `holdMs`), then prints `released`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';

const SCRIPT = `
const Database = require(process.env.SQLITE_MODULE);
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('holder', 'yes')").run();
process.stdout.write('locked\\n');
const release = () => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); process.exit(0); };
process.stdin.once('data', release);
const holdMs = Number(process.argv[2]);
if (holdMs > 0) setTimeout(release, holdMs);
`;

export interface LockHolder {
  readonly child: ChildProcessWithoutNullStreams;
  /** Commits and waits for the process to end. */
  release(): Promise<void>;
}

/** Starts the holder and resolves once it holds the lock. */
export async function holdWriteLock(casePath: string, holdMs = 0): Promise<LockHolder> {
  const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');
  const child = spawn(process.execPath, ['-e', SCRIPT, casePath, String(holdMs)], {
    env: { ...process.env, SQLITE_MODULE: sqliteModule },
  });
  // The holder may have ended on its own (holdMs) while the test's event loop was blocked.
  child.stdin.on('error', () => undefined);
  let output = '';
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('locked\n')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => reject(new Error(`lock holder failed: ${chunk.toString()}`)));
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before locking`)));
  });
  return {
    child,
    release: async () => {
      if (child.exitCode === null) child.stdin.write('go\n');
      await ended;
    },
  };
}
