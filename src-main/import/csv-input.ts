/** A CSV input: the header decides kind and column plan; rows stream through csvChunks. */
import Papa from 'papaparse';
import { MeteredSource, type ByteSource } from './byte-source';
import { scanCsvBytes, type ByteRows } from './csv-bytes';
import { csvChunks, type CsvChunk } from './csv-chunks';
import { sniffDialect, type CsvDialect } from './csv-dialect';
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
 * The text of an input whose head was all of it (decoded whole, open-input.ts), after its source
 * has been read through (hashed, its progress told): what textPieces would give as its one piece.
 * Decoding it again made a folder's every small file a decoder and its converter.
 */
async function* readThen(source: ByteSource, text: string): AsyncGenerator<string> {
  while ((await source.read()) !== null);
  if (text.length > 0) yield text;
}

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

export function openCsv(spec: InputSpec, encoding: Encoding, head: string, complete: boolean): Parsed {
  const { name, limits } = spec;
  const hinted = excelSeparator(head);
  const dialect = hinted ?? sniffDialect(head);
  // Rows before the header: the `sep=` line, when there is one.
  const leading = hinted ? 1 : 0;
  const header = headerOf(head, complete, dialect, leading);
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
      } else {
        const pieces = complete && spec.size <= PIECE_BYTES ? readThen(source, head) : textPieces(source, encoding);
        const chunks = csvChunks(pieces, dialect, limits.maxFieldChars, name);
        for await (const chunk of chunks) {
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
