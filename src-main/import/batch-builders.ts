/**
 * Columnar batch builders: rows are appended into preallocated typed arrays, and a full batch is
 * handed over as is (no copy) while a fresh one starts. Columnar batches are cheap to post between
 * threads and cheap to bind into SQLite.
 */
import type { DetailsBatch, EventBatch, FailureBatch, FailureRow, SummaryBatch, SummaryRow } from './records';

/**
 * Rows per batch. Measured on a 1M-row event log: a batch's strings are cut out of the parsed
 * text and keep it alive until the batch is dropped; with 10,000 rows they outlive young-generation
 * GCs and get copied and promoted (~230 ms of GC per million rows), with 2,500 they die young
 * (~50 ms). Per-batch costs (a postMessage, a statement loop) stay negligible at this size.
 */
export const BATCH_ROWS = 2_500;

/**
 * A builder's first batch starts with room for this many rows and doubles up to BATCH_ROWS: a
 * folder of thousands of ten-row files otherwise allocated 2,500 rows of columns per file (~37 KB,
 * a third of their import's garbage-collection time). Later batches of a large file start full size.
 */
export const FIRST_ROWS = 64;

/** The same typed array with room for `size` elements (a copy, values kept). */
function grown<A extends Int32Array | Float64Array | Uint8Array>(array: A, size: number): A {
  const bigger = new (array.constructor as new (length: number) => A)(size);
  bigger.set(array);
  return bigger;
}

/** The typed columns of event-log and details rows: a line, a time, a platform and two byte-sized codes. */
export interface NumberColumns {
  readonly count: number;
  readonly line: Int32Array;
  readonly time: Float64Array;
  readonly platform: Uint8Array;
  readonly codeA: Uint8Array;
  readonly codeB: Uint8Array;
}

/** Appends rows' numbers into preallocated typed arrays; hands them over as they are when taken. */
export class NumberColumnsBuilder {
  count = 0;
  private line = new Int32Array(FIRST_ROWS);
  private time = new Float64Array(FIRST_ROWS);
  private platform = new Uint8Array(FIRST_ROWS);
  private codeA = new Uint8Array(FIRST_ROWS);
  private codeB = new Uint8Array(FIRST_ROWS);

  private grow(): void {
    const size = Math.min(BATCH_ROWS, Math.max(FIRST_ROWS, this.line.length * 2));
    this.line = grown(this.line, size);
    this.time = grown(this.time, size);
    this.platform = grown(this.platform, size);
    this.codeA = grown(this.codeA, size);
    this.codeB = grown(this.codeB, size);
  }

  /** Appends a row; returns true when the batch is full. */
  push(line: number, time: number, platform: number, codeA: number, codeB: number): boolean {
    if (this.count === this.line.length) this.grow();
    const i = this.count++;
    this.line[i] = line;
    this.time[i] = time;
    this.platform[i] = platform;
    this.codeA[i] = codeA;
    this.codeB[i] = codeB;
    return this.count === BATCH_ROWS;
  }

  take(): NumberColumns {
    const n = this.count;
    const full = n === BATCH_ROWS;
    // A partial batch in grown columns is copied down to its size so that it does not drag a full
    // buffer along; one in the first, small columns (a small file's only batch) takes them as they
    // are, seen to its size, and the next row gets new ones: a copy of each was ~1 KB a file.
    const first = !full && this.line.length <= FIRST_ROWS;
    const cut = <A extends Int32Array | Float64Array | Uint8Array>(array: A): A =>
      (full ? array : first ? array.subarray(0, n) : array.slice(0, n)) as A;
    const columns: NumberColumns = {
      count: n,
      line: cut(this.line),
      time: cut(this.time),
      platform: cut(this.platform),
      codeA: cut(this.codeA),
      codeB: cut(this.codeB),
    };
    this.count = 0;
    // Full: the next batch starts full size. First: none until a next row comes (grow), if one does.
    if (full || first) this.fresh(full ? BATCH_ROWS : 0);
    return columns;
  }

  private fresh(size: number): void {
    this.line = new Int32Array(size);
    this.time = new Float64Array(size);
    this.platform = new Uint8Array(size);
    this.codeA = new Uint8Array(size);
    this.codeB = new Uint8Array(size);
  }
}

/** The columns of a taken batch: event-log and details rows share all but the names of two codes. */
interface Columns extends NumberColumns {
  readonly user: string[];
  readonly device: string[];
  readonly screen: string[];
}

/**
 * One row per event: a line, a time, a platform, two byte-sized codes and three strings. The
 * event-log and details builders below name the two codes and the batch's kind.
 */
abstract class ColumnarBuilder<B> {
  private readonly numbers = new NumberColumnsBuilder();
  private user: string[] = [];
  private device: string[] = [];
  private screen: string[] = [];

  get count(): number {
    return this.numbers.count;
  }

  /** Appends a row; returns true when the batch is full. */
  push(
    line: number,
    time: number,
    platform: number,
    codeA: number,
    codeB: number,
    user: string,
    device: string,
    screen: string,
  ): boolean {
    this.user.push(user);
    this.device.push(device);
    this.screen.push(screen);
    return this.numbers.push(line, time, platform, codeA, codeB);
  }

  abstract take(): B;

  protected takeColumns(): Columns {
    const columns: Columns = {
      ...this.numbers.take(),
      user: this.user,
      device: this.device,
      screen: this.screen,
    };
    this.user = [];
    this.device = [];
    this.screen = [];
    return columns;
  }
}

/** Event-log rows: `push(line, time, platform, event, action, user, device, screen)`. */
export class EventBatchBuilder extends ColumnarBuilder<EventBatch> {
  take(): EventBatch {
    const { codeA, codeB, ...rest } = this.takeColumns();
    return { kind: 'event-log', ...rest, event: codeA, action: codeB };
  }
}

/** Details rows: `push(line, time, platform, action, userAction, user, device, screen)`. */
export class DetailsBatchBuilder extends ColumnarBuilder<DetailsBatch> {
  take(): DetailsBatch {
    const { codeA, codeB, ...rest } = this.takeColumns();
    return { kind: 'details', ...rest, action: codeA, userAction: codeB };
  }
}

/** Summary and failure rows are few and wide: plain row objects, batched by count. */
export class RowListBuilder<R, B> {
  private rows: R[] = [];
  constructor(private readonly wrap: (rows: R[]) => B) {}

  get count(): number {
    return this.rows.length;
  }

  push(row: R): boolean {
    this.rows.push(row);
    return this.rows.length === BATCH_ROWS;
  }

  take(): B {
    const batch = this.wrap(this.rows);
    this.rows = [];
    return batch;
  }
}

export const summaryRows = (): RowListBuilder<SummaryRow, SummaryBatch> =>
  new RowListBuilder((rows) => ({ kind: 'summary', rows }));
export const failureRows = (): RowListBuilder<FailureRow, FailureBatch> =>
  new RowListBuilder((rows) => ({ kind: 'failures', rows }));
