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
  /** Multi-row inserts by their number of rows (see lookupMany). */
  private readonly insertMany = new Map<number, Statement<unknown[]>>();
  private readonly column: string;

  constructor(
    private readonly db: CaseDb,
    private readonly table: 'users' | 'devices' | 'screens',
  ) {
    this.column = table === 'screens' ? 'text' : 'name';
    this.find = db.prepare(`SELECT id FROM ${table} WHERE ${this.column} = ?`);
    this.insert = db.prepare(`INSERT INTO ${table} (${this.column}) VALUES (?)`);
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
   * `lookup` of each of `texts` (distinct strings), written to `into` from `at`. Up to INSERT_CHUNK
   * strings are inserted with one statement (unless the chunk's first string is known already,
   * a sign of strings sent again): when every string of a chunk was new, SQLite gave them
   * the ids that follow the table's largest, row after row (checked on the chunk's first string);
   * otherwise, when some were already there, each is looked up alone. A shorter chunk (most batches
   * bring a few dozen new strings) is padded with repeats of its last string up to a power of two,
   * which the unique index ignores: nine statements per table serve every size. One by one, the
   * strings of the bench's 1M-event log cost ~0.15 s of the storing thread (a SELECT and an INSERT
   * each).
   */
  lookupMany(texts: readonly string[], into: Float64Array, at: number): void {
    for (let i = 0; i < texts.length; i += INSERT_CHUNK) {
      const n = Math.min(INSERT_CHUNK, texts.length - i);
      const chunk = texts.slice(i, i + n);
      if (this.find.get(chunk[0]!) !== undefined) {
        // Strings the case has: a parse worker's coder that restarted sends the strings it forgot
        // again (store/coded-batch.ts). An insert would only be ignored row after row.
        for (let k = 0; k < n; k++) into[at + i + k] = this.lookup(chunk[k]!);
        continue;
      }
      const size = n === 1 ? 1 : 2 ** Math.ceil(Math.log2(n));
      for (let k = n; k < size; k++) chunk.push(chunk[n - 1]!);
      const result = this.insertStatement(size).run(...chunk); // as arguments: see bulk-insert.ts rowAdded
      const first = Number(result.lastInsertRowid) - n + 1;
      if (result.changes === n && this.find.get(chunk[0]!)?.id === first) {
        for (let k = 0; k < n; k++) into[at + i + k] = first + k;
      } else {
        for (let k = 0; k < n; k++) into[at + i + k] = this.lookup(chunk[k]!);
      }
    }
  }

  /** `INSERT OR IGNORE` of `rows` strings (a power of two up to INSERT_CHUNK), prepared once. */
  private insertStatement(rows: number): Statement<unknown[]> {
    let statement = this.insertMany.get(rows);
    if (statement === undefined) {
      statement = this.db.prepare(
        `INSERT OR IGNORE INTO ${this.table} (${this.column}) VALUES ${Array.from({ length: rows }, () => '(?)').join(',')}`,
      );
      this.insertMany.set(rows, statement);
    }
    return statement;
  }

  /** Counts forget(): ids known from before a change of it may no longer exist (store/group-codes.ts). */
  epoch = 0;

  forget(): void {
    this.cache.clear();
    this.epoch++;
  }
}
