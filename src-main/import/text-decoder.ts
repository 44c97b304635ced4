/**
 * Streaming bytes -> text in one encoding, using the platform's TextDecoder in stream mode (a
 * multi-byte character split across chunks is joined; invalid UTF-8 later in a file becomes U+FFFD
 * and the rest of the row survives).
 */
import { TextDecoder } from 'node:util';
import type { Encoding } from './sniff';

/** Windows-1252's 0x80-0x9F, which differ from Latin-1 (WHATWG index; the five holes map to themselves). */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1_RANGE = /[\u0080-\u009f]/g;
const C1_HOLES = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Node 20.18.3+/22.13+ decode windows-1252 as Latin-1 on some paths (nodejs/node#56542, #60888):
 * 0x80 comes out as U+0080 instead of €. Remapping the C1 range afterwards is correct either way,
 * since a correct decoder never produces C1 characters other than the five holes.
 */
function fixCp1252(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(C1_RANGE, (c) => {
    const code = c.charCodeAt(0);
    return C1_HOLES.has(code) ? c : CP1252_C1[code - 0x80]!;
  });
}

export class StreamDecoder {
  private readonly decoder: TextDecoder;
  private readonly cp1252: boolean;

  constructor(encoding: Encoding) {
    this.decoder = new TextDecoder(encoding);
    this.cp1252 = encoding === 'windows-1252';
  }

  /** Text of the next chunk; an incomplete character at its end waits for the next chunk. */
  decode(bytes: Uint8Array): string {
    const text = this.decoder.decode(bytes, { stream: true });
    return this.cp1252 ? fixCp1252(text) : text;
  }

  /** Flushes the end of the input (an incomplete last character becomes U+FFFD). */
  end(): string {
    const text = this.decoder.decode();
    return this.cp1252 ? fixCp1252(text) : text;
  }
}

/** One decoder per encoding for whole texts: making one costs more than decoding a small file. */
const wholeDecoders = new Map<Encoding, TextDecoder>();

/** The text of bytes that are a whole input: what a StreamDecoder's decode and end give together. */
export function decodeWhole(bytes: Uint8Array, encoding: Encoding): string {
  let decoder = wholeDecoders.get(encoding);
  if (!decoder) wholeDecoders.set(encoding, (decoder = new TextDecoder(encoding)));
  // Not in stream mode: the call starts and ends the input (BOM dropped, a cut character U+FFFD).
  const text = decoder.decode(bytes);
  return encoding === 'windows-1252' ? fixCp1252(text) : text;
}
