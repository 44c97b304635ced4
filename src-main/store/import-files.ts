/**
 * Imports files into a case. Each file (a ZIP with all its entries) is one transaction: it is
 * stored whole, with its attempts rebuilt, or not at all (refused, cancelled, or crashed).
 */
import { basename } from 'node:path';
import { InputRefused, hashFile, readInput, type ParsedInput } from '../import/read-input';
import { refreshAttempts } from '../attempts/refresh';
import type { ImportOutcome, ImportProgress } from '../shared/import-types';
import type { ImportRecord } from '../shared/report-types';
import type { CaseDb } from './case-file';
import type { StoreBatch } from './coded-batch';
import { expandPaths, type InputFile } from './expand-paths';
import { describeImport, findImportBySha, getImport, hasImportOfSize } from './imports';
import { RowWriter, createInterners, type Interners } from './row-writer';

/** One input as the store reads it: a ParsedInput whose batches may come coded (coded-batch.ts). */
export type StoreInput = Omit<ParsedInput, 'batches'> & { readonly batches: AsyncIterable<StoreBatch> };

/** Reads one file into validated batches: in this thread, or in a parse worker (same contract). */
export type InputReader = (
  path: string,
  options: { signal?: AbortSignal; onBytes?: (bytesRead: number, totalBytes: number) => void },
) => AsyncIterable<StoreInput>;

export interface ImportOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly reader?: InputReader;
}

class Cancelled extends Error {}

export async function importFiles(
  db: CaseDb,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportOutcome[]> {
  const { files, missing, cancelled } = await expandPaths(paths, { signal: options.signal });
  if (cancelled) return paths.map((path) => ({ file: basename(path), status: 'cancelled' }));
  const outcomes: ImportOutcome[] = missing.map(({ path, reason }) => ({
    file: basename(path),
    status: 'refused',
    reason,
  }));
  const overallTotalBytes = files.reduce((sum, file) => sum + file.size, 0);
  let overallDone = 0;
  const interners = createInterners(db);

  for (const [fileIndex, file] of files.entries()) {
    if (options.signal?.aborted) {
      outcomes.push({ file: basename(file.path), status: 'cancelled' });
      continue;
    }
    const report = (bytesRead: number, rows: number, phase: ImportProgress['phase']): void =>
      options.onProgress?.({
        file: basename(file.path),
        fileIndex,
        fileCount: files.length,
        bytesRead,
        totalBytes: file.size,
        rows,
        overallBytesRead: overallDone + Math.min(bytesRead, file.size),
        overallTotalBytes,
        phase,
      });
    outcomes.push(...(await importOneFile(db, file, interners, options, report)));
    overallDone += file.size;
    report(file.size, 0, 'done');
  }
  return outcomes;
}

type Reporter = (bytesRead: number, rows: number, phase: ImportProgress['phase']) => void;

async function importOneFile(
  db: CaseDb,
  file: InputFile,
  interners: Interners,
  options: ImportOptions,
  report: Reporter,
): Promise<ImportOutcome[]> {
  const name = basename(file.path);
  try {
    // Equal bytes have equal sizes: only a size seen before is worth hashing the file for up front
    // (a refusal before any parsing). The reader hashes what it reads anyway, and storeFile checks
    // that hash too, so a new file is read once, not twice.
    if (hasImportOfSize(db, file.size)) {
      const earlier = findImportBySha(db, await hashFile(file.path));
      if (earlier) return [{ file: name, status: 'refused', reason: `already imported as ${describeImport(earlier)}` }];
    }
  } catch (error) {
    return [{ file: name, status: 'refused', reason: messageOf(error, name) }];
  }

  db.exec('BEGIN IMMEDIATE');
  try {
    const records = await storeFile(db, file, interners, options, report);
    db.exec('COMMIT');
    return records.map((record) => ({ file: record.file, status: 'imported', record }));
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    interners.users.forget();
    interners.devices.forget();
    interners.screens.forget();
    if (error instanceof Cancelled || options.signal?.aborted) return [{ file: name, status: 'cancelled' }];
    return [{ file: name, status: 'refused', reason: messageOf(error, name) }];
  }
}

/** One line, never a stack: InputRefused already names the file and the problem. */
function messageOf(error: unknown, fileName: string): string {
  // A refusal about one entry of a ZIP names the entry: "archive.zip: data.csv: truncated JSON".
  if (error instanceof InputRefused) {
    if (error.file === fileName) return error.reason;
    const entry = error.file.startsWith(`${fileName}/`) ? error.file.slice(fileName.length + 1) : error.file;
    return `${entry}: ${error.reason}`;
  }
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? 'unreadable file';
}

async function storeFile(
  db: CaseDb,
  file: InputFile,
  interners: Interners,
  options: ImportOptions,
  report: Reporter,
): Promise<ImportRecord[]> {
  const reader = options.reader ?? readInput;
  const records: ImportRecord[] = [];
  let bytesRead = 0;
  let rows = 0;
  const inputs = reader(file.path, {
    signal: options.signal,
    onBytes: (read) => {
      bytesRead = read;
      report(bytesRead, rows, 'reading');
    },
  });
  for await (const input of inputs) {
    const importId = insertPendingImport(db, input, file.path);
    const writer = new RowWriter(db, importId, interners);
    for await (const batch of input.batches) {
      if (options.signal?.aborted) throw new Cancelled();
      writer.write(batch);
      rows = writer.rows;
      report(bytesRead, rows, 'reading');
    }
    const { stored, duplicates } = writer.finish();
    const sha256 = input.sha256();
    const earlier = findImportBySha(db, sha256);
    if (earlier) throw new InputRefused(input.name, `already imported as ${describeImport(earlier)}`);
    completeImport(db, importId, input, sha256, stored, duplicates);
    report(bytesRead, rows, 'attempts');
    refreshAttempts(db, { importId, eventGroups: writer.eventGroups.values() });
    records.push(getImport(db, importId)!);
  }
  if (options.signal?.aborted) throw new Cancelled();
  if (records.length === 0) throw new InputRefused(basename(file.path), 'nothing to import');
  return records;
}

function insertPendingImport(db: CaseDb, input: StoreInput, sourcePath: string): number {
  const result = db
    .prepare(
      `INSERT INTO imports (file_name, source_path, size, sha256, kind, format, imported_at, rows, imported, duplicates, skipped_json, examples_json)
       VALUES (?, ?, ?, 'pending:' || hex(randomblob(16)), ?, ?, ?, 0, 0, 0, '{}', '[]')`,
    )
    .run(input.name, sourcePath, input.size, input.kind, input.format, new Date().toISOString());
  return Number(result.lastInsertRowid);
}

function completeImport(
  db: CaseDb,
  importId: number,
  input: StoreInput,
  sha256: string,
  stored: number,
  duplicates: number,
): void {
  db.prepare(
    `UPDATE imports SET sha256 = ?, size = ?, rows = ?, imported = ?, duplicates = ?, skipped_json = ?, examples_json = ? WHERE id = ?`,
  ).run(
    sha256,
    input.size,
    input.rowsRead(),
    stored,
    duplicates,
    JSON.stringify(input.skipped.counts),
    JSON.stringify(input.skipped.examples),
    importId,
  );
}
