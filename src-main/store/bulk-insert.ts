/**
 * INSERT OR IGNORE of many rows with few statement calls: one prepared statement inserts
 * ROWS_PER_STATEMENT rows at a time (per-call overhead dominates single-row inserts). Returns how
 * many rows were new, so the caller can count the ignored ones as duplicates.
 */
import type { Statement } from 'better-sqlite3';
import type { CaseDb } from './case-file';

const ROWS_PER_STATEMENT = 100;

export class BulkInserter {
  private readonly many: Statement<unknown[]>;
  private readonly one: Statement<unknown[]>;
  private readonly buffer: unknown[] = [];
  private pendingRows = 0;
  /** Rows inserted (not ignored) since construction. */
  inserted = 0;

  constructor(
    db: CaseDb,
    table: string,
    private readonly columns: readonly string[],
  ) {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    const head = `INSERT OR IGNORE INTO ${table} (${columns.join(',')}) VALUES `;
    this.many = db.prepare(head + Array.from({ length: ROWS_PER_STATEMENT }, () => tuple).join(','));
    this.one = db.prepare(head + tuple);
  }

  /** Adds one row: exactly `columns.length` values. */
  add(...values: unknown[]): void {
    for (const value of values) this.buffer.push(value);
    if (++this.pendingRows === ROWS_PER_STATEMENT) {
      this.inserted += this.many.run(this.buffer).changes;
      this.buffer.length = 0;
      this.pendingRows = 0;
    }
  }

  /** Writes what is buffered. Call before reading `inserted`. */
  flush(): void {
    const width = this.columns.length;
    for (let row = 0; row < this.pendingRows; row++) {
      this.inserted += this.one.run(this.buffer.slice(row * width, row * width + width)).changes;
    }
    this.buffer.length = 0;
    this.pendingRows = 0;
  }
}
