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

/**
 * Rows bound as fewer values than the table has columns: `width` values a row, which `select`
 * turns into the columns (in their order) from VALUES' column1, column2, ... Binding is much of an
 * insert's cost (better-sqlite3 reads each value through V8's API; SQLite converts each double to
 * an integer): small integers packed into one value in JS and taken apart by SQLite cost less.
 */
export interface PackedRows {
  readonly width: number;
  readonly select: string;
}

/** What the statements of an inserter are made of: the same for every inserter of a table, columns and packing. */
interface InsertShape {
  readonly table: string;
  readonly packed: PackedRows | undefined;
  readonly head: string;
  readonly tuple: string;
  readonly tail: string;
  /** A single row as the table's columns (addUnpacked). */
  readonly unpackedSql: string;
  /** Values a row. */
  readonly width: number;
  /** Statement texts by their number of rows, up to SQL_TEXTS_KEPT (statementSql). */
  readonly sqlByRows: string[];
}

/** Rows below which statement texts are kept: a shape's texts then hold ~0.3 MB at most, for good. */
const SQL_TEXTS_KEPT = 256;

/**
 * Shapes by their columns (the callers' constant arrays). A folder's every file makes its inserters
 * anew: building their texts, and each statement's text for its few rows, was ~2 us a file.
 */
const SHAPES = new WeakMap<readonly string[], InsertShape[]>();

function shapeOf(table: string, columns: readonly string[], packed: PackedRows | undefined): InsertShape {
  let shapes = SHAPES.get(columns);
  if (shapes === undefined) SHAPES.set(columns, (shapes = []));
  const known = shapes.find((shape) => shape.table === table && shape.packed === packed);
  if (known) return known;
  const into = `INSERT OR IGNORE INTO ${table} (${columns.join(',')}) `;
  const width = packed?.width ?? columns.length;
  const shape: InsertShape = {
    table,
    packed,
    head: packed ? `${into}SELECT ${packed.select} FROM (VALUES ` : `${into}VALUES `,
    tuple: `(${Array.from({ length: width }, () => '?').join(',')})`,
    tail: packed ? ')' : '',
    unpackedSql: `${into}VALUES (${columns.map(() => '?').join(',')})`,
    width,
    sqlByRows: [],
  };
  shapes.push(shape);
  return shape;
}

export class BulkInserter {
  private many: Statement<unknown[]> | undefined;
  private readonly shape: InsertShape;
  /** Values a row in `values`. */
  private readonly width: number;
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
    return this.written + this.at / this.width;
  }
  private written = 0;

  constructor(
    private readonly db: CaseDb,
    table: string,
    columns: readonly string[],
    private readonly rowsPerStatement = ROWS_PER_STATEMENT,
    readonly packed?: PackedRows,
  ) {
    this.shape = shapeOf(table, columns, packed);
    this.width = this.shape.width;
    this.capacity = rowsPerStatement * this.width;
  }

  private statementSql(rows: number): string {
    const { head, tuple, tail, sqlByRows } = this.shape;
    const text = sqlByRows[rows] ?? head + Array.from({ length: rows }, () => tuple).join(',') + tail;
    if (rows < SQL_TEXTS_KEPT) sqlByRows[rows] = text;
    return text;
  }

  /** Call after writing one row's values at `at`: writes the rows once a statement's worth is there. */
  rowAdded(): void {
    if (this.at === this.capacity) {
      this.many ??= cachedStatement(this.db, this.statementSql(this.rowsPerStatement));
      // As arguments, not one array: better-sqlite3 reads an array's values one by one through V8's
      // generic property access (500 rows of 4 packed values: 443-457 ms per million rows bound
      // from the array, 391-396 ms spread; session 6).
      this.inserted += this.many.run(...this.values).changes;
      this.written += this.rowsPerStatement;
      this.at = 0;
    }
  }

  /**
   * Inserts one row given as the table's columns (a row the packing cannot hold), after the rows
   * buffered.
   */
  addUnpacked(...row: unknown[]): void {
    this.flush();
    this.inserted += cachedStatement(this.db, this.shape.unpackedSql).run(row).changes;
    this.written++;
  }

  /** Adds one row: exactly `width` values (the columns' count when not packed). */
  add(...row: unknown[]): void {
    for (const value of row) this.values[this.at++] = value;
    this.rowAdded();
  }

  /** Writes what is buffered. Call before reading `inserted`. */
  flush(): void {
    if (this.at === 0) return;
    const rows = this.at / this.width;
    // The rows' values are the array's first `at`: cut to them, not copied (its room is made again as rows come).
    this.values.length = this.at;
    this.inserted += cachedStatement(this.db, this.statementSql(rows)).run(...this.values).changes;
    this.written += rows;
    this.at = 0;
  }
}
