/**
 * The report's one heavy query: attempt counts per (day, platform, outcome, combo) for a list of
 * days. Normally it reads `attempt_buckets` (15-minute buckets): one primary-key range seek per
 * day, a few thousand rows at most, whatever the size of the case. When a day boundary is not on a
 * bucket boundary (historic local mean time offsets) it reads `attempts` instead: the same counts,
 * one scan of the table.
 */
import type Database from 'better-sqlite3';
import { bucketRanges, type DayRange } from './day-buckets';

export interface CellCount {
  /** Index into the day list. */
  readonly day: number;
  readonly platform: number;
  readonly outcome: number;
  readonly comboId: number;
  readonly n: number;
}

/**
 * CROSS JOIN keeps the day list as the outer loop, so attempt_buckets is searched by its primary
 * key (bucket range) once per day; test/unit/report/query-plan.test.ts pins that plan.
 */
export const BUCKET_QUERY = `
  SELECT d.key AS day, b.platform, b.outcome, b.combo_id AS comboId, sum(b.n) AS n
  FROM json_each(?) AS d CROSS JOIN attempt_buckets AS b
  WHERE b.bucket >= d.value ->> 0 AND b.bucket < d.value ->> 1
  GROUP BY d.key, b.platform, b.outcome, b.combo_id`;

/** The fallback: one pass over attempts, each start placed in its day by the day list. */
export const ATTEMPTS_QUERY = `
  WITH d (day, lo, hi) AS MATERIALIZED (SELECT key, value ->> 0, value ->> 1 FROM json_each(@days))
  SELECT d.day, a.platform, a.outcome, a.combo_id AS comboId, count(*) AS n
  FROM attempts AS a JOIN d ON a.start_ms >= d.lo AND a.start_ms < d.hi
  WHERE a.start_ms >= @lo AND a.start_ms < @hi
  GROUP BY d.day, a.platform, a.outcome, a.combo_id`;

export interface Aggregation {
  readonly cells: readonly CellCount[];
  /** Which table answered (tests and diagnostics). */
  readonly source: 'buckets' | 'attempts';
}

export function aggregateDays(db: Database.Database, days: readonly DayRange[]): Aggregation {
  if (days.length === 0) return { cells: [], source: 'buckets' };
  const buckets = bucketRanges(days);
  if (buckets !== null) {
    const cells = db.prepare(BUCKET_QUERY).all(JSON.stringify(buckets)) as CellCount[];
    return { cells, source: 'buckets' };
  }
  const ranges = days.map((d) => [d.startMs, d.endMs]);
  const first = days[0]!.startMs;
  const last = days[days.length - 1]!.endMs;
  const cells = db.prepare(ATTEMPTS_QUERY).all({ days: JSON.stringify(ranges), lo: first, hi: last }) as CellCount[];
  return { cells, source: 'attempts' };
}
