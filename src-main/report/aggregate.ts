/**
 * The report's one heavy query: attempt counts per (day, platform, outcome, combo) for a list of
 * days.
 *
 * Normally it reads `attempt_buckets` (15-minute buckets): one primary-key range search per day,
 * whatever the size of the case. The day's rows come back as one packed JSON array
 * ([cell, n, cell, n, ...], cell = (combo * 4 + outcome) * 4 + platform) and are summed in JS:
 * a SQL GROUP BY here would push every bucket row through SQLite's sorter, which measured 3 to 6
 * times slower than the whole rest of the report on a 5M-event case.
 *
 * When a day boundary is not on a bucket boundary (historic local mean time offsets) it reads
 * `attempts` instead: the same counts, one scan of the table.
 */
import type Database from 'better-sqlite3';
import { bucketRanges, type DayRange } from './day-buckets';

/**
 * The day list (JSON [[lo, hi], ...] in buckets) is the outer loop; for each day a correlated
 * subquery searches attempt_buckets by its primary key. test/unit/report/query-plan.test.ts pins
 * this plan.
 */
export const BUCKET_QUERY = `
  SELECT d.key AS day,
         (SELECT '[' || group_concat(((b.combo_id * 4 + b.outcome) * 4 + b.platform) || ',' || b.n) || ']'
          FROM attempt_buckets AS b
          WHERE b.bucket >= d.value ->> 0 AND b.bucket < d.value ->> 1) AS cells
  FROM json_each(?) AS d`;

/** The fallback: one pass over attempts, each start placed in its day by the day list. */
export const ATTEMPTS_QUERY = `
  WITH d (day, lo, hi) AS MATERIALIZED (SELECT key, value ->> 0, value ->> 1 FROM json_each(@days))
  SELECT d.day, (a.combo_id * 4 + a.outcome) * 4 + a.platform AS cell, count(*) AS n
  FROM attempts AS a JOIN d ON a.start_ms >= d.lo AND a.start_ms < d.hi
  WHERE a.start_ms >= @lo AND a.start_ms < @hi
  GROUP BY d.day, cell`;

export interface Aggregation {
  /** Per day (index into the day list): [cell, n, cell, n, ...]; a cell may repeat (sum them). */
  readonly days: readonly (readonly number[])[];
  /** Which table answered (tests and diagnostics). */
  readonly source: 'buckets' | 'attempts';
}

export function aggregateDays(db: Database.Database, days: readonly DayRange[]): Aggregation {
  const perDay: number[][] = days.map(() => []);
  const buckets = bucketRanges(days);
  if (buckets !== null) {
    const rows = db.prepare(BUCKET_QUERY).raw().all(JSON.stringify(buckets)) as [number, string | null][];
    for (const [day, cells] of rows) if (cells !== null) perDay[day] = JSON.parse(cells) as number[];
    return { days: perDay, source: 'buckets' };
  }
  if (days.length > 0) {
    const ranges = days.map((d) => [d.startMs, d.endMs]);
    const rows = db
      .prepare(ATTEMPTS_QUERY)
      .raw()
      .all({ days: JSON.stringify(ranges), lo: days[0]!.startMs, hi: days[days.length - 1]!.endMs }) as [
      number,
      number,
      number,
    ][];
    for (const [day, cell, n] of rows) perDay[day]?.push(cell, n);
  }
  return { days: perDay, source: 'attempts' };
}
