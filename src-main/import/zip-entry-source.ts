/**
 * One ZIP entry as a byte source: its compressed bytes are read from disk in 64 KiB blocks and
 * inflated by fflate 16 KiB at a time, so even a maximal 1032:1 deflate stream produces at most
 * ~16 MiB per step before the checks below run. Nothing is written to disk.
 *
 * The checks: an entry may not produce more than its declared size (a lying header is a bomb, or
 * damage), the archive as a whole may not produce more than limits.maxUncompressedBytes, and a full
 * read must match the declared size and CRC-32.
 */
import { Inflate } from 'fflate';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { ByteSource, ReadOptions } from './byte-source';
import { formatBytes } from './limits';
import { InputRefused } from './refusal';
import { entryDataOffset, ZipFormatError, type ZipEntry } from './zip-directory';

const BLOCK = 64 * 1024;
const STEP = 16 * 1024;

/** Bytes inflated from one archive so far, against its limit (shared by the archive's entries). */
export interface InflateBudget {
  used: number;
  readonly limit: number;
}

export interface EntrySourceOptions extends ReadOptions {
  readonly path: string;
  readonly zipSize: number;
  readonly file: string;
  /** Full reads count against the budget; the short sniffing reads do not. */
  readonly budget?: InflateBudget;
}

export async function openZipEntrySource(entry: ZipEntry, options: EntrySourceOptions): Promise<ByteSource> {
  const { file, signal, onBytes, budget } = options;
  const handle = await open(options.path, 'r');
  let dataStart: number;
  try {
    dataStart = await entryDataOffset(handle, entry, options.zipSize);
  } catch (error) {
    await handle.close();
    throw error instanceof ZipFormatError ? new InputRefused(file, error.message) : error;
  }
  const block = Buffer.allocUnsafe(BLOCK);
  const queue: Uint8Array[] = [];
  let consumed = 0;
  let produced = 0;
  let crc = 0;
  let ended = false;
  let closed = false;

  const accept = (data: Uint8Array): void => {
    produced += data.length;
    if (produced > entry.size) {
      throw new InputRefused(
        file,
        `expands beyond the ${formatBytes(entry.size)} its ZIP header declares (a damaged archive or a ZIP bomb)`,
      );
    }
    if (budget) {
      budget.used += data.length;
      if (budget.used > budget.limit)
        throw new InputRefused(file, `the ZIP expands to more than ${formatBytes(budget.limit)} (a ZIP bomb?)`);
    }
    crc = crc32(data, crc);
    if (data.length > 0) queue.push(data);
  };
  const inflater = entry.method === 8 ? new Inflate((data) => accept(data)) : null;

  const pump = async (): Promise<void> => {
    const length = Math.min(BLOCK, entry.compressedSize - consumed);
    const { bytesRead } = await handle.read(block, 0, length, dataStart + consumed);
    if (bytesRead !== length) throw new InputRefused(file, 'a damaged ZIP archive (entry cut short)');
    consumed += length;
    const last = consumed === entry.compressedSize;
    onBytes?.(dataStart + consumed, options.zipSize);
    if (!inflater) {
      accept(new Uint8Array(block.subarray(0, length)));
      return;
    }
    try {
      for (let at = 0; at < length || (last && at === 0); at += STEP) {
        const end = Math.min(at + STEP, length);
        inflater.push(block.subarray(at, end), last && end === length);
      }
    } catch (error) {
      if (error instanceof InputRefused) throw error;
      throw new InputRefused(file, `a damaged ZIP entry (${error instanceof Error ? error.message : String(error)})`);
    }
  };

  return {
    async read() {
      while (queue.length === 0) {
        signal?.throwIfAborted();
        if (closed || ended) return null;
        if (consumed === entry.compressedSize) {
          ended = true;
          if (produced !== entry.size)
            throw new InputRefused(file, `a damaged ZIP entry (${produced} bytes instead of ${entry.size})`);
          if (crc >>> 0 !== entry.crc32 >>> 0) throw new InputRefused(file, 'a damaged ZIP entry (checksum mismatch)');
          return null;
        }
        await pump();
      }
      return queue.shift()!;
    },
    async close() {
      if (!closed) {
        closed = true;
        queue.length = 0;
        await handle.close();
      }
    },
  };
}
