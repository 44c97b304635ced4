/**
 * A UTF-8 CSV file read line by line from its bytes, for the common case that needs no string:
 * each line starting a row is offered to `line` (fast-event-lines.ts) where it lies in the read
 * buffer; a line it does not take starts a window of text that Papa Parse reads exactly as
 * csvChunks would (same parser, same row boundaries, line numbers, malformed quotes and refusals,
 * see parseCsvText), then the next row start is offered again.
 *
 * Why the window gives today's rows: Papa Parse's result for a row depends only on the text from
 * the row's start to its end, and a window always starts at a row start and ends after an LF. The
 * window is one line (more when the lines before were left to the parser too); when it holds no
 * complete row (a quoted line break), it doubles in lines, so a long row is parsed about twice in
 * all, not once per line; when the bytes read so far end first, the row waits for the next chunk.
 * A row that runs over `maxRowChars` characters is refused as csvChunks refuses it; the exact point
 * differs for a row just over the limit (csvChunks checks at its 64 KiB pieces, this at 1 MiB chunks).
 */
import { TextDecoder } from 'node:util';
import type { ByteSource } from './byte-source';
import { csvParser, parseCsvText, tooLongRow, type CsvChunk } from './csv-chunks';
import type { CsvDialect } from './csv-dialect';

const LF = 10;
/**
 * The file's BOM is dropped once, below, as the stream decoder drops it; a window never drops one.
 * Every call decodes a whole window (no stream mode), so one decoder serves every file.
 */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** Lines in the widest window a run of lines left to the parser starts with (~64 KiB of a wide log). */
const MAX_SPAN = 512;
/** Lines taken in a row after which a line left to the parser gets a window of one line again. */
const SPAN_RESET = 8;

export interface ByteRows {
  /** Rows Papa Parse read, in file order between the lines taken. */
  parsed(chunk: CsvChunk): void;
  /** Takes the line `buf[start..end)` (`end` at its LF) found at physical `line`, or returns false. */
  line(buf: Uint8Array, start: number, end: number, line: number): boolean;
}

/** Reads `source` to its end, feeding `rows`; yields after each chunk read, so batches can be drained. */
export async function* scanCsvBytes(
  source: ByteSource,
  dialect: CsvDialect,
  maxRowChars: number,
  file: string,
  rows: ByteRows,
): AsyncGenerator<void> {
  const parser = csvParser(dialect);
  let work = Buffer.allocUnsafe(0);
  let length = 0; // bytes held in `work`, from a row start
  let line = 1; // physical line of work[0]
  let first = true;

  /** Papa Parse over a window of `span` or more lines from `start`: the next row start, or -1 when the data ends first. */
  const window = (buf: Uint8Array, start: number, span: number): number => {
    for (let lines = span; ; lines *= 2) {
      let end = start;
      let found = 0;
      for (; found < lines; found++) {
        const lf = buf.indexOf(LF, end);
        if (lf < 0) break;
        end = lf + 1;
      }
      const chunk = parseCsvText(parser, decoder.decode(buf.subarray(start, end)), false, line, '\n', file);
      if (chunk.rows.length > 0) {
        rows.parsed(chunk);
        line += chunk.breaks;
        let at = start;
        for (let b = 0; b < chunk.breaks; b++) at = buf.indexOf(LF, at) + 1;
        return at;
      }
      if (found < lines) return -1;
    }
  };

  /** Reads the rows starting in `buf` up to the last one it holds whole; returns where that one ends. */
  const scan = (buf: Uint8Array): number => {
    let at = 0;
    // Lines left to the parser close to one another (a file of many skipped rows, a column more than
    // the header): wider windows, so that the parser is called per many rows, as csvChunks calls it.
    // A window of one line again after SPAN_RESET lines taken in a row.
    let span = 0;
    let taken = 0;
    while (at < buf.length) {
      const lf = buf.indexOf(LF, at);
      if (lf < 0) break;
      if (rows.line(buf, at, lf, line)) {
        at = lf + 1;
        line++;
        taken++;
        continue;
      }
      span = taken >= SPAN_RESET || span === 0 ? 1 : Math.min(span * 2, MAX_SPAN);
      taken = 0;
      const next = window(buf, at, span);
      if (next < 0) break;
      at = next;
    }
    return at;
  };

  const dropBom = (): void => {
    if (length >= 3 && work[0] === 0xef && work[1] === 0xbb && work[2] === 0xbf) {
      work.copyWithin(0, 3, length);
      length -= 3;
    }
    first = false;
  };

  for (let chunk = await source.read(); chunk !== null; chunk = await source.read()) {
    if (length + chunk.length > work.length) {
      const bigger = Buffer.allocUnsafe(Math.max(length + chunk.length, work.length * 2));
      work.copy(bigger, 0, 0, length);
      work = bigger;
    }
    work.set(chunk, length);
    length += chunk.length;
    if (first) {
      if (length < 3) continue;
      dropBom();
    }
    const done = scan(work.subarray(0, length));
    work.copyWithin(0, done, length);
    length -= done;
    if (length > maxRowChars && decoder.decode(work.subarray(0, length)).length > maxRowChars)
      throw tooLongRow(file, line, maxRowChars);
    yield;
  }
  if (first) dropBom();
  if (length > 0) {
    const chunk = parseCsvText(parser, decoder.decode(work.subarray(0, length)), true, line, '\n', file);
    if (chunk.rows.length > 0) rows.parsed(chunk);
  }
}
