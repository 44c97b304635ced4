/**
 * JSON objects -> positional rows. Each new key gets a column index (and, when it names a field, a
 * place in the column plan); a row is an array with `undefined` where the object lacks a key, so
 * the same validators serve CSV, envelopes and objects. Keys live in a Map and values in an array:
 * a key such as `__proto__` or `constructor` is just a column name and can never reach a prototype.
 */
import { NotEnrollmentFile } from './refusal';

/** The part of a column plan that learns columns. */
export interface ColumnLearner {
  add(index: number, name: string): boolean;
}

export class ObjectRows {
  private readonly index = new Map<string, number>();
  private readonly values: unknown[] = [];

  constructor(
    private readonly plan: ColumnLearner,
    private readonly maxColumns: number,
    private readonly file: string,
  ) {}

  /** Registers keys up front (kind detection already saw them), so column order follows the file. */
  addKeys(keys: Iterable<string>): void {
    for (const key of keys) if (!this.index.has(key)) this.register(key);
  }

  /** The object as a row. The same array is returned every time: read it before the next call. */
  row(object: object): unknown[] {
    const values = this.values;
    values.fill(undefined);
    const record = object as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      let at = this.index.get(key);
      if (at === undefined) at = this.register(key);
      values[at] = record[key];
    }
    return values;
  }

  private register(key: string): number {
    const at = this.index.size;
    if (at >= this.maxColumns)
      throw new NotEnrollmentFile(this.file, `more than ${this.maxColumns} distinct keys: not an enrollment file`);
    this.index.set(key, at);
    this.values.push(undefined);
    this.plan.add(at, key);
    return at;
  }
}

/** Keys of the first objects (up to `limit`), in order of appearance: enough to tell the file's kind. */
export function keysOf(objects: Iterable<unknown>, limit: number): string[] {
  const keys = new Set<string>();
  let n = 0;
  for (const value of objects) {
    if (n++ >= limit) break;
    if (isRecord(value)) for (const key of Object.keys(value)) keys.add(key);
  }
  return [...keys];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a JSON string", "a JSON array", "null": what a value is, for skip messages. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a JSON array' : `a JSON ${typeof value}`;
}

export const describeJsonValue = (value: unknown): string => `${jsonTypeName(value)}, not an object`;
