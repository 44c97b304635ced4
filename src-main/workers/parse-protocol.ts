/** Messages between the thread that stores rows and the worker that parses files. */
import type { Container, FileKind, SkipExample, SkipReason } from '../import/records';
import { BATCH_ROWS } from '../import/batch-builders';
import { rowsOf, type StoreBatch } from '../store/coded-batch';
import type { WalkLimits } from './walk-in-worker';
import type { EndedColumns } from '../attempts/ended-attempts';

export interface ParseRequest {
  /** The files to read, in this order: one large file, or a group of small ones read ahead. */
  readonly paths: readonly string[];
  /** Code the strings of all the files with one set of codes (coded-batch.ts GroupCoder), not per input. */
  readonly groupCodes?: boolean;
  /** Walk the attempts of each input's events, within these limits, and send them among its batches (walk-in-worker.ts). */
  readonly walk?: WalkLimits;
}

/** What the worker says, about the file at index `file` of the request's paths. */
export type ParseMessage = { readonly file: number } & (
  | {
      readonly type: 'input';
      readonly name: string;
      readonly size: number;
      readonly container: Container;
      readonly kind: FileKind;
      readonly format: string;
    }
  | { readonly type: 'batch'; readonly batch: StoreBatch }
  | {
      readonly type: 'input-end';
      readonly rowsRead: number;
      readonly skippedCounts: Partial<Record<SkipReason, number>>;
      readonly skippedExamples: SkipExample[];
      readonly sha256: string;
      readonly size: number;
    }
  | { readonly type: 'bytes'; readonly bytesRead: number; readonly totalBytes: number }
  /** The file was read to its end. This, 'refused' or 'failed' is a file's last message. */
  | { readonly type: 'file-end' }
  /** `name`: the file or ZIP entry refused (InputRefused's file). */
  | { readonly type: 'refused'; readonly name: string; readonly reason: string }
  | { readonly type: 'failed'; readonly message: string }
);

/**
 * The worker posts its messages several at a time, in order: one postMessage per message cost a
 * folder of 10-row files about as much as parsing them (five messages a file, each a structured
 * clone and a turn of the receiving event loop).
 */
export type ParsePacket = readonly ParseMessage[];

/** Whether a message is a file's last: after it, nothing more comes about that file. */
export const endsFile = (message: ParseMessage): boolean =>
  message.type === 'file-end' || message.type === 'refused' || message.type === 'failed';

export { rowsOf };

/**
 * What a message costs of the worker's credits: one, and one per row it carries. The worker is
 * never more than CREDITS ahead of the storing side, so memory stays bounded whether the files
 * are large (batches of 2,500 rows) or small (a folder of files of a few rows, or none).
 * Progress is free: it is posted as it comes, in order (at most one a file per 100 ms, and the last).
 */
export const costOf = (message: ParseMessage): number =>
  message.type === 'bytes' ? 0 : 1 + (message.type === 'batch' ? rowsOf(message.batch) : 0);

/**
 * 64 batches of BATCH_ROWS rows: parsing overlaps storing, memory stays bounded (a coded batch of
 * 2,500 rows is ~60 KB, 64 of them ~4 MB). With 4, the parser (the slower side then) waited 0.2-0.5
 * s per million rows whenever the storing side paused (a cache spill, a GC); 16 covered those. Since
 * events are inserted a window at a time (store/event-window.ts), the storing side pauses for a
 * whole window's insert (~0.1 s): with 16 the parser stopped for most of it, and the two threads
 * took turns instead of overlapping. Measured on a quiet 2-core machine (`report FILE`, wall): 1M
 * wide 1.96-2.00 s with 16 against 1.58-1.78 with 64; 5M narrow 8.2 against 6.3-7.8 s
 * (docs/decisions.md, "Session 5: credits and the window, on a quiet machine"). Files of ten rows
 * cost 15 each (five messages): the worker reads up to ~10,700 of them ahead.
 */
export const CREDITS = 64 * (BATCH_ROWS + 1);

/**
 * Messages are posted, and credits given back, a batch's worth at a time: a large file's batch
 * goes at once, as it is made, while small files go ~170 at a time. Every post wakes the other
 * thread, which on a loaded machine can wait for the scheduler: one a file made a folder of 10-row
 * files take two to three times its CPU time in wall time.
 */
export const POST_COST = BATCH_ROWS + 1;

/** The storing side gives credits back in bulk: `count` of them. */
export type CreditMessage = { readonly type: 'credit'; readonly count: number };

/** The storing side sends a run of walked attempts' columns back once written, for the worker's next runs. */
export type RecycleMessage = { readonly type: 'recycle'; readonly run: Omit<EndedColumns, 'count'> };

/** The storing side's first message: what to read (a worker may be started before it is known). */
export type RequestMessage = { readonly type: 'request' } & ParseRequest;

/** What the storing side says to the worker. */
export type StoreMessage = RequestMessage | CreditMessage | RecycleMessage;
