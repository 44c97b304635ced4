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

/** Rows per statement: 500 rows of 8 columns bind 4,000 values, far below SQLite's 32,766. */
export const ROWS_PER_STATEMENT = 500;

export class BulkInserter {
  private many: Statement<unknown[]> | undefined;
  private readonly head: string;
  private readonly tuple: string;
  /** The values of the rows not yet written, row after row; full rows are written at once. */
  readonly values: unknown[];
  /** Where the next value goes in `values`. */
  at = 0;
  /** Rows inserted (not ignored) since construction. */
  inserted = 0;

  constructor(
    private readonly db: CaseDb,
    table: string,
    private readonly columns: readonly string[],
    private readonly rowsPerStatement = ROWS_PER_STATEMENT,
  ) {
    this.tuple = `(${columns.map(() => '?').join(',')})`;
    this.head = `INSERT OR IGNORE INTO ${table} (${columns.join(',')}) VALUES `;
    this.values = new Array<unknown>(rowsPerStatement * columns.length).fill(0);
  }

  private statementSql(rows: number): string {
    return this.head + Array.from({ length: rows }, () => this.tuple).join(',');
  }

  /** Call after writing one row's values at `at`: writes the rows once a statement's worth is there. */
  rowAdded(): void {
    if (this.at === this.values.length) {
      this.many ??= this.db.prepare(this.statementSql(this.rowsPerStatement));
      this.inserted += this.many.run(this.values).changes;
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
    this.inserted += this.db.prepare(this.statementSql(rows)).run(this.values.slice(0, this.at)).changes;
    this.at = 0;
  }
}
