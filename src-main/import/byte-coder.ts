/**
 * Codes one column's values (user, device or screen) of one input the way the parse worker's
 * StringCoder (store/coded-batch.ts) does, to the same codes, `added` lists and restarts, but from
 * the values' UTF-8 bytes: a value seen before is found by its bytes where they lie in the read
 * buffer and costs no JS string; a string is made only for a value first seen.
 *
 * StringCoder decides before each batch whether it forgets its strings (`restart`): when the
 * strings it holds plus the batch's rows would pass `kept`. Rows arrive here one at a time, before
 * the batch's size is known; while the batch cannot restart whatever its size (the coder is empty,
 * or a full batch still fits), rows are coded as they come. Otherwise (a coder close to `kept`,
 * rare) the batch's bytes are kept aside and coded when it is taken.
 */
import { BATCH_ROWS, FIRST_ROWS } from './batch-builders';
import { ByteKeys, hashBytes } from './byte-keys';
import { codesRestart, keptOf, type CodedStrings, type CodesKept } from './records';

const encoder = new TextEncoder();

export class ByteStringCoder {
  private readonly keys = new ByteKeys();
  private count = 0;
  /** Grows as rows come, up to BATCH_ROWS: a ten-row file does not allocate room for 2,500. */
  private codes = new Int32Array(FIRST_ROWS);
  private added: string[] = [];
  /** The batch is coded when taken (see above): its rows' bytes, end offsets in `heldEnds`. */
  private held: Buffer | null = null;
  private heldEnds = new Int32Array(0);
  private heldUsed = 0;
  private scratch = Buffer.allocUnsafe(1024);

  constructor(private readonly kept: CodesKept) {}

  /** Codes the next row's value: the bytes `buf[start..end)`, valid UTF-8. */
  code(buf: Uint8Array, start: number, end: number): void {
    const row = this.count++;
    if (row === 0) this.startBatch();
    if (row === this.codes.length) this.grow();
    if (this.held !== null) return this.hold(row, buf, start, end);
    this.codes[row] = this.codeOf(buf, start, end);
  }

  /** Codes the next row's value given as text (a row the CSV parser read). */
  codeText(text: string): void {
    if (this.scratch.length < text.length * 3) this.scratch = Buffer.allocUnsafe(text.length * 3);
    // A text decoded from a file has no lone surrogates: its UTF-8 bytes stand for it exactly.
    const { written } = encoder.encodeInto(text, this.scratch);
    this.code(this.scratch, 0, written);
  }

  /** The codes of the rows since the last take, as StringCoder would have coded them. */
  take(): CodedStrings {
    const n = this.count;
    let restart = false;
    if (this.held !== null) {
      restart = codesRestart(this.keys.size, n, keptOf(this.kept));
      if (restart) this.keys.clear();
      for (let row = 0, at = 0; row < n; at = this.heldEnds[row++]!)
        this.codes[row] = this.codeOf(this.held, at, this.heldEnds[row]!);
      this.held = null;
    }
    const full = n === BATCH_ROWS;
    const codes = full ? this.codes : this.codes.slice(0, n);
    const added = this.added;
    // A partial batch was copied out: its array serves the next batch.
    if (full) this.codes = new Int32Array(BATCH_ROWS);
    this.added = [];
    this.count = 0;
    return restart ? { codes, added, restart: true } : { codes, added };
  }

  private grow(): void {
    const bigger = new Int32Array(Math.min(BATCH_ROWS, this.codes.length * 2));
    bigger.set(this.codes);
    this.codes = bigger;
  }

  private startBatch(): void {
    // Rows are coded as they come unless even a full batch could restart the coder.
    if (!codesRestart(this.keys.size, BATCH_ROWS, keptOf(this.kept))) return;
    this.held = Buffer.allocUnsafe(64 * 1024);
    if (this.heldEnds.length < BATCH_ROWS) this.heldEnds = new Int32Array(BATCH_ROWS);
    this.heldUsed = 0;
  }

  private hold(row: number, buf: Uint8Array, start: number, end: number): void {
    const length = end - start;
    let held = this.held!;
    if (this.heldUsed + length > held.length) {
      const bigger = Buffer.allocUnsafe(Math.max(held.length * 2, this.heldUsed + length));
      held.copy(bigger, 0, 0, this.heldUsed);
      this.held = held = bigger;
    }
    held.set(buf.subarray(start, end), this.heldUsed);
    this.heldEnds[row] = this.heldUsed += length;
  }

  private codeOf(buf: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(buf, start, end);
    const keys = this.keys;
    const found = keys.find(buf, start, end, hash);
    if (found >= 0) return found;
    const entry = keys.add(buf, start, end, hash);
    this.added.push(keys.text(entry));
    return entry;
  }
}
