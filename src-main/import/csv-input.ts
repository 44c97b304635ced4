/** A CSV input: the header decides kind and column plan; rows stream through csvChunks. */
import Papa from 'papaparse';
import { MeteredSource } from './byte-source';
import { scanCsvBytes, type ByteRows } from './csv-bytes';
import { csvChunks, csvRowsOfText, type CsvChunk } from './csv-chunks';
import { headerDecidesDelimiter, sniffDialect, type CsvDialect } from './csv-dialect';
import type { InputSpec } from './input-spec';
import { Parsed } from './parsed-input';
import type { ColumnPlan, EnrollmentField } from './columns';
import { CodedEventSink } from './event-sink';
import { FastEventLines } from './fast-event-lines';
import type { FileKind, ReadBatch } from './records';
import { InputRefused } from './refusal';
import type { Encoding } from './sniff';
import { readerOf, rowReaderFor, type AnyPlan, type RowReader } from './sinks';
import { PIECE_BYTES, textPieces } from './text-pieces';
import { excerpt } from './values';

const isBlankLine = (row: readonly string[]): boolean => row.length === 1 && row[0]!.trim() === '';

/**
 * Excel's delimiter hint: a first line `sep=;` names the delimiter, and the header follows it.
 * Returns the dialect it names, or undefined.
 */
function excelSeparator(head: string): CsvDialect | undefined {
  const match = /^sep=([,;\t|])\r?\n/i.exec(head);
  return match ? { delimiter: match[1] as CsvDialect['delimiter'], newline: '\n' } : undefined;
}

/** The header: the first non-blank row after `skip` leading ones; undefined when the head holds none complete. */
function headerOf(head: string, complete: boolean, dialect: CsvDialect, skip: number): string[] | undefined {
  // The first rows are enough (the header comes after at most a few blank lines); the whole head
  // only when they are all blank. Parsing all of a 1 MiB head for one row cost every file a second parse.
  for (const preview of [skip + 1, skip + 32, 0]) {
    const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"', preview });
    const rows = (parser.parse(head, 0, !complete) as { data: string[][] }).data;
    const header = rows.filter((row) => !isBlankLine(row))[skip];
    if (header) return header.map((name) => name.replace(/\r$/, ''));
    if (rows.length < preview) return undefined;
  }
  return undefined;
}

/** Plans made and shared by readerForHeader (tests assert which branch ran). */
export const headerPlans = { made: 0, shared: 0 };

/** The last header's kind and plan (see readerForHeader). */
let lastHeader: { readonly key: string; readonly kind: FileKind; readonly plan: AnyPlan } | undefined;

/**
 * The kind and column plan of a CSV header, and a row reader with a sink of its own. A folder's
 * exports share their header: its plan (fixed once the header is read, never changed by a CSV's
 * rows) is made once and shared, where each small file made it anew (~8% of its reading).
 */
function readerForHeader(name: string, header: readonly string[], maxColumns: number): RowReader {
  const key = header.join('\u0000');
  if (lastHeader?.key === key && header.length <= maxColumns) {
    headerPlans.shared++;
    return readerOf(lastHeader.kind, lastHeader.plan);
  }
  const reader = rowReaderFor(name, header, maxColumns);
  header.forEach((column, index) => reader.plan.add(index, column));
  reader.plan.keepWinnersOnly();
  lastHeader = { key, kind: reader.kind, plan: reader.plan };
  headerPlans.made++;
  return reader;
}

/** A CSV head's dialect, its header, and the rows before the header (the `sep=` line, when there is one). */
interface CsvHead {
  readonly dialect: CsvDialect;
  readonly header: readonly string[] | undefined;
  readonly leading: number;
}

/** Heads read anew and taken from the last one (see headOf): tests assert which branch ran. */
export const headReads = { read: 0, repeated: 0 };

/** The last head whose first line alone decided it (see headOf). */
let lastHead: (CsvHead & { readonly firstLine: string }) | undefined;

/**
 * A head's dialect and header. A folder's exports begin with the same header line: when that line
 * has no quote, no `sep=` and at most one candidate delimiter, it alone decides the dialect and the
 * header (the lines after it play no part), so a file whose first line is the last such one's takes
 * its answer, where each small file sniffed its head and parsed it for the header again.
 */
function headOf(head: string, complete: boolean): CsvHead {
  const lineEnd = head.indexOf('\n');
  const firstLine = lineEnd > 0 ? head.slice(0, lineEnd) : undefined;
  if (firstLine !== undefined && lastHead?.firstLine === firstLine) {
    headReads.repeated++;
    return lastHead;
  }
  headReads.read++;
  const hinted = excelSeparator(head);
  const dialect = hinted ?? sniffDialect(head);
  const leading = hinted ? 1 : 0;
  const header = headerOf(head, complete, dialect, leading);
  const decidedByItsFirstLine =
    firstLine !== undefined &&
    header !== undefined &&
    !hinted &&
    firstLine.trim() !== '' &&
    !firstLine.includes('"') &&
    headerDecidesDelimiter(firstLine);
  if (decidedByItsFirstLine) lastHead = { firstLine, dialect, header, leading };
  return { dialect, header, leading };
}

export function openCsv(spec: InputSpec, encoding: Encoding, head: string, complete: boolean): Parsed {
  const { name, limits } = spec;
  const { dialect, header, leading } = headOf(head, complete);
  if (!header) throw new InputRefused(name, `no complete header line in the first ${head.length} characters`);
  const reader = readerForHeader(name, header, limits.maxColumns);
  const { kind, plan } = reader;
  const coded =
    spec.codeStrings && kind === 'event-log'
      ? new CodedEventSink(plan as ColumnPlan<EnrollmentField>, spec.codeStrings)
      : undefined;
  const sink = coded ?? reader.sink;
  // Lines read from their bytes: UTF-8 (the fields' bytes are their text), LF-separated rows.
  const fast =
    coded && encoding === 'utf-8' && dialect.newline === '\n'
      ? FastEventLines.of(coded, plan as ColumnPlan<EnrollmentField>, header.length, dialect)
      : undefined;

  async function* produce(done: (sha256: string) => void): AsyncGenerator<ReadBatch> {
    const source = new MeteredSource(await spec.open(true));
    try {
      let beforeData = leading + 1; // the header, and the `sep=` line before it
      const parsed = ({ rows, lines, malformed }: CsvChunk): void => {
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i]!;
          if (row.length === 1 && isBlankLine(row)) continue;
          if (beforeData > 0) {
            beforeData--;
            continue;
          }
          if (malformed !== null && malformed.has(i))
            sink.unreadable(lines[i]!, `malformed quotes: ${excerpt(row, dialect.delimiter)}`);
          else sink.row(row, lines[i]!);
        }
      };
      if (fast) {
        const rows: ByteRows = {
          parsed,
          line: (buf, start, end, line) => beforeData === 0 && fast.take(buf, start, end, line),
        };
        for await (const _ of scanCsvBytes(source, dialect, limits.maxFieldChars, name, rows)) yield* sink.drain();
      } else if (complete && spec.size <= PIECE_BYTES) {
        // The text is the head, decoded whole (open-input.ts): the source is read through for its
        // hash and progress, and the text parsed at once (decoding it again made a folder's every
        // small file a decoder and its converter; streaming it, three asynchronous generators).
        while ((await source.read()) !== null);
        for (const chunk of csvRowsOfText(head, dialect, limits.maxFieldChars, name)) {
          parsed(chunk);
          yield* sink.drain();
        }
      } else {
        for await (const chunk of csvChunks(textPieces(source, encoding), dialect, limits.maxFieldChars, name)) {
          parsed(chunk);
          yield* sink.drain();
        }
      }
      sink.finish();
      yield* sink.drain();
      done(source.sha256()!);
    } finally {
      await source.close();
    }
  }
  return new Parsed(name, spec.size, 'csv', kind, spec.inZip, sink, produce, [], spec.archiveNotes);
}
