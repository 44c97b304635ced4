/**
 * A parse worker started before anyone asks for one. A worker takes ~50-90 ms to start (a V8
 * isolate loading the parser) before it reads a byte; the command line knows from its arguments
 * that a file will be parsed in a worker long before the import asks for it (it first loads the
 * store and report code and makes the case), so it starts one then and the import takes it: the
 * worker's start overlaps the storing thread's instead of the storing thread waiting for its first
 * batch. The worker waits for its request (ParseRequest, by message) before it does anything.
 *
 * Kept light (no parser, no SQLite): the command line loads it before its commands.
 */
import { statSync } from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { locateWorker } from './locate';
import { PARSE_WORKER_LIMITS } from './memory-limit';

/**
 * Files up to this size are parsed in the calling thread when they come alone: starting a worker
 * costs ~50-90 ms (a fresh V8 isolate loading the parser), more than parsing and storing a file of
 * this size takes, and its overlap gains at most the parse time. Measured (`npm run bench`,
 * small-files row): 200 files of 10 rows took 19.7 s with a worker each, 0.9 s in the thread.
 */
export const IN_THREAD_BYTES = 8 * 1024 * 1024;

/** Paths statted at most by likelyParsedInWorker: a shell's glob can name thousands of files. */
const PATHS_LOOKED_AT = 64;

/**
 * Whether importing these paths will likely parse in a worker: a file past IN_THREAD_BYTES
 * (readInputBySize), a folder, or more files than it looks at, one by one (their group may be read
 * ahead: import-files.ts readsAhead). Paths that cannot be read are the import's to refuse. A spare
 * started for nothing costs a worker's start on another core, not the command's time.
 */
export function likelyParsedInWorker(paths: readonly string[]): boolean {
  if (paths.length > PATHS_LOOKED_AT) return true;
  return paths.some((path) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats !== undefined && (stats.isDirectory() || stats.size > IN_THREAD_BYTES);
  });
}

interface Spare {
  readonly worker: Worker;
  /** It stopped (a failure while starting): never handed out, its 'exit' has been and gone. */
  stopped: boolean;
}

let spare: Spare | undefined;

/** How many spare workers were handed out (tests assert the path taken). */
export let sparesTaken = 0;

function startWorker(limits: ResourceLimits): Worker {
  const { file, options } = locateWorker('parse-worker');
  return new Worker(file, { ...options, resourceLimits: limits });
}

/**
 * Starts a parse worker with the default limits for the next ParseSession to take. Idle, it does
 * not keep the process alive (unref): a command that never imports (a refused argument, a case
 * that cannot be opened) ends as it would without it.
 */
export function startSpareParseWorker(): void {
  if (spare) return;
  const started: Spare = { worker: startWorker(PARSE_WORKER_LIMITS), stopped: false };
  // Without a listener an 'error' would be thrown in this thread; the taker listens from then on.
  const stop = (): void => {
    started.stopped = true;
  };
  started.worker.on('error', stop).on('exit', stop);
  started.worker.unref();
  spare = started;
}

/**
 * A parse worker with these heap limits, waiting for its request: the spare one when it has them
 * and is alive, else a new one. The caller listens to it and posts its ParseRequest.
 */
export function takeParseWorker(limits: ResourceLimits): Worker {
  const taken = spare;
  if (taken && !taken.stopped && limits === PARSE_WORKER_LIMITS) {
    spare = undefined;
    taken.worker.removeAllListeners('error').removeAllListeners('exit');
    taken.worker.ref();
    sparesTaken++;
    return taken.worker;
  }
  return startWorker(limits);
}

/** The spare worker waiting to be taken (tests stop it to reach the branch that replaces it). */
export const spareParseWorker = (): Worker | undefined => spare?.worker;

/** Stops a spare worker no one took (tests; a process ending stops it anyway). */
export async function stopSpareParseWorker(): Promise<void> {
  const left = spare;
  spare = undefined;
  if (left && !left.stopped) await left.worker.terminate();
}
