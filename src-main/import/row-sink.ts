/**
 * Where parsed rows go: a sink validates each row (spec 3), appends it to a columnar batch or
 * counts it as skipped with its reason, and hands out finished batches. One sink per file kind.
 */
import { EXAMPLES_PER_REASON, SkipTally, type ReadBatch, type SkipReason } from './records';
import type { Candidate } from './columns';
import { excerpt, fieldRaw, fieldTime, isBlankRow, NO_TIME, TIME_OUT_OF_RANGE, type Row } from './values';

export abstract class RowSink {
  readonly skipped = new SkipTally();
  /** Rows turned into records so far. */
  protected emitted = 0;
  private readonly ready: ReadBatch[] = [];

  /** Validates one data row found at `line` (1-based physical line, or 1-based position in a JSON array). */
  abstract row(values: Row, line: number): void;

  /** A row that could not be read at all (invalid JSON line, malformed quotes). */
  unreadable(line: number, detail: string): void {
    this.skipped.add(line, 'unreadable row', detail);
  }

  /** Batches finished since the last call. */
  drain(): ReadBatch[] {
    return this.ready.length === 0 ? NONE : this.ready.splice(0);
  }

  /** Ends the input: the last, partial batch joins the finished ones. */
  finish(): void {
    if (this.pending() > 0) this.ready.push(this.takeBatch());
  }

  /** Data rows seen: records + skipped (the store later splits records into stored and duplicates). */
  get rowsRead(): number {
    return this.emitted + this.skipped.total;
  }

  protected abstract pending(): number;
  protected abstract takeBatch(): ReadBatch;

  /** Call after appending a row; `full` is the builder's answer. */
  protected appended(full: boolean): void {
    this.emitted++;
    if (full) this.ready.push(this.takeBatch());
  }

  /**
   * The row's time (epoch ms, in the accepted range), or undefined when the row is skipped for it:
   * no time, a bad time, or a time out of range (a blank row is no row and is not counted).
   */
  protected timeOrSkip(row: Row, line: number, cands: readonly Candidate[]): number | undefined {
    const time = fieldTime(row, cands);
    if (time > NO_TIME && time < TIME_OUT_OF_RANGE) return time;
    if (time === NO_TIME) {
      if (!isBlankRow(row)) this.skip(line, 'no time', () => excerpt(row));
    } else if (time === TIME_OUT_OF_RANGE) this.skip(line, 'time out of range', () => fieldRaw(row, cands));
    else this.skip(line, 'bad time', () => fieldRaw(row, cands));
    return undefined;
  }

  /** Counts a skipped row; the detail is only computed for the few examples that are kept. */
  protected skip(line: number, reason: SkipReason, detail: () => string): void {
    const seen = this.skipped.counts[reason] ?? 0;
    this.skipped.add(line, reason, seen < EXAMPLES_PER_REASON ? detail() : '');
  }
}

const NONE: ReadBatch[] = [];
