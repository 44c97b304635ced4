/**
 * One event-log line read from its bytes, the common case of the byte scanner (csv-bytes.ts): the
 * fields found in the buffer, the time read from its digits, platform, event and action matched by
 * their bytes, user, device and screen coded from their bytes (CodedEventSink). A line is taken
 * only when the result is certainly the one Papa Parse and the sink would give: plain fields, or
 * fields quoted whole with no quote inside; every field the header has; ASCII where the sink would
 * trim, lower-case or parse; and a row the sink keeps. Anything else (a skipped row, which needs its
 * reason and example) is left to the CSV parser: `take` returns false and appends nothing.
 */
import { isUtf8 } from 'node:buffer';
import { ByteKeys } from './byte-keys';
import type { Candidate, ColumnPlan, EnrollmentField } from './columns';
import type { CsvDialect } from './csv-dialect';
import { ACTION_CODES, PLATFORM_CODES } from './event-row-sink';
import { EVENT_CODES, STEP, type CodedEventSink } from './event-sink';
import { isTimeInRange } from './times';
import { parseTimeBytes } from './byte-times';
import { EMPTY_CODE, type CodeCache } from './values';

const QUOTE = 34;
const CR = 13;
/** A field the fast path cannot judge (non-ASCII where the sink lower-cases or trims). */
const UNSURE = -2;

/** A CodeCache's codes memoized by the field's bytes: no string once a value was seen. */
class ByteCodes {
  private readonly keys = new ByteKeys();
  private codes = new Int32Array(64);

  constructor(private readonly cache: CodeCache) {}

  code(buf: Uint8Array, start: number, end: number): number {
    // A handful of short values: their length and three bytes tell them apart well enough (the
    // bytes are compared on every hit), at a fraction of hashing every byte.
    const length = end - start;
    const hash = Math.imul(
      length ^ (buf[start]! << 8) ^ (buf[end - 1]! << 16) ^ (buf[start + (length >> 1)]! << 24),
      0x9e3779b1,
    );
    const entry = this.keys.find(buf, start, end, hash);
    if (entry >= 0) return this.codes[entry]!;
    const code = this.cache.code(Buffer.from(buf.buffer, buf.byteOffset, buf.length).toString('latin1', start, end));
    // Bounded like CodeCache: a column of ever new values is coded from its text each time.
    if (this.keys.size < 4096) {
      const added = this.keys.add(buf, start, end, hash);
      if (added === this.codes.length) {
        const bigger = new Int32Array(added * 2);
        bigger.set(this.codes);
        this.codes = bigger;
      }
      this.codes[added] = code;
    }
    return code;
  }
}
/** Shared by every file, as the CodeCaches they memoize. */
const PLATFORM_BYTES = new ByteCodes(PLATFORM_CODES);
const EVENT_BYTES = new ByteCodes(EVENT_CODES);
const ACTION_BYTES = new ByteCodes(ACTION_CODES);

/** The column a field is read from, -1 when the file has none; undefined when not one plain column. */
function plainColumn(cands: readonly Candidate[]): number | undefined {
  if (cands.length === 0) return -1;
  return cands.length === 1 && cands[0]!.twin < 0 ? cands[0]!.primary : undefined;
}

const isTrimmed = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Lines taken from their bytes in this thread so far (the tests check that the fast path ran). */
export const linesTaken = { count: 0 };

export class FastEventLines {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly high: Uint8Array;
  private readonly ranges = new Int32Array(6);
  private readonly delimiter: number;

  private constructor(
    private readonly sink: CodedEventSink,
    private readonly fieldCount: number,
    dialect: CsvDialect,
    private readonly time: number,
    private readonly user: number,
    private readonly platform: number,
    private readonly event: number,
    private readonly action: number,
    private readonly device: number,
    private readonly screen: number,
  ) {
    this.starts = new Int32Array(fieldCount);
    this.ends = new Int32Array(fieldCount);
    this.high = new Uint8Array(fieldCount);
    this.delimiter = dialect.delimiter.charCodeAt(0);
  }

  /**
   * The fast path of a file whose columns it can read (each field from one plain column, no `_loc`
   * twins; a time, a user, a platform and an event), else undefined.
   */
  static of(
    sink: CodedEventSink,
    plan: ColumnPlan<EnrollmentField>,
    fieldCount: number,
    dialect: CsvDialect,
  ): FastEventLines | undefined {
    const f = plan.fields;
    const [time, user, platform, event, action, device, screen] = [
      f.time,
      f.user,
      f.platform,
      f.event,
      f.action,
      f.device,
      f.screen,
    ].map(plainColumn);
    if ([time, user, platform, event].some((column) => column === undefined || column < 0)) return undefined;
    if (action === undefined || device === undefined || screen === undefined) return undefined;
    return new FastEventLines(sink, fieldCount, dialect, time!, user!, platform!, event!, action, device, screen);
  }

  /** Takes the line `buf[start..end)` (`end` at its LF) found at physical `line`, or returns false. */
  take(buf: Uint8Array, start: number, end: number, line: number): boolean {
    if (!this.split(buf, start, end)) return false;
    const time = this.timeOf(buf);
    if (!isTimeInRange(time)) return false;
    const platform = this.enumOf(buf, this.platform, PLATFORM_BYTES);
    if (platform <= 0) return false;
    const event = this.enumOf(buf, this.event, EVENT_BYTES);
    if (event <= 0) return false;
    const action = this.action < 0 ? EMPTY_CODE : this.enumOf(buf, this.action, ACTION_BYTES);
    if (action === 0 || action === UNSURE || (action === EMPTY_CODE && event === STEP)) return false;
    const ranges = this.ranges;
    if (!this.text(buf, this.user, 0) || ranges[0] === ranges[1]) return false; // no user: a skip
    if (!this.text(buf, this.device, 2) || !this.text(buf, this.screen, 4)) return false;
    this.sink.appendBytes(line, time, platform, event, action > 0 ? action : 0, buf, ranges);
    linesTaken.count++;
    return true;
  }

  /**
   * Field bounds as Papa Parse finds them: split on the delimiter, a field quoted whole read
   * between its quotes, the last field's CR dropped (csv-chunks.ts). False for anything else.
   */
  private split(buf: Uint8Array, start: number, end: number): boolean {
    const { starts, ends, high, delimiter } = this;
    const last = this.fieldCount - 1;
    let field = 0;
    let fieldStart = start;
    let bits = 0;
    let i = start;
    while (i < end) {
      const c = buf[i]!;
      if (c > QUOTE && c !== delimiter) {
        // Most bytes: neither a delimiter nor a quote (nor a tab, space or control byte).
        bits |= c;
        i++;
      } else if (c === delimiter) {
        if (field === last) return false;
        starts[field] = fieldStart;
        ends[field] = i;
        high[field++] = bits;
        fieldStart = ++i;
        bits = 0;
      } else if (c === QUOTE) {
        if (i !== fieldStart) return false; // a bare quote inside a field
        let close = i + 1;
        for (; close < end; close++) {
          const q = buf[close]!;
          if (q === QUOTE) break;
          bits |= q;
        }
        const after = close + 1;
        if (close < end && after < end && buf[after] === delimiter) {
          if (field === last) return false;
          starts[field] = i + 1;
          ends[field] = close;
          high[field++] = bits;
          fieldStart = i = after + 1;
          bits = 0;
        } else if (close < end && (after === end || (after === end - 1 && buf[after] === CR))) {
          if (field !== last) return false;
          starts[field] = i + 1;
          ends[field] = close > i + 1 && buf[close - 1] === CR ? close - 1 : close;
          high[field] = bits;
          return true;
        } else return false; // no closing quote on this line, or text after it
      } else {
        bits |= c;
        i++;
      }
    }
    if (field !== last) return false;
    starts[field] = fieldStart;
    ends[field] = end > fieldStart && buf[end - 1] === CR ? end - 1 : end;
    high[field] = bits;
    return true;
  }

  private timeOf(buf: Uint8Array): number {
    const column = this.time;
    return this.high[column]! & 0x80 ? NaN : parseTimeBytes(buf, this.starts[column]!, this.ends[column]!);
  }

  /** An enumerated field's code from its trimmed ASCII bytes: > 0, 0 (unknown), EMPTY_CODE or UNSURE. */
  private enumOf(buf: Uint8Array, column: number, codes: ByteCodes): number {
    if (this.high[column]! & 0x80) return UNSURE;
    let start = this.starts[column]!;
    let end = this.ends[column]!;
    while (start < end && isTrimmed(buf[start]!)) start++;
    while (end > start && isTrimmed(buf[end - 1]!)) end--;
    return start === end ? EMPTY_CODE : codes.code(buf, start, end);
  }

  /**
   * A text field's trimmed bounds into `ranges[at]`, `ranges[at + 1]` (empty when the file has no
   * such column). False when not certain: invalid UTF-8, or a non-ASCII character at an end
   * (String#trim also removes Unicode spaces).
   */
  private text(buf: Uint8Array, column: number, at: number): boolean {
    const ranges = this.ranges;
    if (column < 0) {
      ranges[at] = ranges[at + 1] = 0;
      return true;
    }
    let start = this.starts[column]!;
    let end = this.ends[column]!;
    while (start < end && isTrimmed(buf[start]!)) start++;
    while (end > start && isTrimmed(buf[end - 1]!)) end--;
    if (this.high[column]! & 0x80) {
      if (buf[start]! >= 0x80 || buf[end - 1]! >= 0x80 || !isUtf8(buf.subarray(start, end))) return false;
    }
    ranges[at] = start;
    ranges[at + 1] = end;
    return true;
  }
}
