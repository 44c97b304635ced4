/**
 * The case's latest event time (spec 4 rule 8) and latest details-row time (the report's default
 * range), kept in `settings` because both tables' primary keys start with user_id: MAX(time_ms)
 * there is a full scan. Events and details are only ever added, so the values only grow.
 */
import type Database from 'better-sqlite3';

export const LATEST_EVENT_KEY = '_latestEventMs';
export const LATEST_DETAILS_KEY = '_latestDetailsMs';

type Table = 'events' | 'details';
const KEY_OF: Record<Table, string> = {
  events: LATEST_EVENT_KEY,
  details: LATEST_DETAILS_KEY,
};

/** The stored value, or undefined when never stored (a case written by something else). */
export function storedLatest(db: Database.Database, table: Table): number | null | undefined {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY_OF[table]) as string | undefined;
  if (value === undefined) return undefined;
  return value === '' ? null : Number(value);
}

/** The stored value, else a full scan. null when the table is empty. */
export function latestTime(db: Database.Database, table: Table): number | null {
  const stored = storedLatest(db, table);
  if (stored !== undefined) return stored;
  return scanLatest(db, table);
}

export function scanLatest(db: Database.Database, table: Table): number | null {
  return (db.prepare(`SELECT MAX(time_ms) FROM ${table}`).pluck().get() as number | null) ?? null;
}

export function storeLatest(db: Database.Database, table: Table, value: number | null): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY_OF[table], value === null ? '' : String(value));
}
