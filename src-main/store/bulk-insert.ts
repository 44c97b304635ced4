/**
 * INSERT OR IGNORE of many rows with few statement calls: one prepared statement inserts
 * `rowsPerStatement` rows at a time (per-call overhead dominates single-row inserts). Returns how
 * many rows were new, so the caller can count the ignored ones as duplicates.
 *
 * Hot loops write a row's values straight into `values` at `at` and call `rowAdded()` (no
 * argument array per row); `add(...)` does the same for the few rows of summaries and failures.
 */
import type { Statement } from 'better-sqlite3';
import type { CaseDb } from './case-file';
import { cachedStatement } from './statements';

/** Rows per statement: 500 rows of 8 columns bind 4,000 values, far below SQLite's 32,766. */
export const ROWS_PER_STATEMENT = 500;

export class BulkInserter {
  private many: Statement<unknown[]> | undefined;
  private readonly head: string;
  private readonly tuple: string;
  /**
   * The values of the rows not yet written, row after row; full rows are written at once. Grows as
   * rows come (a file of ten rows does not allocate room for 500).
   */
  readonly values: unknown[] = [];
  private readonly capacity: number;
  /** Where the next value goes in `values`. */
  at = 0;
  /** Rows inserted (not ignored) since construction. */
  inserted = 0;
  /** Rows written (inserted or ignored) since construction. */
  get added(): number {
    return this.written + this.at / this.columns.length;
  }
  private written = 0;

  constructor(
    private readonly db: CaseDb,
    table: string,
    private readonly columns: readonly string[],
    private readonly rowsPerStatement = ROWS_PER_STATEMENT,
  ) {
    this.tuple = `(${columns.map(() => '?').join(',')})`;
    this.head = `INSERT OR IGNORE INTO ${table} (${columns.join(',')}) VALUES `;
    this.capacity = rowsPerStatement * columns.length;
  }

  private statementSql(rows: number): string {
    return this.head + Array.from({ length: rows }, () => this.tuple).join(',');
  }

  /** Call after writing one row's values at `at`: writes the rows once a statement's worth is there. */
  rowAdded(): void {
    if (this.at === this.capacity) {
      this.many ??= cachedStatement(this.db, this.statementSql(this.rowsPerStatement));
      this.inserted += this.many.run(this.values).changes;
      this.written += this.rowsPerStatement;
      this.at = 0;
    }
  }

  /** Adds one row: exactly `columns.length` values. */
  add(...row: unknown[]): void {
    for (const value of row) this.values[this.at++] = value;
    this.rowAdded();
  }

  /** Writes what is buffered. Call before reading `inserted`. */
  flush(): void {
    if (this.at === 0) return;
    const rows = this.at / this.columns.length;
    this.inserted += cachedStatement(this.db, this.statementSql(rows)).run(this.values.slice(0, this.at)).changes;
    this.written += rows;
    this.at = 0;
  }
}
