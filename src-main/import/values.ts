/**
 * Reading one field of one row, whatever the container: CSV gives strings, JSON gives numbers,
 * null, nested values. A row is positional (`row[columnIndex]`); `undefined` means the row does not
 * have that column at all (a short CSV row, a JSON object without that key).
 */
import type { Candidate } from './columns';
import { isTimeInRange, parseTime, timeOfNumber } from './times';

export type Row = ArrayLike<unknown>;

/** Trimmed text of a cell; '' for empty, null, nested objects and arrays (they carry no field value). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/**
 * The first synonym this row actually has. CSV and envelope plans keep one candidate per field (the
 * header decided); JSON objects keep all, and a key whose value is null counts as absent, as JSON
 * exports write null for "no value".
 */
export function presentCandidate(row: Row, cands: readonly Candidate[]): Candidate | undefined {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (row[c.primary] != null || (c.twin >= 0 && row[c.twin] != null)) return c;
  }
  return undefined;
}

/** A plain field (spec 3): `X` when non-empty, else `X_loc`. */
export function fieldText(row: Row, cands: readonly Candidate[]): string {
  const c = cands.length === 1 ? cands[0]! : presentCandidate(row, cands);
  if (!c) return '';
  const text = textOf(row[c.primary]);
  return text === '' && c.twin >= 0 ? textOf(row[c.twin]) : text;
}

/**
 * A descriptive field of failures data: `X` when non-empty, else `X_loc`, except that a numeric
 * code in `X` gives way to its label in `X_loc` (the envelope's "X may hold a numeric code").
 */
export function labelText(row: Row, cands: readonly Candidate[]): string {
  const c = presentCandidate(row, cands);
  if (!c) return '';
  const text = textOf(row[c.primary]);
  if (c.twin < 0 || (text !== '' && !/^-?\d+$/.test(text))) return text;
  const label = textOf(row[c.twin]);
  return label !== '' ? label : text;
}

/** Memoized text -> code lookups: a column holds a handful of distinct values across a million rows. */
export class CodeCache {
  private readonly map = new Map<string, number>();
  constructor(private readonly parse: (text: string) => number) {}

  code(text: string): number {
    let code = this.map.get(text);
    if (code === undefined) {
      code = this.parse(text);
      if (this.map.size < 4096) this.map.set(text, code);
    }
    return code;
  }
}

/** Codes of an enumerated field's texts: what `parse` makes of a text, coded; 0 when it is nothing known. */
export function enumCodes<T extends string>(
  parse: (text: string) => T | null | undefined,
  code: (value: T) => number,
): CodeCache {
  return new CodeCache((text) => {
    const value = parse(text);
    return value ? code(value) : 0;
  });
}

/** An enumerated field's code was empty in both `X` and `X_loc`. */
export const EMPTY_CODE = -1;
/** An enumerated field held text that maps to nothing known. */
export const UNKNOWN_CODE = 0;

/**
 * An enumerated field (platform, event, action name, user action): `X` when its value maps to a
 * known value, else `X_loc` (spec 3). Returns the code (> 0), UNKNOWN_CODE or EMPTY_CODE.
 */
export function fieldCode(row: Row, cands: readonly Candidate[], cache: CodeCache): number {
  const c = cands.length === 1 ? cands[0]! : presentCandidate(row, cands);
  if (!c) return EMPTY_CODE;
  const text = textOf(row[c.primary]);
  const code = text === '' ? EMPTY_CODE : cache.code(text);
  if (code > 0 || c.twin < 0) return code;
  const label = textOf(row[c.twin]);
  if (label === '') return code;
  const labelCode = cache.code(label);
  return labelCode > 0 ? labelCode : UNKNOWN_CODE;
}

/** The text an enumerated field was read from, for a skip message: `X`, or `X_loc` when `X` is empty. */
export function fieldShown(row: Row, cands: readonly Candidate[]): string {
  const c = presentCandidate(row, cands);
  if (!c) return '';
  const text = textOf(row[c.primary]);
  if (c.twin < 0) return text;
  const label = textOf(row[c.twin]);
  return text === '' ? label : label === '' ? text : `${text} (${label})`;
}

/** No value at all: the field is absent or empty. Never a valid time (those are finite). */
export const NO_TIME = Number.NEGATIVE_INFINITY;

/** A time outside the accepted range (times.ts): never a valid time either. */
export const TIME_OUT_OF_RANGE = Number.POSITIVE_INFINITY;

/**
 * The time of a row: epoch ms in the accepted range, NO_TIME when empty, TIME_OUT_OF_RANGE when a
 * time outside the range, NaN when present but not a time.
 */
export function fieldTime(row: Row, cands: readonly Candidate[]): number {
  const c = cands.length === 1 ? cands[0]! : presentCandidate(row, cands);
  if (!c) return NO_TIME;
  let value = row[c.primary];
  if (c.twin >= 0 && isEmpty(value)) value = row[c.twin];
  let time: number;
  if (typeof value === 'string') {
    // parseTime trims; only an all-blank value is "no time".
    time = parseTime(value);
    if (time !== time && isBlank(value)) return NO_TIME;
  } else if (typeof value === 'number') time = timeOfNumber(value);
  else return value === undefined || value === null ? NO_TIME : NaN;
  return time === time && !isTimeInRange(time) ? TIME_OUT_OF_RANGE : time;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && isBlank(value));
}

function isBlank(text: string): boolean {
  return text.length === 0 || text.trim().length === 0;
}

/** The raw text of a field for a 'bad time' message. */
export function fieldRaw(row: Row, cands: readonly Candidate[]): string {
  const c = presentCandidate(row, cands);
  if (!c) return '';
  const value = isEmpty(row[c.primary]) && c.twin >= 0 ? row[c.twin] : row[c.primary];
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? '(an array)' : '(an object)';
  return String(value).trim();
}

/** Whether every cell of a row is empty: a blank line, or a line of bare delimiters, is no row. */
export function isBlankRow(row: Row): boolean {
  for (let i = 0; i < row.length; i++) if (textOf(row[i]) !== '') return false;
  return true;
}

/** A short excerpt of a row for a skip message (at most 200 characters). */
export function excerpt(row: Row, delimiter = ', '): string {
  let out = '';
  for (let i = 0; i < row.length && out.length < 200; i++) out += (i ? delimiter : '') + textOf(row[i]);
  return out.length > 200 ? `${out.slice(0, 199)}…` : out;
}
