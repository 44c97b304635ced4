/**
 * readInput, run in a worker thread: the same ParsedInput contract (with the batches' strings
 * coded, see store/coded-batch.ts), so the store reads it the same way, but parsing (CPU-bound)
 * overlaps storing (SQLite-bound) on another core. A large file has a worker of its own; a group
 * of small files shares one that reads them ahead, in order (readAheadInWorker).
 */
import type { ResourceLimits } from 'node:worker_threads';
import { InputRefused, readInput } from '../import/read-input';
import { SkipTally } from '../import/records';
import type { StoreBatch } from '../store/coded-batch';
import type { InputReader, ReadAhead, StoreInput } from '../store/import-files';
import { PARSE_WORKER_LIMITS } from './memory-limit';
import type { ParseMessage } from './parse-protocol';
import { ParseSession, STOPPED } from './parse-session';
import { IN_THREAD_BYTES } from './spare-parse-worker';
import { WALK_BYTES, type WalkLimits } from './walk-in-worker';

export { IN_THREAD_BYTES };

/**
 * Small files in this thread, larger ones in a parse worker (see IN_THREAD_BYTES), which walks
 * their attempts when asked, up to WALK_BYTES.
 */
export const readInputBySize: InputReader = Object.assign(
  (...[path, options]: Parameters<InputReader>) =>
    options.size !== undefined && options.size <= IN_THREAD_BYTES
      ? readInput(path, options)
      : readInputInWorker(path, options),
  { walksAttempts: (size: number) => size > IN_THREAD_BYTES && size <= WALK_BYTES },
);

/** readInputInWorker whose walk has the limits given (tests reach them with small ones). */
export const readInputInWorkerWalking = (walk: WalkLimits): InputReader =>
  Object.assign(
    (...[path, options]: Parameters<InputReader>) => readInputInWorkerWith(PARSE_WORKER_LIMITS, path, options, walk),
    { walksAttempts: () => true },
  );

export const readInputInWorker: InputReader = readInputInWorkerWalking({});

/** readInputInWorker with the worker's heap limits given (tests reach the out-of-memory branch with tiny ones). */
export async function* readInputInWorkerWith(
  limits: ResourceLimits,
  path: string,
  options: Parameters<InputReader>[1],
  walk: WalkLimits = {},
): AsyncGenerator<StoreInput> {
  const session = new ParseSession([path], limits, options.signal, {
    walk: options.walk === true ? walk : undefined,
  });
  try {
    yield* inputsOf(session, 0, options.onBytes);
  } finally {
    await session.close();
  }
}

/** One parse worker reading a group's files ahead of the storing side (import-files.ts ReadAhead). */
export const readAheadInWorker = (paths: readonly string[], options: { signal?: AbortSignal }): ReadAhead =>
  readAheadInWorkerWith(PARSE_WORKER_LIMITS, paths, options);

/**
 * readAheadInWorker with the worker's heap limits given. A worker that stops (out of memory, a
 * crash) refuses the file it was reading; the files after it get a new worker.
 */
export function readAheadInWorkerWith(
  limits: ResourceLimits,
  paths: readonly string[],
  { signal }: { signal?: AbortSignal },
): ReadAhead & { readonly workers: number } {
  let session: ParseSession | undefined;
  /** The index in `paths` of the current session's first file. */
  let first = 0;
  let workers = 0;
  return {
    get workers() {
      return workers;
    },
    async *read(index, options) {
      if (!session || session.stoppedBefore(index - first)) {
        await session?.close();
        signal?.throwIfAborted();
        first = index;
        session = new ParseSession(paths.slice(index), limits, signal, { groupCodes: true });
        workers++;
      }
      yield* inputsOf(session, index - first, options.onBytes);
    },
    settled(index) {
      const settled = session && index >= first && !session.stoppedBefore(index - first);
      return settled ? session!.settled(index - first) : undefined;
    },
    async close() {
      await session?.close();
    },
  };
}

type DataMessage = Exclude<ParseMessage, { type: 'bytes' }>;

/** The inputs of file `index` of a session, as readInput would give them (batches coded). */
async function* inputsOf(
  session: ParseSession,
  index: number,
  onBytes: ((bytesRead: number, totalBytes: number) => void) | undefined,
): AsyncGenerator<StoreInput> {
  /** The next message about this file that isn't progress; progress goes to onBytes on the way. */
  const nextData = async (): Promise<DataMessage> => {
    for (;;) {
      const message = await session.next(index);
      if (message === STOPPED) throw new Error('parse worker stopped');
      if (message.type !== 'bytes') return message;
      onBytes?.(message.bytesRead, message.totalBytes);
    }
  };
  const fail = (message: DataMessage): never => {
    if (message.type === 'refused') throw new InputRefused(message.name, message.reason);
    if (message.type === 'failed') throw new Error(message.message);
    throw new Error(`parse worker: unexpected ${message.type} message`);
  };

  for (;;) {
    const head = await nextData();
    if (head.type === 'file-end') return;
    if (head.type !== 'input') return fail(head);
    const skipped = new SkipTally();
    let end: Extract<ParseMessage, { type: 'input-end' }> | undefined;
    let consumed = false;
    const batches = async function* (): AsyncGenerator<StoreBatch> {
      if (consumed) throw new Error('batches can be read once');
      consumed = true;
      for (;;) {
        const message = await nextData();
        if (message.type === 'batch') {
          yield message.batch;
          // Asked for the next batch: this one is written, its walked attempts' columns can go back.
          if (message.batch.kind === 'walked-attempts' && message.batch.run) session.recycle(message.batch.run);
        } else if (message.type === 'input-end') {
          end = message;
          Object.assign(skipped.counts, message.skippedCounts);
          skipped.examples.push(...message.skippedExamples);
          return;
        } else fail(message);
      }
    };
    const afterEnd = <T>(read: (e: NonNullable<typeof end>) => T): T => {
      if (!end) throw new Error('the input has not been read to its end');
      return read(end);
    };
    const input: StoreInput = {
      name: head.name,
      get size() {
        return end?.size ?? head.size;
      },
      container: head.container,
      kind: head.kind,
      format: head.format,
      batches: batches(),
      codes: session.codes,
      rowsRead: () => afterEnd((e) => e.rowsRead),
      skipped,
      sha256: () => afterEnd((e) => e.sha256),
    };
    yield input;
    if (!end) for await (const _ of input.batches) void _; // the caller stopped early: drain
  }
}
