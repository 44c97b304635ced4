/**
 * Abandonment summary rows (spec 3, input 3) -> SummaryRow. A date `YYYY-MM-DD` is a day in the
 * report's time zone (kept as text); any other time is a point in time. No platform = both.
 */
import { summaryRows } from './batch-builders';
import type { Candidate, ColumnPlan, EnrollmentField } from './columns';
import { PLATFORM_CODES } from './event-row-sink';
import type { RecordBatch } from './records';
import { RowSink } from './row-sink';
import { isDayInRange, parseDay } from './times';
import { EMPTY_CODE, fieldCode, fieldRaw, fieldShown, fieldText, presentCandidate, textOf, type Row } from './values';

/** A count: a non-negative integer (JSON number or digits, `12.0` allowed); -1 when not one. */
export function parseCount(value: unknown): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : -1;
  if (typeof value !== 'string') return -1;
  const text = value.trim();
  return /^\d{1,15}(\.0*)?$/.test(text) ? Number(text) : -1;
}

export class SummarySink extends RowSink {
  private readonly batch = summaryRows();
  private readonly platforms = PLATFORM_CODES;

  constructor(private readonly plan: ColumnPlan<EnrollmentField>) {
    super();
  }

  row(row: Row, line: number): void {
    const f = this.plan.fields;
    const day = parseDay(fieldText(row, f.time));
    let time: number | null = null;
    if (day === null) {
      const t = this.timeOrSkip(row, line, f.time);
      if (t === undefined) return;
      time = t;
    } else if (!isDayInRange(day)) return this.skip(line, 'time out of range', () => day);
    const code = fieldCode(row, f.platform, this.platforms);
    if (code === 0) return this.skip(line, 'unknown platform', () => fieldShown(row, f.platform));
    const platform = code === EMPTY_CODE ? 0 : (code as 1 | 2);

    const initiated = this.count(row, f.initiated);
    if (initiated < 0)
      return this.skip(line, 'bad count', () => `initiated: ${fieldRaw(row, f.initiated) || '(empty)'}`);
    let incomplete: number | null = null;
    if (f.incomplete.length > 0) {
      incomplete = this.count(row, f.incomplete);
      if (incomplete < 0)
        return this.skip(line, 'bad count', () => `incomplete: ${fieldRaw(row, f.incomplete) || '(empty)'}`);
    }
    this.appended(this.batch.push({ line, day, time, platform, initiated, incomplete }));
  }

  private count(row: Row, cands: readonly Candidate[]): number {
    const c = presentCandidate(row, cands);
    if (!c) return -1;
    const value = row[c.primary];
    const count = parseCount(value);
    return count < 0 && c.twin >= 0 && textOf(value) === '' ? parseCount(row[c.twin]) : count;
  }

  protected pending(): number {
    return this.batch.count;
  }

  protected takeBatch(): RecordBatch {
    return this.batch.take();
  }
}
