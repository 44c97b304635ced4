/**
 * The report's counts of a list of days (aggregate.ts, summed by tally.ts's sumCells), read once
 * per day for as long as the case is unchanged (case-reads.ts): the funnel's and the findings'
 * reports of the days the window has just shown, and the findings' previous period and baseline,
 * which overlap, read only the days not read yet.
 */
import type Database from 'better-sqlite3';
import { aggregateDays } from './aggregate';
import { keptRead, keptReads } from './case-reads';
import type { DayRange } from './day-buckets';
import { sumCells, type CellTotals } from './tally';

/** Per day: [cell, n, cell, n, ...] as aggregateDays gives them. */
function dayCells(db: Database.Database, days: readonly DayRange[]): (readonly number[])[] {
  return keptReads(
    db,
    days.map((day) => `day ${day.startMs} ${day.endMs}`),
    (missing) =>
      aggregateDays(
        db,
        missing.map((i) => days[i]!),
      ).days,
  );
}

export function dayTotals(db: Database.Database, days: readonly DayRange[]): CellTotals {
  const key = `totals ${days.map((day) => `${day.startMs} ${day.endMs}`).join(',')}`;
  return keptRead(db, key, () => sumCells({ days: dayCells(db, days) }));
}
