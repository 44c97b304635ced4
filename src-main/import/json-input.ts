/**
 * A whole JSON document (array, envelope, Graph response): read and parsed up front, within
 * limits.maxJsonBytes, because its kind depends on keys that may sit anywhere in it. Rows are then
 * handed out in batches, and released one by one so the parsed document shrinks as it is read.
 * `line` is the row's 1-based position in its array (JSON has no useful physical lines).
 */
import { MeteredSource } from './byte-source';
import { jsonHeapRefusal } from './heap-room';
import type { InputSpec } from './input-spec';
import { parseJsonDocument } from './json-document';
import { formatBytes } from './limits';
import { describeJsonValue, isRecord, jsonTypeName, keysOf, ObjectRows } from './object-rows';
import { Parsed } from './parsed-input';
import type { ReadBatch } from './records';
import { InputRefused, NotEnrollmentFile } from './refusal';
import type { Encoding } from './sniff';
import { rowReaderFor } from './sinks';
import { StreamDecoder } from './text-decoder';

async function readText(spec: InputSpec, encoding: Encoding): Promise<{ text: string; sha256: string }> {
  const { name, limits } = spec;
  const tooBig = (): InputRefused =>
    new InputRefused(
      name,
      `a JSON document over ${formatBytes(limits.maxJsonBytes)}: export it as CSV or NDJSON, which are read as a stream`,
    );
  if (spec.size > limits.maxJsonBytes) throw tooBig();
  const source = new MeteredSource(await spec.open(true));
  const decoder = new StreamDecoder(encoding);
  const parts: string[] = [];
  try {
    for (let chunk = await source.read(); chunk !== null; chunk = await source.read()) {
      if (source.bytes > limits.maxJsonBytes) throw tooBig();
      parts.push(decoder.decode(chunk));
    }
    parts.push(decoder.end());
    return { text: parts.join(''), sha256: source.sha256()! };
  } catch (error) {
    if (error instanceof RangeError) throw tooBig(); // over V8's longest string
    throw error;
  } finally {
    await source.close();
  }
}

export async function openJson(spec: InputSpec, encoding: Encoding): Promise<Parsed> {
  const { name, limits } = spec;
  const read = await readText(spec, encoding);
  const sha256 = read.sha256;
  const noRoom = jsonHeapRefusal(read.text.length);
  if (noRoom) throw new InputRefused(name, noRoom);
  // `read` (and the text) stays out of the closures below, so the text can be collected once parsed.
  const doc = parseJsonDocument(read.text, name);
  const rows = doc.rows;

  let columns: string[];
  if (doc.columns) {
    columns = doc.columns;
  } else {
    columns = keysOf(rows, 10_000);
    if (!rows.some(isRecord)) {
      throw new NotEnrollmentFile(
        name,
        rows.length === 0
          ? 'an empty JSON list (no rows, no columns)'
          : 'a JSON list without objects, not an enrollment file',
      );
    }
  }
  const { kind, plan, sink } = rowReaderFor(name, columns, limits.maxColumns);
  let toRow: (value: unknown) => readonly unknown[] | string;
  if (doc.columns) {
    columns.forEach((column, index) => plan.add(index, column));
    plan.keepWinnersOnly();
    toRow = (value) => (Array.isArray(value) ? value : `${jsonTypeName(value)}, not a list of values`);
  } else {
    const objects = new ObjectRows(plan, limits.maxColumns, name);
    objects.addKeys(columns);
    toRow = (value) => (isRecord(value) ? objects.row(value) : describeJsonValue(value));
  }

  async function* produce(done: (sha256: string) => void): AsyncGenerator<ReadBatch> {
    for (let i = 0; i < rows.length; i++) {
      const row = toRow(rows[i]);
      rows[i] = undefined; // let the parsed document go as it is read
      if (typeof row === 'string') sink.unreadable(i + 1, row);
      else sink.row(row, i + 1);
      if ((i & 1023) === 1023) yield* sink.drain();
    }
    sink.finish();
    yield* sink.drain();
    done(sha256);
  }
  return new Parsed(name, spec.size, doc.container, kind, spec.inZip, sink, produce, doc.notes, spec.archiveNotes);
}
