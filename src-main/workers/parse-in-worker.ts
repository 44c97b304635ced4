/**
 * readInput, run in a worker thread: the same ParsedInput contract (with the batches' strings
 * coded, see store/coded-batch.ts), so the store reads it the same way, but parsing (CPU-bound)
 * overlaps storing (SQLite-bound) on another core.
 */
import { basename } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { InputRefused, readInput } from '../import/read-input';
import { SkipTally } from '../import/records';
import type { StoreBatch } from '../store/coded-batch';
import type { InputReader, StoreInput } from '../store/import-files';
import { locateWorker } from './locate';
import { PARSE_WORKER_LIMITS, isWorkerOutOfMemory, parseOutOfMemoryReason } from './memory-limit';
import type { ParseMessage, ParseRequest } from './parse-protocol';

/** A queue of the worker's messages, read with `await next()`. */
class MessageQueue {
  private readonly items: ParseMessage[] = [];
  private waiting: ((message: ParseMessage) => void) | undefined;

  push(message: ParseMessage): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(message);
    } else this.items.push(message);
  }

  next(): Promise<ParseMessage> {
    const item = this.items.shift();
    return item ? Promise.resolve(item) : new Promise((resolve) => (this.waiting = resolve));
  }
}

/**
 * Files up to this size are parsed in the calling thread: starting a worker costs ~50-90 ms (a
 * fresh V8 isolate loading the parser), more than parsing and storing a file of this size takes,
 * and its overlap gains at most the parse time. Measured (`npm run bench`, small-files row): 200
 * files of 10 rows took 19.7 s with a worker each, 0.9 s in the thread.
 */
export const IN_THREAD_BYTES = 8 * 1024 * 1024;

/** Small files in this thread, larger ones in a parse worker (see IN_THREAD_BYTES). */
export const readInputBySize: InputReader = (path, options) =>
  options.size !== undefined && options.size <= IN_THREAD_BYTES
    ? readInput(path, options)
    : readInputInWorker(path, options);

export const readInputInWorker: InputReader = (path, options) =>
  readInputInWorkerWith(PARSE_WORKER_LIMITS, path, options);

/** readInputInWorker with the worker's heap limits given (tests reach the out-of-memory branch with tiny ones). */
export async function* readInputInWorkerWith(
  limits: ResourceLimits,
  ...[path, options]: Parameters<InputReader>
): AsyncGenerator<StoreInput> {
  const { file, options: workerOptions } = locateWorker('parse-worker');
  const request: ParseRequest = { path };
  const worker = new Worker(file, { ...workerOptions, workerData: request, resourceLimits: limits });
  const queue = new MessageQueue();
  /** The file (or ZIP entry) being read and its rows received so far: what an out-of-memory refusal names. */
  let reading = basename(path);
  let rowsReceived = 0;
  worker.on('message', (message: ParseMessage) => queue.push(message));
  worker.on('error', (error) =>
    queue.push(
      isWorkerOutOfMemory(error)
        ? { type: 'refused', file: reading, reason: parseOutOfMemoryReason(rowsReceived) }
        : { type: 'failed', message: error.message.split('\n')[0] ?? 'parse worker failed' },
    ),
  );
  worker.on('exit', (code) => queue.push({ type: 'failed', message: `parse worker stopped (exit code ${code})` }));
  const onAbort = (): void => void worker.terminate();
  options.signal?.addEventListener('abort', onAbort);

  /** Reads messages until one that isn't progress; progress goes to onBytes on the way. */
  const nextData = async (): Promise<Exclude<ParseMessage, { type: 'bytes' }>> => {
    for (;;) {
      const message = await queue.next();
      if (message.type !== 'bytes') return message;
      options.onBytes?.(message.bytesRead, message.totalBytes);
    }
  };
  const fail = (message: Exclude<ParseMessage, { type: 'bytes' }>): never => {
    if (message.type === 'refused') throw new InputRefused(message.file, message.reason);
    if (message.type === 'failed') throw new Error(message.message);
    throw new Error(`parse worker: unexpected ${message.type} message`);
  };

  try {
    for (;;) {
      const head = await nextData();
      if (head.type === 'done') return;
      if (head.type !== 'input') fail(head);
      if (head.type !== 'input') return;
      reading = head.name;
      rowsReceived = 0;
      const skipped = new SkipTally();
      let end: Extract<ParseMessage, { type: 'input-end' }> | undefined;
      let consumed = false;
      const batches = async function* (): AsyncGenerator<StoreBatch> {
        if (consumed) throw new Error('batches can be read once');
        consumed = true;
        for (;;) {
          const message = await nextData();
          if (message.type === 'batch') {
            rowsReceived +=
              message.batch.kind === 'event-log' || message.batch.kind === 'details'
                ? message.batch.count
                : message.batch.rows.length;
            worker.postMessage({ type: 'credit' });
            yield message.batch;
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
        rowsRead: () => afterEnd((e) => e.rowsRead),
        skipped,
        sha256: () => afterEnd((e) => e.sha256),
      };
      yield input;
      if (!end) for await (const _ of input.batches) void _; // the caller stopped early: drain
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
