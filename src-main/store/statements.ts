/**
 * Prepared statements kept per connection, by their SQL. Preparing costs 20-100 µs (SQLite parses
 * and plans the text); a folder of thousands of small files ran the same few statements per file
 * and spent a tenth of its time preparing them again. A statement's mode (raw, pluck) is part of
 * the caller's use: callers of one SQL text use it the same way.
 */
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement<unknown[]>>>();
/** Bulk inserts make one text per row count: bounded, the oldest texts are prepared again. */
const PER_CONNECTION = 512;

export function cachedStatement<P extends unknown[] = unknown[]>(db: Database, sql: string): Statement<P> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= PER_CONNECTION) cache.delete(cache.keys().next().value!);
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as Statement<P>;
}
