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

/**
 * A day's [cell, n, ...] with each cell once, in the order the cells first appear (the order
 * sumCells gives combos their indexes in): on the 1M bench case a day's ~1,000 bucket rows hold
 * ~80 cells, so what is kept is small and summing it again is quick.
 */
export function compactCells(cells: readonly number[]): number[] {
  const sums = new Map<number, number>();
  for (let i = 0; i + 1 < cells.length; i += 2) sums.set(cells[i]!, (sums.get(cells[i]!) ?? 0) + cells[i + 1]!);
  const out: number[] = [];
  for (const [cell, n] of sums) out.push(cell, n);
  return out;
}

/** Per day: [cell, n, cell, n, ...] (aggregate.ts), each cell once. */
function dayCells(db: Database.Database, days: readonly DayRange[]): (readonly number[])[] {
  const read = (missing: readonly number[]) =>
    aggregateDays(
      db,
      missing.map((i) => days[i]!),
    ).days.map(compactCells);
  return keptReads(
    db,
    days.map((day) => `day ${day.startMs} ${day.endMs}`),
    read,
  );
}

export function dayTotals(db: Database.Database, days: readonly DayRange[]): CellTotals {
  const key = `totals ${days.map((day) => `${day.startMs} ${day.endMs}`).join(',')}`;
  return keptRead(db, key, () => sumCells({ days: dayCells(db, days) }));
}
