/**
 * Splits a full pass over `events` or `details` into pages of user ids. better-sqlite3 refuses
 * writes on a connection while one of its statements is still iterating, so a pass reads a page to
 * the end, then writes what it derived from it. Both tables' primary keys start with user_id, so
 * each page is one range seek and the pages together are still one pass in key order.
 */
import type Database from 'better-sqlite3';

/**
 * Users per page: a page's rows are held in memory while it is walked (with ~40 events per user,
 * 512 users are ~20k events, a few MB); 4096 users per page took ~75 MB more at 5M events, and
 * no less time.
 */
export const USERS_PER_PAGE = 512;

export function* userPages(
  db: Database.Database,
  table: 'events' | 'details',
  usersPerPage = USERS_PER_PAGE,
): Generator<[lo: number, hi: number]> {
  // Two subqueries: SQLite answers a lone min() or max() with one seek at the end of the key, but
  // scans the whole table for min() and max() in one SELECT (~85 ms per million events).
  const [min, max] = db
    .prepare(`SELECT (SELECT min(user_id) FROM ${table}), (SELECT max(user_id) FROM ${table})`)
    .raw()
    .get() as [number | null, number | null];
  if (min === null || max === null) return;
  for (let lo = min; lo <= max; lo += usersPerPage) yield [lo, lo + usersPerPage];
}
