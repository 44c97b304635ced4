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
import type { InputSpec } from './input-spec';
import type { ParsedInput } from './parsed-input';
import type { ReadBatch } from './records';
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
  options: ReadOptions & Pick<InputSpec, 'codeStrings'>,
): AsyncGenerator<ParsedInput<ReadBatch>> {
  const { entries, size: zipSize } = await directory(path, name);
  const files = entries.filter((e) => !isDirectory(e) && !isMetadata(e));
  if (files.some((e) => e.name === '[Content_Types].xml') && files.some((e) => e.name.startsWith('xl/'))) {
    throw new NotEnrollmentFile(name, 'an Excel workbook: save the sheet as CSV');
  }

  checkLayout(name, files);

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
  checkTotals(name, readable, limits);

  const budget: InflateBudget = { used: 0, limit: limits.maxUncompressedBytes };
  let usable = 0;
  for (const entry of readable) {
    const where = `${name}/${entry.name}`;
    let input: ParsedInput<ReadBatch>;
    try {
      input = await openInput({
        name: where,
        size: entry.size,
        inZip: true,
        limits,
        codeStrings: options.codeStrings,
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
    throw new InputRefused(name, `no enrollment file in the ZIP${notes.length > 0 ? ` (${summarize(notes)})` : ''}`);
  }
}

/** Most entries an archive may hold: an export has one; thousands are a trick (each costs a sniff). */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * Checks of the archive as a whole, before anything is inflated. Entries under RATIO_FLOOR escape the
 * per-entry ratio check, and entries may share their compressed data (overlapping local headers):
 * thousands of such entries once took minutes to sniff, each a MiB of zeros from the same few bytes.
 */
function checkLayout(name: string, files: readonly ZipEntry[]): void {
  if (files.length > MAX_ZIP_ENTRIES) {
    throw new InputRefused(
      name,
      `${files.length} entries, more than the ${MAX_ZIP_ENTRIES} a ZIP of exports could hold`,
    );
  }
  const byOffset = [...files].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1]!;
    // 30 bytes of local header and the data at least; a later entry starting inside them overlaps.
    if (byOffset[i]!.localHeaderOffset < before.localHeaderOffset + 30 + before.compressedSize) {
      throw new InputRefused(name, 'entries overlap in the archive (a ZIP bomb?)');
    }
  }
}

/** The entries to be read, together: the size limit and the ratio hold for their sum too. */
function checkTotals(name: string, readable: readonly ZipEntry[], limits: ImportLimits): void {
  let size = 0;
  let compressed = 0;
  for (const entry of readable) {
    size += entry.size;
    compressed += entry.compressedSize;
  }
  if (size > limits.maxUncompressedBytes) {
    throw new InputRefused(
      name,
      `declares ${formatBytes(size)} uncompressed in all, over the ${formatBytes(limits.maxUncompressedBytes)} limit (a ZIP bomb?)`,
    );
  }
  const ratio = size / Math.max(1, compressed);
  if (size > RATIO_FLOOR && ratio > limits.maxZipRatio) {
    throw new InputRefused(
      name,
      `compressed ${Math.round(ratio)}:1 in all, over the ${limits.maxZipRatio}:1 limit (a ZIP bomb?)`,
    );
  }
}

/** The first few notes, and how many more: a refusal stays one readable line. */
function summarize(notes: readonly string[]): string {
  const shown = notes.slice(0, 3).join('; ');
  return notes.length > 3 ? `${shown}; and ${notes.length - 3} more` : shown;
}
