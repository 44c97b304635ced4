/**
 * What the first bytes of a file say (spec 3: format from the content, never the name): a ZIP, a
 * known binary format (refused with a one-line reason), and the text encoding.
 */
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

/** How much of a file's start the byte-level checks look at. */
export const SNIFF_BYTES = 64 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** A local file header (`PK\3\4`) or the end record of an empty archive (`PK\5\6`). */
export function isZip(b: Uint8Array): boolean {
  return startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]);
}

const SIGNATURES: readonly { sig: readonly number[]; at?: number; reason: string }[] = [
  { sig: ascii('SQLite format 3\0'), reason: 'a SQLite database, not an enrollment file' },
  { sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], reason: 'an image (PNG), not an enrollment file' },
  { sig: [0xff, 0xd8, 0xff], reason: 'an image (JPEG), not an enrollment file' },
  { sig: ascii('GIF87a'), reason: 'an image (GIF), not an enrollment file' },
  { sig: ascii('GIF89a'), reason: 'an image (GIF), not an enrollment file' },
  { sig: ascii('WEBP'), at: 8, reason: 'an image (WebP), not an enrollment file' },
  { sig: [0x49, 0x49, 0x2a, 0x00], reason: 'an image (TIFF), not an enrollment file' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], reason: 'an image (TIFF), not an enrollment file' },
  { sig: ascii('%PDF-'), reason: 'a PDF document, not an enrollment file' },
  { sig: [0x1f, 0x8b], reason: 'a gzip archive: only ZIP archives are supported' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: 'a 7-Zip archive: only ZIP archives are supported' },
  { sig: ascii('Rar!\x1a\x07'), reason: 'a RAR archive: only ZIP archives are supported' },
  { sig: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], reason: 'an xz archive: only ZIP archives are supported' },
  {
    sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    reason: 'a legacy Office document (.xls): save the sheet as CSV',
  },
  { sig: [0x7f, 0x45, 0x4c, 0x46], reason: 'a program (ELF), not an enrollment file' },
];

/**
 * Why these bytes are not text (a one-line reason), or undefined when they may be. Known formats
 * by signature; anything else by its share of NUL and control bytes in the first 64 KiB.
 */
export function binaryReason(b: Uint8Array): string | undefined {
  for (const { sig, at, reason } of SIGNATURES) if (startsWith(b, sig, at)) return reason;
  if (hasBom(b)) return undefined; // UTF-16 text is full of NUL bytes; its characters are checked after decoding
  const n = Math.min(b.length, SNIFF_BYTES);
  let nul = 0;
  let control = 0;
  let nulEven = 0;
  for (let i = 0; i < n; i++) {
    const x = b[i]!;
    if (x === 0) {
      nul++;
      if ((i & 1) === 0) nulEven++;
    } else if (x < 9 || (x > 13 && x < 32 && x !== 27)) control++;
  }
  if (nul > n / 100) {
    const half = n / 2;
    const nulOdd = nul - nulEven;
    if ((nulOdd > half * 0.4 && nulEven < half * 0.02) || (nulEven > half * 0.4 && nulOdd < half * 0.02)) {
      return 'UTF-16 text without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM)';
    }
    return 'binary content (NUL bytes), not a text file';
  }
  if (control > n / 10) return 'binary content (control bytes), not a text file';
  return undefined;
}

/** Same check for already decoded text (UTF-16 files): NUL-heavy text is binary data. */
export function binaryTextReason(text: string): string | undefined {
  const n = Math.min(text.length, SNIFF_BYTES);
  let nul = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0) nul++;
  return nul > n / 100 ? 'binary content (NUL characters), not a text file' : undefined;
}

function hasBom(b: Uint8Array): boolean {
  return startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff]);
}

/**
 * The encoding (spec 3): a UTF-8 BOM, a UTF-16 BOM (LE or BE); otherwise UTF-8 when the first
 * 64 KiB are valid UTF-8 (a character cut by the 64 KiB boundary is not an error), else
 * Windows-1252. The decoders strip the BOM themselves.
 */
export function detectEncoding(b: Uint8Array): Encoding {
  if (startsWith(b, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(b, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(b, [0xfe, 0xff])) return 'utf-16be';
  const start = b.subarray(0, SNIFF_BYTES);
  // Valid as it is: no decoder needed (making one costs a folder of small files more than reading them).
  if (isUtf8(start)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}
