/**
 * Splits a full pass over `events` or `details` into pages of user ids. better-sqlite3 refuses
 * writes on a connection while one of its statements is still iterating, so a pass reads a page to
 * the end, then writes what it derived from it. Both tables' primary keys start with user_id, so
 * each page is one range seek and the pages together are still one pass in key order.
 */
import type Database from 'better-sqlite3';

/** Users per page: a few thousand keeps a page's rows in memory small, and seeks rare. */
export const USERS_PER_PAGE = 4096;

export function* userPages(
  db: Database.Database,
  table: 'events' | 'details',
  usersPerPage = USERS_PER_PAGE,
): Generator<[lo: number, hi: number]> {
  const [min, max] = db.prepare(`SELECT min(user_id), max(user_id) FROM ${table}`).raw().get() as [
    number | null,
    number | null,
  ];
  if (min === null || max === null) return;
  for (let lo = min; lo <= max; lo += usersPerPage) yield [lo, lo + usersPerPage];
}
