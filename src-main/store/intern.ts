/**
 * Interned strings (users, devices, screens): rows store small integers, the text is stored once.
 * Caches live as long as the import; they are dropped on rollback, since ids handed out inside a
 * rolled-back transaction no longer exist.
 */
import type { Statement } from 'better-sqlite3';
import type { CaseDb } from './case-file';
import { ownCopy } from './coded-batch';

/**
 * Strings an interner remembers; past this it forgets them all and asks the case again (a seek on
 * the text's unique index): memory stays bounded whatever the number of distinct users.
 */
const CACHED = 1 << 17;

/** Strings `lookup` remembers, at most (`id` remembers up to CACHED). */
const LOOKUPS_REMEMBERED = 1 << 14;

/**
 * New strings are inserted this many at a time by `lookupMany`. One multi-row INSERT costs about a
 * third of a SELECT and an INSERT per string (1M distinct users: ~0.55 s against ~1.4 s of CPU).
 */
export const INSERT_CHUNK = 256;

export class Interner {
  private readonly cache = new Map<string, number>();
  private readonly find: Statement<[string], { id: number }>;
  private readonly insert: Statement<[string]>;
  private readonly insertChunk: Statement<unknown[]>;

  constructor(db: CaseDb, table: 'users' | 'devices' | 'screens') {
    const column = table === 'screens' ? 'text' : 'name';
    this.find = db.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`);
    this.insert = db.prepare(`INSERT INTO ${table} (${column}) VALUES (?)`);
    this.insertChunk = db.prepare(
      `INSERT OR IGNORE INTO ${table} (${column}) VALUES ${Array.from({ length: INSERT_CHUNK }, () => '(?)').join(',')}`,
    );
  }

  /** The id of `text`, inserting it when new. '' is id 0 for devices and screens. */
  id(text: string): number {
    let id = this.cache.get(text);
    if (id === undefined) {
      id = this.find.get(text)?.id ?? Number(this.insert.run(text).lastInsertRowid);
      if (this.cache.size >= CACHED) this.cache.clear();
      this.cache.set(ownCopy(text), id);
    }
    return id;
  }

  /**
   * The id of `text`, inserting it when new, remembering only the first LOOKUPS_REMEMBERED strings:
   * for callers that keep their own map (store/coded-batch.ts codes) for one input, where a second
   * copy of every string of a large file would only take memory, but a folder of small files (an
   * input each) sees the same few thousand users again and again (a seek each: ~25 us).
   */
  lookup(text: string): number {
    let id = this.cache.get(text);
    if (id === undefined) {
      id = this.find.get(text)?.id ?? Number(this.insert.run(text).lastInsertRowid);
      if (this.cache.size < LOOKUPS_REMEMBERED) this.cache.set(ownCopy(text), id);
    }
    return id;
  }

  /**
   * `lookup` of each of `texts` (distinct strings), written to `into` from `at`. Whole chunks are
   * inserted with one statement: when every string of a chunk was new, SQLite gave them the ids
   * that follow the table's largest, row after row (checked on the chunk's first string);
   * otherwise, when some were already there, each is looked up alone.
   */
  lookupMany(texts: readonly string[], into: Float64Array, at: number): void {
    let i = 0;
    for (; i + INSERT_CHUNK <= texts.length; i += INSERT_CHUNK) {
      const chunk = texts.slice(i, i + INSERT_CHUNK);
      const result = this.insertChunk.run(chunk);
      const first = Number(result.lastInsertRowid) - INSERT_CHUNK + 1;
      if (result.changes === INSERT_CHUNK && this.find.get(chunk[0]!)?.id === first) {
        for (let k = 0; k < INSERT_CHUNK; k++) into[at + i + k] = first + k;
      } else {
        for (let k = 0; k < INSERT_CHUNK; k++) into[at + i + k] = this.lookup(chunk[k]!);
      }
    }
    for (; i < texts.length; i++) into[at + i] = this.lookup(texts[i]!);
  }

  forget(): void {
    this.cache.clear();
  }
}
