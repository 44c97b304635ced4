/**
 * The storing side of one parse worker: starts it on a list of files, queues what it posts, gives
 * its credits back, and turns its end (out of memory, a crash, a cancel) into a last message for
 * the file it was reading, so that file is refused (or cancelled) like any other and the files
 * before it keep what was read of them.
 */
import { basename } from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { isCoded } from '../store/coded-batch';
import { GroupCodes } from '../store/group-codes';
import { takeParseWorker } from './spare-parse-worker';
import type { WalkLimits } from './walk-in-worker';
import type { EndedColumns } from '../attempts/ended-attempts';
import { isWorkerOutOfMemory, parseOutOfMemoryReason } from './memory-limit';
import {
  POST_COST,
  costOf,
  endsFile,
  rowsOf,
  type CreditMessage,
  type RecycleMessage,
  type ParseMessage,
  type ParsePacket,
  type RequestMessage,
} from './parse-protocol';

/** The worker has ended: nothing more comes from it. */
export const STOPPED: unique symbol = Symbol('parse worker stopped');
type Item = ParseMessage | typeof STOPPED;

export class ParseSession {
  private readonly worker: Worker;
  private readonly items: ParseMessage[] = [];
  private head = 0;
  private waiting: ((item: Item) => void) | undefined;
  private stopped = false;
  /** Credits of the messages taken and not given back yet: given back POST_COST at a time. */
  private owed = 0;
  /** The file the worker is at (the last one it spoke of, or the next once that one ended)... */
  private lastFile = -1;
  private lastEnded = true;
  /** ...the input (file or ZIP entry) it was reading there, and that input's rows received so far. */
  private reading = '';
  private rowsReceived = 0;
  /** The first file the worker had not finished when it stopped. */
  private stoppedAt = Infinity;
  /** A cancel stops the worker; the file it was reading then ends as failed, the import as cancelled. */
  private readonly signal: AbortSignal | undefined;
  private readonly onAbort = (): void => void this.worker.terminate();

  /** The group's string codes, when its files share them (ParseRequest.groupCodes), as read so far. */
  readonly codes: GroupCodes | undefined;

  constructor(
    readonly paths: readonly string[],
    limits: ResourceLimits,
    signal?: AbortSignal,
    { groupCodes = false, walk }: { groupCodes?: boolean; walk?: WalkLimits } = {},
  ) {
    this.codes = groupCodes ? new GroupCodes() : undefined;
    // Perhaps started a while ago (spare-parse-worker.ts): it waits for this request.
    this.worker = takeParseWorker(limits);
    const request: RequestMessage = { type: 'request', paths, groupCodes, walk };
    this.worker.postMessage(request);
    this.worker.on('message', (packet: ParsePacket) => {
      for (const message of packet) {
        this.follow(message);
        this.push(message);
      }
    });
    // Node delivers every message a worker posted before its 'error' and 'exit'.
    this.worker.on('error', (error) =>
      this.stop(
        isWorkerOutOfMemory(error)
          ? (file) => ({ file, type: 'refused', name: this.reading, reason: parseOutOfMemoryReason(this.rowsReceived) })
          : (file) => ({ file, type: 'failed', message: error.message.split('\n')[0] ?? 'parse worker failed' }),
      ),
    );
    this.worker.on('exit', (code) =>
      this.stop((file) => ({ file, type: 'failed', message: `parse worker stopped (exit code ${code})` })),
    );
    this.signal = signal;
    signal?.addEventListener('abort', this.onAbort);
  }

  /** Whether the worker stopped before reaching file `index` (it will never say anything about it). */
  stoppedBefore(index: number): boolean {
    return this.stoppedAt < index;
  }

  /**
   * The next message about file `index`, or STOPPED. Messages about earlier files (one the
   * storing side stopped reading half-way) are passed over, their credits given back. Every batch
   * taken, passed over or not, adds its strings to the group's codes: later batches count on them.
   */
  async next(index: number): Promise<Item> {
    for (;;) {
      const item = await this.nextItem();
      if (item === STOPPED) return item;
      this.giveBack(costOf(item));
      if (this.codes && item.type === 'batch' && isCoded(item.batch) && item.batch.user.shared)
        this.codes.register(item.batch);
      if (item.file === index) return item;
      if (item.file > index)
        throw new Error(`parse worker: a message about file ${item.file} before file ${index} ended`);
    }
  }

  /**
   * The hash of file `index` when everything the worker will say of it is queued already and it
   * is one input of at most one batch, read to its end: nothing of it can be refused half-way any
   * more. Undefined while it is being read, when it ended refused or failed, or holds more (a ZIP's
   * entries, several batches). Messages are queued in order, so its own are together.
   */
  settled(index: number): { readonly sha256: string } | undefined {
    let inputs = 0;
    let batches = 0;
    let sha256: string | undefined;
    for (let i = this.head; i < this.items.length; i++) {
      const item = this.items[i]!;
      if (item.file < index) continue;
      if (item.file > index) break;
      if (item.type === 'input') inputs++;
      else if (item.type === 'batch') batches++;
      else if (item.type === 'input-end') sha256 = item.sha256;
      else if (item.type === 'file-end') return inputs === 1 && batches <= 1 && sha256 ? { sha256 } : undefined;
      else if (item.type !== 'bytes') return undefined;
    }
    return undefined;
  }

  async close(): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.worker.removeAllListeners('exit');
    this.stopped = true;
    await this.worker.terminate();
  }

  private follow(message: ParseMessage): void {
    if (message.file !== this.lastFile || this.lastEnded) {
      this.lastFile = message.file;
      this.reading = basename(this.paths[message.file]!);
      this.rowsReceived = 0;
    }
    this.lastEnded = endsFile(message);
    if (message.type === 'input') {
      this.reading = message.name;
      this.rowsReceived = 0;
    } else if (message.type === 'batch') {
      const { batch } = message;
      if (batch.kind !== 'walked-attempts') this.rowsReceived += rowsOf(batch);
    }
  }

  /** Ends the queue: the file the worker was reading gets `last` as its last message. */
  private stop(last: (file: number) => ParseMessage): void {
    if (this.stopped) return;
    this.stopped = true;
    const file = this.lastEnded ? this.lastFile + 1 : this.lastFile;
    this.stoppedAt = file;
    if (file < this.paths.length) {
      if (this.lastEnded) this.reading = basename(this.paths[file]!);
      this.push(last(file));
    }
    this.push(STOPPED);
  }

  /** Queues a message; STOPPED is not queued but kept: every read after the last message gets it. */
  private push(item: Item): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(item);
    } else if (item !== STOPPED) this.items.push(item);
  }

  private nextItem(): Promise<Item> {
    if (this.head < this.items.length) {
      const item = this.items[this.head++]!;
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      }
      return Promise.resolve(item);
    }
    if (this.stopped) return Promise.resolve(STOPPED);
    // The worker may be waiting for the credits not given back yet: give them before waiting.
    this.postCredits();
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private giveBack(cost: number): void {
    this.owed += cost;
    if (this.owed >= POST_COST) this.postCredits();
  }

  /** Sends a run's columns back to the worker once the run is written (its next runs reuse them). */
  recycle(run: EndedColumns): void {
    if (this.stopped) return;
    const { count: _, ...columns } = run;
    const message: RecycleMessage = { type: 'recycle', run: columns };
    this.worker.postMessage(
      message,
      Object.values(columns).map((column) => column.buffer as ArrayBuffer),
    );
  }

  private postCredits(): void {
    if (this.owed === 0 || this.stopped) return;
    const message: CreditMessage = { type: 'credit', count: this.owed };
    this.owed = 0;
    this.worker.postMessage(message);
  }
}
