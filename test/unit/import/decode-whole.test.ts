import { describe, expect, it } from 'vitest';
import type { Encoding } from '../../../src-main/import/sniff';
import { decodeWhole, StreamDecoder } from '../../../src-main/import/text-decoder';

/** What a file's head decoded alone gives: a decoder of its own, fed the bytes, then ended. */
function streamed(bytes: Uint8Array, encoding: Encoding): string {
  const decoder = new StreamDecoder(encoding);
  return decoder.decode(bytes) + decoder.end();
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Inputs that leave a stream decoder in a state: a BOM, a cut character, an odd UTF-16 byte, C1 bytes. */
const INPUTS: ReadonlyArray<[Encoding, Uint8Array]> = [
  ['utf-8', bytes(0xef, 0xbb, 0xbf, ...utf8('timestamp,userId\n'))],
  ['utf-8', bytes(...utf8('a,b\nc,é'), 0xe2, 0x82)],
  ['utf-8', utf8('a,b\n€,ü\n')],
  ['utf-8', bytes(0xef, 0xbb, 0xbf)],
  ['utf-8', bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61)],
  ['utf-16le', bytes(0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62)],
  ['utf-16le', bytes(0x61, 0x00, 0x0a, 0x00)],
  ['utf-16be', bytes(0xfe, 0xff, 0x00, 0x61, 0xd8)],
  ['windows-1252', bytes(0x80, 0x2c, 0x9f, 0x81, 0xe9, 0x0a)],
  ['windows-1252', bytes(0xef, 0xbb, 0xbf, 0x61)],
];

describe('decodeWhole', () => {
  it("gives a stream decoder's text for a whole input, the decoder shared by every call", () => {
    // Twice through, in this order: a call after a cut character, a BOM or an odd byte starts
    // afresh (the shared decoder carries nothing from one input to the next).
    for (let round = 0; round < 2; round++) {
      for (const [encoding, input] of INPUTS) expect(decodeWhole(input, encoding)).toBe(streamed(input, encoding));
    }
    // The cut character ends as one U+FFFD, and the BOM after it is dropped again.
    expect(decodeWhole(INPUTS[1]![1], 'utf-8')).toBe('a,b\nc,é\ufffd');
    expect(decodeWhole(INPUTS[0]![1], 'utf-8')).toBe('timestamp,userId\n');
    expect(decodeWhole(INPUTS[8]![1], 'windows-1252')).toBe('€,Ÿ\u0081é\n');
  });
});
