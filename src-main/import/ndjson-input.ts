/** An NDJSON input: the keys on the head's lines decide the kind; lines stream, one JSON.parse each. */
import { MeteredSource } from './byte-source';
import type { InputSpec } from './input-spec';
import { ndjsonLines } from './ndjson-lines';
import { describeJsonValue, isRecord, keysOf, ObjectRows } from './object-rows';
import { Parsed } from './parsed-input';
import type { ReadBatch } from './records';
import type { Encoding } from './sniff';
import { rowReaderFor } from './sinks';
import { textPieces } from './text-pieces';

/** Objects on the head's complete lines (enough of them to see every key the file uses early on). */
function headObjects(head: string, complete: boolean): unknown[] {
  const lines = head.split('\n');
  if (!complete) lines.pop();
  const objects: unknown[] = [];
  for (const line of lines) {
    if (objects.length >= 1000) break;
    try {
      if (line.trim() !== '') objects.push(JSON.parse(line));
    } catch {
      // an unreadable line: counted when the rows are read
    }
  }
  return objects;
}

export function openNdjson(spec: InputSpec, encoding: Encoding, head: string, complete: boolean): Parsed {
  const { name, limits } = spec;
  const keys = keysOf(headObjects(head, complete), 1000);
  const { kind, plan, sink } = rowReaderFor(name, keys);
  const objects = new ObjectRows(plan, limits.maxColumns, name);
  objects.addKeys(keys);

  async function* produce(done: (sha256: string) => void): AsyncGenerator<ReadBatch> {
    const source = new MeteredSource(await spec.open(true));
    try {
      for await (const { texts, lines } of ndjsonLines(textPieces(source, encoding), limits.maxFieldChars, name)) {
        for (let i = 0; i < texts.length; i++) {
          const text = texts[i]!;
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch {
            sink.unreadable(lines[i]!, `not valid JSON: ${text.slice(0, 180)}`);
            continue;
          }
          if (isRecord(value)) sink.row(objects.row(value), lines[i]!);
          else sink.unreadable(lines[i]!, describeJsonValue(value));
        }
        yield* sink.drain();
      }
      sink.finish();
      yield* sink.drain();
      done(source.sha256()!);
    } finally {
      await source.close();
    }
  }
  return new Parsed(name, spec.size, 'ndjson', kind, spec.inZip, sink, produce, [], spec.archiveNotes);
}
