#!/usr/bin/env node
/**
 * Draws the case file's icon (a page with the report's four section lines) and writes it in the
 * formats electron-builder's fileAssociations take: build/case.ico (Windows), build/case.icns
 * (macOS), build/case.png. Plain Node, deterministic: `node scripts/make-icons.mjs` rewrites the
 * same bytes. ICO and ICNS both carry PNG images (Windows Vista and later, macOS 10.7 and later).
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SECTION_COLOURS = [
  [0x00, 0x72, 0xb2],
  [0xd5, 0x5e, 0x00],
  [0x00, 0x9e, 0x73],
  [0xcc, 0x79, 0xa7],
];

/** RGBA pixels of the icon at `size`, drawn on a 0..1 grid so every size has the same shape. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const set = (x, y, [r, g, b], a = 255) => {
    const i = (y * size + x) * 4;
    pixels[i] = r;
    pixels[i + 1] = g;
    pixels[i + 2] = b;
    pixels[i + 3] = a;
  };
  const left = 0.17,
    right = 0.83,
    top = 0.06,
    bottom = 0.94,
    fold = 0.2;
  const border = Math.max(1, Math.round(size / 64)) / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      if (u < left || u > right || v < top || v > bottom) continue;
      // The folded corner: cut off above the diagonal, drawn as a darker triangle below it.
      const intoFold = u - (right - fold) - (v - top);
      if (intoFold > 0) continue;
      const edge =
        u - left < border || right - u < border || bottom - v < border || v - top < border || intoFold > -border * 1.5;
      // The flap: the square of the fold below the diagonal, shaded.
      const onFlap = u > right - fold && v < top + fold;
      if (edge) set(x, y, [0x5b, 0x63, 0x70]);
      else if (onFlap) set(x, y, [0xd6, 0xda, 0xe0]);
      else set(x, y, [0xff, 0xff, 0xff]);
    }
  }
  // Four section lines across the page, like the report's chart.
  const thickness = Math.max(1, Math.round(size / 40));
  SECTION_COLOURS.forEach((colour, line) => {
    const base = 0.42 + line * 0.12;
    for (let x = Math.ceil((left + 0.08) * size); x < (right - 0.08) * size; x++) {
      const u = x / size;
      const wave = Math.sin(u * 9 + line * 1.7) * 0.035;
      const cy = Math.round((base + wave) * size);
      for (let t = 0; t < thickness; t++) set(x, Math.min(size - 1, cy + t), colour);
    }
  });
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function png(size) {
  const pixels = draw(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function ico(sizes) {
  const images = sizes.map((size) => ({ size, data: png(size) }));
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    head.writeUInt8(size >= 256 ? 0 : size, at);
    head.writeUInt8(size >= 256 ? 0 : size, at + 1);
    head.writeUInt16LE(1, at + 4);
    head.writeUInt16LE(32, at + 6);
    head.writeUInt32LE(data.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((image) => image.data)]);
}

export function icns(entries) {
  const parts = entries.map(([type, size]) => {
    const data = png(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('build/case.png', png(256));
  writeFileSync('build/case.ico', ico([16, 32, 48, 256]));
  // ic07 128, ic08 256, ic09 512, ic11 32 (16@2x), ic12 64 (32@2x).
  writeFileSync(
    'build/case.icns',
    icns([
      ['ic11', 32],
      ['ic12', 64],
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
    ]),
  );
  console.log('wrote build/case.png, build/case.ico, build/case.icns');
}
