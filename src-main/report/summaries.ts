/**
 * Summary rows (input 3) grouped into the report's cells: day (in the report zone) × platform,
 * where platform 0 is a row that covers both platforms together. The table is small (a row a day
 * and platform), so it is read whole.
 */
import type Database from 'better-sqlite3';
import { dayOf } from './day-buckets';

export interface SummaryCell {
  /** Number of rows summed into this cell. */
  rows: number;
  initiated: number;
  /** Sum of the rows' incomplete counts that are given; null when no row gives one. */
  incomplete: number | null;
}

/** date → platform code (0 = both, 1, 2) → cell. */
export type SummaryCells = Map<string, Map<number, SummaryCell>>;

export function readSummaryCells(db: Database.Database, tz: string, from: string, to: string): SummaryCells {
  const rows = db.prepare('SELECT day, time_ms, platform, initiated, incomplete FROM summaries').raw().all() as [
    string | null,
    number | null,
    number,
    number,
    number | null,
  ][];
  const cells: SummaryCells = new Map();
  for (const [day, timeMs, platform, initiated, incomplete] of rows) {
    // A `YYYY-MM-DD` day is a day in the report zone (spec 3); a point in time falls on its local day.
    const date = day ?? (timeMs === null ? null : dayOf(timeMs, tz));
    if (date === null || date < from || date > to) continue;
    let byPlatform = cells.get(date);
    if (byPlatform === undefined) {
      byPlatform = new Map();
      cells.set(date, byPlatform);
    }
    const cell = byPlatform.get(platform) ?? { rows: 0, initiated: 0, incomplete: null };
    cell.rows++;
    cell.initiated += initiated;
    if (incomplete !== null) cell.incomplete = (cell.incomplete ?? 0) + incomplete;
    byPlatform.set(platform, cell);
  }
  return cells;
}
