/**
 * Sequential byte sources: a file on disk, or (zip-entry-source.ts) a ZIP entry inflated on the fly.
 * Every pass over an input opens a fresh source, so sniffing the head and the full read stay
 * independent, and nothing is held open between them.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

export interface ByteSource {
  /** The next chunk, or null at the end. A chunk is only valid until the next call (buffers are reused). */
  read(): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export interface ReadOptions {
  readonly signal?: AbortSignal;
  readonly onBytes?: (bytesRead: number, totalBytes: number) => void;
}

/** Bytes read from disk at a time: few syscalls, bounded memory. */
export const READ_CHUNK = 1024 * 1024;

/**
 * Files up to this size are read whole, once, with one synchronous read, and every pass (sniffing,
 * hashing, parsing) is served from memory. A folder of thousands of small exports otherwise pays
 * each file's dozen asynchronous opens, reads and closes (thread-pool round trips: ~3 ms a file on
 * a busy 2-core machine) and two 1 MiB buffers per pass to the garbage collector.
 */
export const SMALL_FILE_BYTES = 1024 * 1024;

/**
 * What is at a path (fstat), and the bytes of a regular file of at most SMALL_FILE_BYTES, with one
 * open: a folder's small file was statted by path, then opened and statted again to be read. The
 * open does not block, so that a pipe without a writer cannot hold it (it is then no regular file).
 */
export function statAndReadSmall(path: string): { readonly stats: Stats; readonly whole: Uint8Array | undefined } {
  // O_NONBLOCK is not defined on Windows, where opening a pipe or a folder fails at once anyway.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > SMALL_FILE_BYTES) return { stats, whole: undefined };
    // A size of 0 may be a file whose size the system does not know (procfs): read to its end.
    if (stats.size === 0) return { stats, whole: readFileSync(fd) };
    const buffer = Buffer.allocUnsafe(stats.size);
    let at = 0;
    for (let n = 1; at < buffer.length && n > 0; at += n) n = readSync(fd, buffer, at, buffer.length - at, null);
    return { stats, whole: at === buffer.length ? buffer : buffer.subarray(0, at) };
  } finally {
    closeSync(fd);
  }
}

/** The whole of a small file (see SMALL_FILE_BYTES). */
export function readSmallFile(path: string): Uint8Array {
  return readFileSync(path);
}

/** A source over bytes already in memory, with the same progress and cancel as a file's. */
export function memorySource(bytes: Uint8Array, options: ReadOptions = {}): ByteSource {
  let done = false;
  return {
    read() {
      options.signal?.throwIfAborted();
      if (done || bytes.length === 0) return Promise.resolve(null);
      done = true;
      options.onBytes?.(bytes.length, bytes.length);
      return Promise.resolve(bytes);
    },
    close() {
      done = true;
      return Promise.resolve();
    },
  };
}

/**
 * A file from its start, 1 MiB at a time. The next chunk is read while the caller works on the
 * current one (two buffers, alternating), so parsing does not wait on the disk.
 */
export async function openFileSource(path: string, options: ReadOptions = {}): Promise<ByteSource> {
  const handle = await open(path, 'r');
  let total: number;
  try {
    total = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw error;
  }
  // A file smaller than a chunk gets buffers of its size (one byte more, to see its end in one read).
  const chunkSize = Math.min(READ_CHUNK, total + 1);
  const buffers = [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)] as const;
  let turn = 0;
  let position = 0;
  let closed = false;
  const readInto = (buffer: Buffer): Promise<Uint8Array | null> =>
    handle.read(buffer, 0, buffer.length, position).then(({ bytesRead }) => {
      position += bytesRead;
      return bytesRead === 0 ? null : buffer.subarray(0, bytesRead);
    });
  let next: Promise<Uint8Array | null> | null = null;
  return {
    async read() {
      options.signal?.throwIfAborted();
      if (closed) return null;
      const chunk = await (next ?? readInto(buffers[turn]!));
      next = null;
      if (chunk === null) return null;
      options.onBytes?.(position, Math.max(total, position));
      turn ^= 1;
      if (chunk.length === chunkSize) {
        next = readInto(buffers[turn]!);
        next.catch(() => undefined); // a failure surfaces on the next read()
      }
      return chunk;
    },
    async close() {
      if (!closed) {
        closed = true;
        await next?.catch(() => undefined);
        await handle.close();
      }
    },
  };
}

/** Counts and hashes what passes through, for rowsRead/sha256 of a full pass. */
export class MeteredSource implements ByteSource {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private digest: string | undefined;

  constructor(private readonly inner: ByteSource) {}

  async read(): Promise<Uint8Array | null> {
    const chunk = await this.inner.read();
    if (chunk === null) {
      this.digest ??= this.hash.digest('hex');
    } else {
      this.bytes += chunk.length;
      this.hash.update(chunk);
    }
    return chunk;
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The hex sha256 of all bytes, once the end was reached; undefined before. */
  sha256(): string | undefined {
    return this.digest;
  }
}

/** sha256 of a file's bytes, streamed (spec 3: a file whose bytes were already imported is refused). */
export async function hashFile(path: string, options: ReadOptions = {}, size = Infinity): Promise<string> {
  if (size <= SMALL_FILE_BYTES) return createHash('sha256').update(readSmallFile(path)).digest('hex');
  const source = new MeteredSource(await openFileSource(path, options));
  try {
    while ((await source.read()) !== null);
    return source.sha256()!;
  } finally {
    await source.close();
  }
}
