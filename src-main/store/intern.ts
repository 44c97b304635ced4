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

export class Interner {
  private readonly cache = new Map<string, number>();
  private readonly find: Statement<[string], { id: number }>;
  private readonly insert: Statement<[string]>;

  constructor(db: CaseDb, table: 'users' | 'devices' | 'screens') {
    const column = table === 'screens' ? 'text' : 'name';
    this.find = db.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`);
    this.insert = db.prepare(`INSERT INTO ${table} (${column}) VALUES (?)`);
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
   * The id of `text`, inserting it when new, without remembering it: for callers that keep their
   * own map (store/coded-batch.ts codes), where a second copy of every string would only take memory.
   */
  lookup(text: string): number {
    return this.cache.get(text) ?? this.find.get(text)?.id ?? Number(this.insert.run(text).lastInsertRowid);
  }

  forget(): void {
    this.cache.clear();
  }
}
