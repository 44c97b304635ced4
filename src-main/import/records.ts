/**
 * What the import step hands to the store: validated, normalized rows in columnar batches (cheap to
 * post between threads), plus what was skipped and why. The store never sees raw text rows.
 */

/** What a file holds (spec section 3, detected from its columns). */
export type FileKind = 'event-log' | 'details' | 'summary' | 'failures';
/** The container the rows came in. */
export type Container = 'csv' | 'ndjson' | 'json' | 'envelope';

/** Event-log rows. Codes: see taxonomy (platform 1|2, event 1..8, action 0 = none, 1..9). */
export interface EventBatch {
  readonly kind: 'event-log';
  readonly count: number;
  /** 1-based line number of each row in its file (the header is line 1 in CSV). */
  readonly line: Int32Array;
  /** Epoch milliseconds. */
  readonly time: Float64Array;
  readonly platform: Uint8Array;
  readonly event: Uint8Array;
  readonly action: Uint8Array;
  readonly user: string[];
  /** '' when absent. */
  readonly device: string[];
  /** '' when absent. */
  readonly screen: string[];
}

/** Abandonment details rows: one incomplete attempt each. userAction is a user action code 1..6. */
export interface DetailsBatch {
  readonly kind: 'details';
  readonly count: number;
  readonly line: Int32Array;
  readonly time: Float64Array;
  readonly platform: Uint8Array;
  /** 0 when the row names no action name (the attempt is then unclassified). */
  readonly action: Uint8Array;
  readonly userAction: Uint8Array;
  readonly user: string[];
  readonly device: string[];
  readonly screen: string[];
}

/** Abandonment summary rows (few: one a day and platform). */
export interface SummaryRow {
  readonly line: number;
  /** `YYYY-MM-DD` when the file gave a date only: a day in the report's time zone. */
  readonly day: string | null;
  /** Epoch milliseconds when the file gave a point in time instead. */
  readonly time: number | null;
  /** 0 = the row covers both platforms together. */
  readonly platform: 0 | 1 | 2;
  readonly initiated: number;
  /** null when the file has no incomplete column. */
  readonly incomplete: number | null;
}
export interface SummaryBatch {
  readonly kind: 'summary';
  readonly rows: SummaryRow[];
}

/** Intune's Enrollment failures and Graph troubleshooting events (spec section 8). */
export interface FailureRow {
  readonly line: number;
  /** FailureGuid, EnrollmentActivityId or the event's id; '' when none (then the row's content identifies it). */
  readonly id: string;
  readonly time: number;
  readonly user: string;
  readonly device: string;
  /** The OS as written ('' when absent); failures are not limited to the report's two platforms. */
  readonly os: string;
  readonly osVersion: string;
  readonly method: string;
  readonly category: string;
  readonly reason: string;
  readonly details: string;
}
export interface FailureBatch {
  readonly kind: 'failures';
  readonly rows: FailureRow[];
}

export type RecordBatch = EventBatch | DetailsBatch | SummaryBatch | FailureBatch;

/** One column's strings as codes (the parse worker's format, see store/coded-batch.ts). */
export interface CodedStrings {
  /** One code per row. */
  readonly codes: Int32Array;
  /** The strings first seen in this batch: their codes follow the previous batch's last code. */
  readonly added: readonly string[];
  /** The codes start again from 0 with this batch (the coder forgot its strings, see CODES_KEPT). */
  readonly restart?: true;
  /** The codes are a group's, shared by its files (store/group-codes.ts), not the input's own. */
  readonly shared?: true;
}

/**
 * Whether a coder holding `held` strings forgets them before a batch of `rows` rows (`restart`):
 * when they could pass `kept` with it. The string coder and the byte coder decide by this one rule,
 * so that both send the storing thread the same codes.
 */
export const codesRestart = (held: number, rows: number, kept: number): boolean => held > 0 && held + rows > kept;

/**
 * The distinct strings a coder keeps: a number, or a bound read at each batch. The parse worker's
 * attempts walk raises it while it needs codes to stay identities (workers/walk-in-worker.ts) and
 * lowers it again when it gives up.
 */
export type CodesKept = number | { readonly kept: number };
export const keptOf = (kept: CodesKept): number => (typeof kept === 'number' ? kept : kept.kept);

type Coded<B extends EventBatch | DetailsBatch> = Omit<B, 'kind' | 'user' | 'device' | 'screen'> & {
  readonly coded: true;
  readonly kind: B['kind'];
  readonly user: CodedStrings;
  readonly device: CodedStrings;
  readonly screen: CodedStrings;
};
export type CodedEventBatch = Coded<EventBatch>;
export type CodedDetailsBatch = Coded<DetailsBatch>;

/** What a reader hands out: batches with their strings, or (readInput's `codeStrings`) event batches coded. */
export type ReadBatch = RecordBatch | CodedEventBatch;

/** Why a row was skipped; the keys of an import's `skipped` map. */
export type SkipReason =
  | 'no time'
  | 'bad time'
  | 'time out of range'
  | 'no user'
  | 'no platform'
  | 'unknown platform'
  | 'unknown event'
  | 'unknown action name'
  | 'step without action name'
  | 'no user action'
  | 'unknown user action'
  | 'bad count'
  | 'unreadable row';

/** One skipped row shown to the user: where it is and what was wrong. */
export interface SkipExample {
  readonly line: number;
  readonly reason: SkipReason;
  /** The offending value or a short excerpt of the row (at most 200 characters). */
  readonly detail: string;
}

/** How many skip examples are kept per reason. */
export const EXAMPLES_PER_REASON = 5;

/** Counts of skipped rows by reason, with the first few examples of each. */
export class SkipTally {
  readonly counts: Partial<Record<SkipReason, number>> = {};
  readonly examples: SkipExample[] = [];

  add(line: number, reason: SkipReason, detail: string): void {
    const seen = this.counts[reason] ?? 0;
    this.counts[reason] = seen + 1;
    if (seen < EXAMPLES_PER_REASON) this.examples.push({ line, reason, detail: detail.slice(0, 200) });
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  }
}
