/**
 * Streaming NDJSON: complete lines with their physical line numbers. JSON text cannot hold a raw
 * line break, so one line is one record; blank lines are passed over.
 */
import { InputRefused } from './refusal';

export interface LineChunk {
  readonly texts: string[];
  readonly lines: number[];
}

export async function* ndjsonLines(
  pieces: AsyncIterable<string>,
  maxLineChars: number,
  file: string,
): AsyncGenerator<LineChunk> {
  let rest = '';
  let line = 1; // physical line where `rest` starts
  const split = (input: string, final: boolean): LineChunk => {
    const texts: string[] = [];
    const lines: number[] = [];
    let start = 0;
    for (;;) {
      let end = input.indexOf('\n', start);
      if (end < 0) {
        if (!final) break;
        end = input.length;
      }
      const text = input.slice(start, end).trim(); // also drops the CR of CRLF
      if (text !== '') {
        texts.push(text);
        lines.push(line);
      }
      line++;
      start = end + 1;
      if (start > input.length) break;
    }
    rest = final ? '' : input.slice(start);
    if (rest.length > maxLineChars)
      throw new InputRefused(file, `line ${line} is longer than ${maxLineChars} characters`);
    return { texts, lines };
  };
  for await (const piece of pieces) {
    const chunk = split(rest + piece, false);
    if (chunk.texts.length > 0) yield chunk;
  }
  if (rest !== '') {
    const chunk = split(rest, true);
    if (chunk.texts.length > 0) yield chunk;
  }
}
