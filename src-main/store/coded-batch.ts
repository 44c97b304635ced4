/**
 * Event-log and details batches whose strings (user, device, screen) are replaced by small codes.
 *
 * The parse worker codes them: per input and per column, code i is the i-th distinct string, and
 * each batch carries the strings first seen in it (`added`, in code order). The storing thread then
 * receives typed arrays only (transferred, not copied: no strings to clone, hash and collect per
 * row) and turns a code into a case id with one array lookup; it interns each distinct string once.
 * Measured on a 1M-event log: the storing thread's work per batch drops by ~1 s per million rows.
 */
import type { EndedColumns } from '../attempts/ended-attempts';
import {
  codesRestart,
  keptOf,
  type CodedDetailsBatch,
  type CodesKept,
  type CodedEventBatch,
  type CodedStrings,
  type ReadBatch,
  type RecordBatch,
} from '../import/records';

export type { CodedDetailsBatch, CodedEventBatch, CodedStrings } from '../import/records';

/**
 * Distinct strings a coder remembers per column. Past this, it forgets them and starts its codes
 * again (the next batch says so): memory stays bounded whatever the number of distinct users or
 * devices (a million one-event users kept ~180 MB of strings in the parse worker), at the cost of
 * interning a string again when it comes back after a restart. 2^15 holds the bench's 1M-event
 * log (24k users, 29k devices) without a restart; against 2^17 it took ~20 MB off the peak RSS of
 * a million one-event users (`report FILE`: 291 -> 270 MB).
 */
export const CODES_KEPT = 1 << 15;

/**
 * Attempts the parse worker walked from an input's event batches (workers/walk-in-worker.ts), sent
 * between them: ids are the input's codes (users) and code + 1 (screens, devices; 0: none), seq
 * the line. A run of ended attempts, the walk's end (after its last run), or that it was given up.
 */
export interface WalkedAttemptsBatch {
  readonly kind: 'walked-attempts';
  readonly run?: EndedColumns;
  readonly end?: {
    /** Events walked: every event row the input sent. */
    readonly walked: number;
    readonly groups: number;
    readonly latestMs: number;
    readonly earliestMs: number;
  };
  readonly givenUp?: true;
}

/** What the store writes: batches as readInput makes them, or coded by the parse worker (with the attempts it walked). */
export type StoreBatch = RecordBatch | CodedEventBatch | CodedDetailsBatch | WalkedAttemptsBatch;

export const isCoded = (batch: StoreBatch): batch is CodedEventBatch | CodedDetailsBatch => 'coded' in batch;

/** The rows of a batch (coded or not; a run of walked attempts counts its attempts). */
export const rowsOf = (batch: StoreBatch): number =>
  batch.kind === 'walked-attempts' ? (batch.run?.count ?? 0) : 'count' in batch ? batch.count : batch.rows.length;

/**
 * The same text in a string of its own. A parsed field is a view into the text piece it was cut
 * from; kept as a map key, it would keep the whole piece alive (~150 MB per million rows).
 */
export const ownCopy = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));

/** Codes one column's strings, for one input (the worker's side). */
export class StringCoder {
  private readonly codes = new Map<string, number>();

  constructor(
    private readonly kept: CodesKept = CODES_KEPT,
    /** Codes a group's inputs share (GroupCoder): each column says so (CodedStrings.shared). */
    private readonly shared = false,
  ) {}

  code(texts: readonly string[]): CodedStrings {
    const codes = new Int32Array(texts.length);
    const added: string[] = [];
    const map = this.codes;
    // Decided per batch, before it: a batch's codes all count from the same start.
    const restart = codesRestart(map.size, texts.length, keptOf(this.kept));
    if (restart) map.clear();
    // The row before's string again (a user's events follow each other) needs no lookup: hashing
    // each new string to look it up was a seventh of a folder's small files' reading.
    let last: string | undefined;
    let lastCode = -1;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      if (text === last) {
        codes[i] = lastCode;
        continue;
      }
      let code = map.get(text);
      if (code === undefined) {
        code = map.size;
        map.set(ownCopy(text), code);
        added.push(text);
      }
      codes[i] = code;
      last = text;
      lastCode = code;
    }
    if (this.shared) return restart ? { codes, added, restart, shared: true } : { codes, added, shared: true };
    return restart ? { codes, added, restart } : { codes, added };
  }
}

/** Codes the strings of event-log and details batches of one input; other batches pass as they are. */
export class BatchCoder {
  private readonly users: StringCoder;
  private readonly devices: StringCoder;
  private readonly screens: StringCoder;

  constructor(kept: CodesKept = CODES_KEPT, { shared = false }: { shared?: boolean } = {}) {
    this.users = new StringCoder(kept, shared);
    this.devices = new StringCoder(kept, shared);
    this.screens = new StringCoder(kept, shared);
  }

  /** A batch the reader coded already (readInput's `codeStrings`) passes as it is. */
  code(batch: ReadBatch): StoreBatch {
    if (isCoded(batch) || (batch.kind !== 'event-log' && batch.kind !== 'details')) return batch;
    return {
      ...batch,
      coded: true,
      user: this.users.code(batch.user),
      device: this.devices.code(batch.device),
      screen: this.screens.code(batch.screen),
    } as CodedEventBatch | CodedDetailsBatch;
  }
}

/**
 * Codes the event-log and details batches of every input of a group of files with one set of codes
 * (what the storing side keeps for the group: store/group-codes.ts), so a string the group has sent
 * is not sent again; its columns say so (`shared`). A batch its reader coded from the bytes (a file
 * over 64 KiB) keeps the input's own codes: turning them into the group's cost such files more
 * than the group saved them (a folder of 20 files of 5,000 rows: +6% CPU).
 */
export class GroupCoder extends BatchCoder {
  constructor(kept = CODES_KEPT) {
    super(kept, { shared: true });
  }
}

/** The typed arrays of a batch, which a postMessage can transfer instead of copying. */
export function transferablesOf(batch: StoreBatch): ArrayBuffer[] {
  if (batch.kind === 'walked-attempts') {
    const run = batch.run;
    return run
      ? Object.values(run)
          .filter((v): v is ArrayBufferView => ArrayBuffer.isView(v))
          .map((v) => v.buffer as ArrayBuffer)
      : [];
  }
  if (batch.kind !== 'event-log' && batch.kind !== 'details') return [];
  const arrays: ArrayBufferView[] =
    batch.kind === 'event-log'
      ? [batch.line, batch.time, batch.platform, batch.event, batch.action]
      : [batch.line, batch.time, batch.platform, batch.action, batch.userAction];
  if (isCoded(batch)) arrays.push(batch.user.codes, batch.device.codes, batch.screen.codes);
  // Only whole buffers can move; a view onto a shared buffer is copied instead.
  const buffers = arrays
    .filter((a) => a.byteOffset === 0 && a.byteLength === a.buffer.byteLength)
    .map((a) => a.buffer as ArrayBuffer);
  return [...new Set(buffers)];
}
