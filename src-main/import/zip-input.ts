/**
 * A ZIP archive (spec 3, input 5): one ParsedInput per usable entry, in directory order. Folders
 * and macOS metadata are passed over silently; other entries that are not enrollment files (a
 * README, an image, a nested ZIP, an encrypted entry) are passed over with a note. Declared sizes
 * are checked for every entry before anything is inflated, so a ZIP bomb is refused at once.
 */
import { open } from 'node:fs/promises';
import type { ReadOptions } from './byte-source';
import { formatBytes, type ImportLimits } from './limits';
import { openInput } from './open-input';
import type { ParsedInput } from './parsed-input';
import { InputRefused, NotEnrollmentFile } from './refusal';
import { isDirectory, isEncrypted, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory';
import { openZipEntrySource, type InflateBudget } from './zip-entry-source';

/** Below this size a high ratio means nothing (a small file of repeated lines); above it, a bomb. */
const RATIO_FLOOR = 1024 * 1024;

const isMetadata = (entry: ZipEntry): boolean => /(^|\/)(__MACOSX\/|\._|\.DS_Store$)/.test(entry.name);

async function directory(path: string, name: string): Promise<{ entries: ZipEntry[]; size: number }> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    return { entries: await readZipDirectory(handle, size), size };
  } catch (error) {
    if (error instanceof ZipFormatError) throw new InputRefused(name, error.message);
    throw error;
  } finally {
    await handle.close();
  }
}

export async function* readZip(
  path: string,
  name: string,
  limits: ImportLimits,
  options: ReadOptions,
): AsyncGenerator<ParsedInput> {
  const { entries, size: zipSize } = await directory(path, name);
  const files = entries.filter((e) => !isDirectory(e) && !isMetadata(e));
  if (files.some((e) => e.name === '[Content_Types].xml') && files.some((e) => e.name.startsWith('xl/'))) {
    throw new NotEnrollmentFile(name, 'an Excel workbook: save the sheet as CSV');
  }

  const notes: string[] = [];
  const readable: ZipEntry[] = [];
  for (const entry of files) {
    if (isEncrypted(entry)) notes.push(`${entry.name}: encrypted, passed over`);
    else if (entry.method !== 0 && entry.method !== 8)
      notes.push(`${entry.name}: compression method ${entry.method} is not supported, passed over`);
    else {
      const where = `${name}/${entry.name}`;
      if (entry.size > limits.maxUncompressedBytes) {
        throw new InputRefused(
          where,
          `declares ${formatBytes(entry.size)} uncompressed, over the ${formatBytes(limits.maxUncompressedBytes)} limit (a ZIP bomb?)`,
        );
      }
      const ratio = entry.size / Math.max(1, entry.compressedSize);
      if (entry.size > RATIO_FLOOR && ratio > limits.maxZipRatio) {
        throw new InputRefused(
          where,
          `compressed ${Math.round(ratio)}:1, over the ${limits.maxZipRatio}:1 limit (a ZIP bomb?)`,
        );
      }
      readable.push(entry);
    }
  }

  const budget: InflateBudget = { used: 0, limit: limits.maxUncompressedBytes };
  let usable = 0;
  for (const entry of readable) {
    const where = `${name}/${entry.name}`;
    let input: ParsedInput;
    try {
      input = await openInput({
        name: where,
        size: entry.size,
        inZip: true,
        limits,
        archiveNotes: notes,
        open: (full) =>
          openZipEntrySource(entry, {
            path,
            zipSize,
            file: where,
            signal: options.signal,
            onBytes: full ? options.onBytes : undefined,
            budget: full ? budget : undefined,
          }),
      });
    } catch (error) {
      if (!(error instanceof NotEnrollmentFile)) throw error;
      notes.push(`${entry.name}: ${error.reason}, passed over`);
      continue;
    }
    usable++;
    yield input;
  }
  if (usable === 0) {
    throw new InputRefused(name, `no enrollment file in the ZIP${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
  }
}
