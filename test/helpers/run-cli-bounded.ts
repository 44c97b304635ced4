/**
 * Runs the built command line as a user would, within bounds: a wall-clock limit (killed past it),
 * a V8 heap limit for every thread (`--max-old-space-size`), and the peak resident set it reached,
 * reported by a preloaded module on exit. Asynchronous, so several runs can overlap.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/enrollscope.js', import.meta.url));
const maxRssModule = pathToFileURL(fileURLToPath(new URL('./max-rss.mjs', import.meta.url))).href;

export interface BoundedCliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
  /** Peak resident set in MB; undefined when the process did not exit normally. */
  readonly maxRssMb: number | undefined;
}

export interface BoundOptions {
  readonly timeoutMs: number;
  /** V8 old-generation limit of each thread, in MB. */
  readonly heapMb: number;
  readonly cwd?: string;
}

export function runCliBounded(args: readonly string[], options: BoundOptions): Promise<BoundedCliResult> {
  const dir = mkdtempSync(join(tmpdir(), 'enrollscope-rss-'));
  const rssFile = join(dir, 'max-rss');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${options.heapMb}`, '--import', maxRssModule, bin, ...args],
    { cwd: options.cwd, env: { ...process.env, ENROLLSCOPE_MAX_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let maxRssMb: number | undefined;
      try {
        maxRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        maxRssMb = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, timedOut, maxRssMb });
    });
  });
}
