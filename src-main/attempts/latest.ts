/**
 * The case's earliest and latest event times (spec 4 rule 8; the event-log span of spec 5) and
 * earliest and latest details-row times (the data span, partial days and the default range),
 * kept in `settings` because both tables' primary keys start with user_id: MIN/MAX(time_ms) there
 * is a full scan. Events and details are only ever added, so the values only widen.
 */
import type Database from 'better-sqlite3';

export const LATEST_EVENT_KEY = '_latestEventMs';
export const LATEST_DETAILS_KEY = '_latestDetailsMs';
export const EARLIEST_EVENT_KEY = '_earliestEventMs';
export const EARLIEST_DETAILS_KEY = '_earliestDetailsMs';

type Table = 'events' | 'details';
type End = 'latest' | 'earliest';
const KEY_OF: Record<End, Record<Table, string>> = {
  latest: { events: LATEST_EVENT_KEY, details: LATEST_DETAILS_KEY },
  earliest: { events: EARLIEST_EVENT_KEY, details: EARLIEST_DETAILS_KEY },
};

/** The stored value, or undefined when never stored (a case written by something else, or before the value existed). */
export function storedLatest(db: Database.Database, table: Table, end: End = 'latest'): number | null | undefined {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY_OF[end][table]) as
    string | undefined;
  if (value === undefined) return undefined;
  return value === '' ? null : Number(value);
}

/** The stored value, else a full scan. null when the table is empty. */
export function latestTime(db: Database.Database, table: Table): number | null {
  const stored = storedLatest(db, table);
  if (stored !== undefined) return stored;
  return scanLatest(db, table);
}

/** The stored earliest time, else a full scan. null when the table is empty. */
export function earliestTime(db: Database.Database, table: Table): number | null {
  const stored = storedLatest(db, table, 'earliest');
  if (stored !== undefined) return stored;
  return scanEarliest(db, table);
}

export function scanLatest(db: Database.Database, table: Table): number | null {
  return (db.prepare(`SELECT MAX(time_ms) FROM ${table}`).pluck().get() as number | null) ?? null;
}

export function scanEarliest(db: Database.Database, table: Table): number | null {
  return (db.prepare(`SELECT MIN(time_ms) FROM ${table}`).pluck().get() as number | null) ?? null;
}

export function storeLatest(db: Database.Database, table: Table, value: number | null, end: End = 'latest'): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY_OF[end][table], value === null ? '' : String(value));
}

/** The smaller of two optional times. */
export const earlierOf = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);
