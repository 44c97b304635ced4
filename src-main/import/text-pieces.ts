/**
 * Bytes -> text pieces of at most 64 KiB of input each. The CSV parser is fed one piece at a
 * time: that keeps each piece's rows short-lived (see csv-chunks.ts for the measurements).
 */
import type { ByteSource } from './byte-source';
import type { Encoding } from './sniff';
import { StreamDecoder } from './text-decoder';

export const PIECE_BYTES = 64 * 1024;

export async function* textPieces(source: ByteSource, encoding: Encoding): AsyncGenerator<string> {
  const decoder = new StreamDecoder(encoding);
  for (let chunk = await source.read(); chunk !== null; chunk = await source.read()) {
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
      const text = decoder.decode(chunk.subarray(at, Math.min(at + PIECE_BYTES, chunk.length)));
      if (text.length > 0) yield text;
    }
  }
  const tail = decoder.end();
  if (tail.length > 0) yield tail;
}

/** The first `bytes` of a source (fewer at its end), copied out, and whether that is all of it. */
export async function readHead(source: ByteSource, bytes: number): Promise<{ head: Uint8Array; complete: boolean }> {
  const parts: Uint8Array[] = [];
  let length = 0;
  let complete = false;
  for (;;) {
    const chunk = await source.read();
    if (chunk === null) {
      complete = true;
      break;
    }
    const take = Math.min(chunk.length, bytes - length);
    parts.push(new Uint8Array(chunk.subarray(0, take))); // a copy: the source reuses its buffer (Buffer#slice would not copy)
    length += take;
    if (take < chunk.length) break; // there is more beyond the head
    if (length === bytes) {
      complete = (await source.read()) === null;
      break;
    }
  }
  // One part (a copy already) is the head as it is: concatenating it would copy it again.
  return { head: parts.length === 1 ? parts[0]! : Buffer.concat(parts, length), complete };
}
