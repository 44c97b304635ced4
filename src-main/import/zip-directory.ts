/**
 * A ZIP archive's central directory (PKWARE APPNOTE 4.3.12-4.3.16, with ZIP64).
 *
 * Why the central directory and not fflate's streaming `Unzip`: the file is on disk, so the
 * directory (the archive's only authoritative index) can be read first. It gives every entry's name
 * and declared sizes before anything is inflated (a ZIP bomb is refused at once), it works for
 * entries written with data descriptors (which `Unzip` finds by scanning for a signature that can
 * occur inside compressed data), and it lets each entry be read on its own while skipped entries are
 * never buffered. fflate still does the inflating (zip-entry-source.ts), streaming, in memory.
 */
import type { FileHandle } from 'node:fs/promises';
import { TextDecoder } from 'node:util';

export interface ZipEntry {
  /** As stored: only ever displayed, never used as a path. */
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
const MAX_DIRECTORY_BYTES = 256 * 1024 * 1024;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError('a damaged ZIP archive (cut short)');
  return buffer;
}

function u64(b: Buffer, at: number): number {
  const value = b.readUInt32LE(at) + b.readUInt32LE(at + 4) * 2 ** 32;
  if (!Number.isSafeInteger(value)) throw new ZipFormatError('a damaged ZIP archive (impossible size)');
  return value;
}

export async function readZipDirectory(handle: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  if (fileSize < 22) throw new ZipFormatError('a damaged ZIP archive (too short)');
  // The end record is the last 22 bytes plus a comment of up to 64 KiB; ZIP64's locator sits before it.
  const tailLength = Math.min(fileSize, 22 + 0xffff + 20);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('a damaged ZIP archive (no central directory; was it cut short?)');

  const disk = tail.readUInt16LE(eocd + 4);
  const directoryDisk = tail.readUInt16LE(eocd + 6);
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR) {
      const record = await readAt(handle, u64(tail, locator + 8), 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError('a damaged ZIP archive (bad ZIP64 record)');
      count = u64(record, 32);
      directorySize = u64(record, 40);
      directoryOffset = u64(record, 48);
    }
  } else if (disk !== 0 || directoryDisk !== 0) {
    throw new ZipFormatError('a split (multi-part) ZIP archive: join the parts first');
  }
  if (directoryOffset + directorySize > fileSize || directorySize > MAX_DIRECTORY_BYTES) {
    throw new ZipFormatError('a damaged ZIP archive (central directory out of bounds)');
  }

  const dir = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL)
      throw new ZipFormatError('a damaged ZIP archive (bad central directory)');
    const flags = dir.readUInt16LE(p + 8);
    const method = dir.readUInt16LE(p + 10);
    const crc32 = dir.readUInt32LE(p + 16);
    let compressedSize = dir.readUInt32LE(p + 20);
    let size = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    let localHeaderOffset = dir.readUInt32LE(p + 42);
    const nameBytes = dir.subarray(p + 46, p + 46 + nameLength);
    const extra = dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    // ZIP64 extended information: the 8-byte values of the fields that overflowed, in this order.
    for (let e = 0; e + 4 <= extra.length;) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = (): number => {
          if (q + 8 > e + 4 + length || q + 8 > extra.length)
            throw new ZipFormatError('a damaged ZIP archive (bad ZIP64 field)');
          const value = u64(extra, q);
          q += 8;
          return value;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      e += 4 + length;
    }
    entries.push({
      name: entryName(nameBytes, (flags & 0x800) !== 0),
      flags,
      method,
      crc32,
      compressedSize,
      size,
      localHeaderOffset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** UTF-8 when flagged or valid; otherwise the legacy code page, shown as Latin-1 (names are only displayed). */
function entryName(bytes: Uint8Array, utf8: boolean): string {
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: !utf8 }).decode(bytes);
  } catch {
    name = Buffer.from(bytes).toString('latin1');
  }
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '?').replace(/\\/g, '/');
}

/** Where an entry's data starts: after its local header, whose name and extra lengths may differ from the directory's. */
export async function entryDataOffset(handle: FileHandle, entry: ZipEntry, fileSize: number): Promise<number> {
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL) throw new ZipFormatError('a damaged ZIP archive (bad local header)');
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) throw new ZipFormatError('a damaged ZIP archive (entry out of bounds)');
  return start;
}

export const isDirectory = (entry: ZipEntry): boolean => entry.name.endsWith('/');
export const isEncrypted = (entry: ZipEntry): boolean => (entry.flags & 1) !== 0;
