/**
 * One read transaction over a case, and the reads the report makes kept from one call to the next
 * while the case has not changed. The window asks for the report, then the funnel and the
 * findings of the same filter, each computing the report's counts of the same days again, and
 * the findings' previous period and baseline overlap; a day's counts read once serve them all.
 *
 * Kept only while the case is unchanged: the key is the connection's `PRAGMA data_version`
 * (changes when another connection commits: the app's imports run in a worker on their own
 * connection) with `total_changes()` (every row this connection has changed, committed or rolled
 * back). It is read as the transaction's first statement, so it names the very snapshot the reads
 * come from. Nothing is kept when the caller already holds a transaction of its own (it may have
 * written and not committed yet): the work then runs as before, uncached.
 */
import type Database from 'better-sqlite3';

/** Entries kept per connection before they are dropped all at once (a day's counts are small). */
const MAX_ENTRIES = 4_096;

interface Snapshot {
  readonly key: string;
  readonly entries: Map<string, unknown>;
}

/** The last snapshot each connection read. */
const kept = new WeakMap<Database.Database, Snapshot>();
/** The connections inside readCase now, with the snapshot their reads are kept for. */
const reading = new Map<Database.Database, Snapshot>();

function snapshotOf(db: Database.Database): Snapshot {
  const [version, changes] = db
    .prepare('SELECT data_version, total_changes() FROM pragma_data_version')
    .raw()
    .get() as [number, number];
  const key = `${version}:${changes}`;
  const last = kept.get(db);
  if (last !== undefined && last.key === key) return last;
  const snapshot = { key, entries: new Map<string, unknown>() };
  kept.set(db, snapshot);
  return snapshot;
}

/** Runs `work` in one read transaction of `db`, with the case's reads kept (see above). */
export function readCase<T>(db: Database.Database, work: () => T): T {
  if (reading.has(db) || db.inTransaction) return work();
  return db.transaction(() => {
    reading.set(db, snapshotOf(db));
    try {
      return work();
    } finally {
      reading.delete(db);
    }
  })();
}

/**
 * The values kept under `keys` for the snapshot being read; `read` gets the indexes of those
 * not kept yet and returns their values in that order (all of them, outside readCase or inside a
 * transaction of the caller's). Values are shared with later callers: they must not change them.
 */
export function keptReads<T>(
  db: Database.Database,
  keys: readonly string[],
  read: (missing: readonly number[]) => readonly T[],
): T[] {
  const entries = reading.get(db)?.entries;
  const values = new Array<T>(keys.length);
  const missing: number[] = [];
  keys.forEach((key, i) => {
    if (entries?.has(key) === true) values[i] = entries.get(key) as T;
    else missing.push(i);
  });
  if (missing.length === 0) return values;
  const fresh = read(missing);
  if (entries !== undefined && entries.size + missing.length > MAX_ENTRIES) entries.clear();
  missing.forEach((index, i) => {
    values[index] = fresh[i]!;
    entries?.set(keys[index]!, fresh[i]);
  });
  return values;
}

/** One value kept under `key` (see keptReads). */
export const keptRead = <T>(db: Database.Database, key: string, read: () => T): T =>
  keptReads(db, [key], () => [read()])[0]!;

/** Drops what is kept for this connection: the next read reads the case again (the benchmark's cold reads). */
export function forgetKeptReads(db: Database.Database): void {
  kept.delete(db);
}

/** How many reads the connection keeps now (tests). */
export const keptReadCount = (db: Database.Database): number => kept.get(db)?.entries.size ?? 0;
