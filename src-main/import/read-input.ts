/**
 * The import step's entry point: a path in, one ParsedInput per readable file out (a ZIP gives one
 * per usable entry). The format is detected from the content, never from the name (spec 3).
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { memorySource, openFileSource, statAndReadSmall } from './byte-source';
import { resolveLimits, type ImportLimits } from './limits';
import { openInput } from './open-input';
import type { ParsedInput } from './parsed-input';
import type { CodesKept, ReadBatch } from './records';
import { InputRefused } from './refusal';
import { isZip } from './sniff';
import { readZip } from './zip-input';

export { hashFile } from './byte-source';
export { DEFAULT_LIMITS, type ImportLimits } from './limits';
export type { ParsedInput } from './parsed-input';
export { InputRefused, NotEnrollmentFile } from './refusal';

export interface ReadInputOptions {
  readonly limits?: Partial<ImportLimits>;
  readonly signal?: AbortSignal;
  /** Progress of the full read: bytes of the file (for a ZIP, of the archive) read so far, and its size. */
  readonly onBytes?: (bytesRead: number, totalBytes: number) => void;
}

function cannotOpen(name: string, error: unknown): InputRefused {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'a folder, not a file'
          : code === 'ENXIO' // a socket (or a device without its driver) cannot be opened
            ? 'not a regular file (a pipe or a device)'
            : `cannot be read (${code ?? String(error)})`;
  return new InputRefused(name, why);
}

async function firstBytes(path: string, count: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Reads one path (a file; a ZIP yields one ParsedInput per usable entry). Throws InputRefused for a
 * file that cannot be read at all; a refusal can also come while iterating an input's batches
 * (truncated data found late). Consume each input's batches before asking for the next input.
 */
export function readInput(path: string, options: ReadInputOptions = {}): AsyncGenerator<ParsedInput> {
  // Without `codeStrings` no reader codes a batch: every batch is a RecordBatch.
  return readAnyInput(path, options) as AsyncGenerator<ParsedInput>;
}

/**
 * readInput for the parse worker: event-log batches of CSV files come out with their user, device
 * and screen already coded (records.ts CodedStrings, each column's coder remembering at most
 * `kept` strings), read from the bytes without making a string for a value seen before
 * (csv-bytes.ts); other batches come out as readInput makes them, and so do a file's batches
 * when it is smaller than `codedFrom` bytes (the byte path's set-up costs a small file more than
 * it saves on its rows: the caller codes them, to the same codes).
 */
export function readInputCoded(
  path: string,
  options: ReadInputOptions & { readonly kept: CodesKept; readonly codedFrom?: number },
): AsyncGenerator<ParsedInput<ReadBatch>> {
  const { kept } = options;
  return readAnyInput(path, options, typeof kept === 'number' ? { kept } : kept, options.codedFrom ?? 0);
}

async function* readAnyInput(
  path: string,
  options: ReadInputOptions,
  codeStrings?: { readonly kept: number },
  codedFrom = 0,
): AsyncGenerator<ParsedInput<ReadBatch>> {
  const name = basename(path);
  const limits = resolveLimits(options.limits);
  options.signal?.throwIfAborted();
  let size: number;
  let magic: Uint8Array;
  /** The whole file when it is small (byte-source.ts SMALL_FILE_BYTES): every pass reads it from memory. */
  let whole: Uint8Array | undefined;
  try {
    // Synchronous: microseconds, where an asynchronous open waits a thread-pool round trip per file.
    const { stats, whole: small } = statAndReadSmall(path);
    if (stats.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // A pipe or a device would block the streamed read's open (a FIFO without a writer) or never end.
    if (!stats.isFile()) throw new InputRefused(name, 'not a regular file (a pipe or a device)');
    whole = small;
    size = whole?.length ?? stats.size;
    magic = whole ? whole.subarray(0, 4) : await firstBytes(path, 4);
  } catch (error) {
    throw error instanceof InputRefused ? error : cannotOpen(name, error);
  }
  if (isZip(magic)) {
    yield* readZip(path, name, limits, { ...options, codeStrings });
    return;
  }
  yield await openInput({
    name,
    size,
    inZip: false,
    limits,
    codeStrings: size >= codedFrom ? codeStrings : undefined,
    whole,
    open: async (full) => {
      const passOptions = full ? options : { signal: options.signal };
      return whole ? memorySource(whole, passOptions) : openFileSource(path, passOptions);
    },
  });
}
