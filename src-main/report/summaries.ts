/**
 * Summary rows (input 3) grouped into the report's cells: day (in the report zone) × platform,
 * where platform 0 is a row that covers both platforms together. The table is small (a row a day
 * and platform), so it is read whole.
 *
 * When several rows cover the same cell, the one imported last stands (spec 5: a later export of
 * the same day replaces an earlier one): rows are read in import order (seq = import id * 2^32 +
 * line), so a later row, or a later line of the same file, replaces the cell.
 */
import type Database from 'better-sqlite3';
import { dayOf } from './day-buckets';

export interface SummaryCell {
  /** Rows that covered this cell; the last imported one gave the counts. */
  rows: number;
  initiated: number;
  /** The standing row's incomplete count; null when it gives none. */
  incomplete: number | null;
  /** The standing row's import order (seq = import id * 2^32 + line). */
  seq: number;
}

/** date → platform code (0 = both, 1, 2) → cell. */
export type SummaryCells = Map<string, Map<number, SummaryCell>>;

type SummaryRow = [
  day: string | null,
  timeMs: number | null,
  platform: number,
  initiated: number,
  incomplete: number | null,
  seq: number,
];

function readRows(db: Database.Database): SummaryRow[] {
  return db
    .prepare('SELECT day, time_ms, platform, initiated, incomplete, seq FROM summaries ORDER BY seq, id')
    .raw()
    .all() as SummaryRow[];
}

/** A `YYYY-MM-DD` day is a day in the report zone (spec 3); a point in time falls on its local day. */
const dateOf = (day: string | null, timeMs: number | null, tz: string): string | null =>
  day ?? (timeMs === null ? null : dayOf(timeMs, tz));

export function readSummaryCells(db: Database.Database, tz: string, from: string, to: string): SummaryCells {
  const cells: SummaryCells = new Map();
  for (const [day, timeMs, platform, initiated, incomplete, seq] of readRows(db)) {
    const date = dateOf(day, timeMs, tz);
    if (date === null || date < from || date > to) continue;
    let byPlatform = cells.get(date);
    if (byPlatform === undefined) {
      byPlatform = new Map();
      cells.set(date, byPlatform);
    }
    const rows = (byPlatform.get(platform)?.rows ?? 0) + 1;
    byPlatform.set(platform, { rows, initiated, incomplete, seq });
  }
  return cells;
}

/** Every day (in tz) on which a summary row of any platform lies, ascending. */
export function summaryDays(db: Database.Database, tz: string): string[] {
  const days = new Set<string>();
  for (const [day, timeMs] of readRows(db)) {
    const date = dateOf(day, timeMs, tz);
    if (date !== null) days.add(date);
  }
  return [...days].sort();
}
