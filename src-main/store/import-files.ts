/**
 * Imports files into a case. Each file (a ZIP with all its entries) is one transaction: it is
 * stored whole, with its attempts rebuilt, or not at all (refused, cancelled, or crashed).
 */
import { basename } from 'node:path';
import { SMALL_FILE_BYTES } from '../import/byte-source';
import { InputRefused, hashFile, readInput, type ParsedInput } from '../import/read-input';
import { refreshAttempts, settleStreamedAttempts } from '../attempts/refresh';
import { StreamedAttempts } from '../attempts/streamed-attempts';
import { AttemptsFromWorker } from '../attempts/attempts-from-worker';
import type { ImportOutcome, ImportProgress } from '../shared/import-types';
import type { ImportRecord } from '../shared/report-types';
import { READ_ONLY_REASON, casePathOf, isReadOnlyCase, type CaseDb } from './case-file';
import { refuseDamagedBeforeWrite } from './case-check';
import { CaseRefused, caseProblemOf, caseRefusalOf } from './case-errors';
import { ensureMaskKey } from './mask-key';
import type { StoreBatch } from './coded-batch';
import type { GroupCodes } from './group-codes';
import { expandPaths, type InputFile } from './expand-paths';
import { describeImport, findImportBySha, hasImportWithSha, importSizes, toRecord, type ImportRow } from './imports';
import { GroupSet } from '../attempts/group-set';
import { EVENTS_HELD, HeldEvents } from '../attempts/held-events';
import { RowWriter, createInterners, type Interners } from './row-writer';
import { EventWindow } from './event-window';
import { nearHeapLimit } from './heap-watch';
import { parseOutOfMemoryReason } from '../workers/memory-limit';
import { cachedStatement } from './statements';

/** One input as the store reads it: a ParsedInput whose batches may come coded (coded-batch.ts). */
export type StoreInput = Omit<ParsedInput, 'batches'> & {
  readonly batches: AsyncIterable<StoreBatch>;
  /** The codes its coded batches continue, when a group's files share them (group-codes.ts); else its own. */
  readonly codes?: GroupCodes;
};

/** Reads one file into validated batches: in this thread, or in a parse worker (same contract). */
export type InputReader = ((
  path: string,
  options: {
    signal?: AbortSignal;
    onBytes?: (bytesRead: number, totalBytes: number) => void;
    /** The file's size when the caller knows it (a reader may pick how to read by it). */
    size?: number;
    /** Walk the attempts of the file's events as it reads them (a reader that `walksAttempts` of that size). */
    walk?: boolean;
  },
) => AsyncIterable<StoreInput>) & {
  /**
   * Whether, asked to `walk`, the reader walks the attempts of a file of this size as it parses
   * it (in a parse worker: workers/walk-in-worker.ts), sending them among the batches.
   */
  readonly walksAttempts?: (size: number) => boolean;
};

/**
 * A group's files read ahead of the storing side, in order, by one parse worker: parsing the
 * next files overlaps storing this one (workers/parse-in-worker.ts readAheadInWorker).
 */
export interface ReadAhead {
  /** The inputs of file `index` of the group, as an InputReader gives them. Ask in order, each once. */
  read(index: number, options: Pick<Parameters<InputReader>[1], 'onBytes'>): AsyncIterable<StoreInput>;
  /**
   * The hash of file `index` when the reader has read it whole already, as one input of at most one
   * batch (so it cannot be refused half-way any more); else undefined. Ask before reading it.
   */
  settled(index: number): { readonly sha256: string } | undefined;
  close(): Promise<void>;
}

export type ReadAheadStarter = (paths: readonly string[], options: { signal?: AbortSignal }) => ReadAhead;

export interface ImportOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly reader?: InputReader;
  /** Reads groups of many small files ahead (see READ_AHEAD_BYTES); without it, each file with `reader`. */
  readonly readAhead?: ReadAheadStarter;
  /** Events inserted per window in key order (event-window.ts); tests reach the limit with small ones. */
  readonly eventWindowRows?: number;
  /** Groups of files larger than this hold no events for a rebuild (HOLD_BYTES; tests pass a small one). */
  readonly holdBytes?: number;
}

class Cancelled extends Error {}

/**
 * Small files are stored in groups: one transaction and one attempts refresh for small files
 * (at most SMALL_FILE_BYTES each) holding up to GROUP_BYTES together, each file that could still be
 * refused half-way in a savepoint of its own (needsSavepoint), so a refused file leaves the others
 * of its group. A transaction and a refresh per file
 * cost ~2 ms (the refresh reads the details table and the groups still in progress every time):
 * 10,000 files of 10 rows took 27 s, against 1.4 s for the same rows in one file. A group is
 * bounded by its bytes, as a large file is by its own: a refresh per 1,000 files cost 10,000 files
 * of 10 rows ten refreshes (~0.4 s of CPU) where one, walking the events held in memory, took
 * 0.09 s. A crash or a cancel loses the group in flight, never a part of a file. A larger file is
 * a group of its own.
 */
const GROUP_BYTES = 64 * 1024 * 1024;

function groupFiles(files: readonly InputFile[]): InputFile[][] {
  const groups: InputFile[][] = [];
  let current: InputFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const small = file.size <= SMALL_FILE_BYTES;
    if (current.length > 0 && (!small || bytes + file.size > GROUP_BYTES)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
    if (!small) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

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
  // One window for every input: a folder of thousands of small files allocates its columns once.
  const window = new EventWindow(options.eventWindowRows);
  const sizes = importSizes(db);
  const reporterFor =
    (file: InputFile, fileIndex: number): Reporter =>
    (bytesRead, rows, phase) =>
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

  let fileIndex = 0;
  for (const group of groupFiles(files)) {
    if (options.signal?.aborted) {
      outcomes.push(...group.map((file): ImportOutcome => ({ file: basename(file.path), status: 'cancelled' })));
    } else {
      const reporters = group.map((file, i) => reporterFor(file, fileIndex + i));
      const onFileDone = (i: number): void => {
        overallDone += group[i]!.size;
        reporters[i]!(group[i]!.size, 0, 'done');
      };
      const done = await importGroup(db, group, { interners, window }, sizes, options, reporters, onFileDone);
      for (const outcome of done) if (outcome.status === 'imported') sizes.add(outcome.record.size);
      outcomes.push(...done);
    }
    fileIndex += group.length;
  }
  return outcomes;
}

type Reporter = (bytesRead: number, rows: number, phase: ImportProgress['phase']) => void;

/** A refusal known before any parsing: the same bytes were imported before. */
async function refusedUpFront(
  db: CaseDb,
  file: InputFile,
  sizes: ReadonlySet<number>,
): Promise<ImportOutcome | undefined> {
  const name = basename(file.path);
  try {
    // Equal bytes have equal sizes: only a size seen before is worth hashing the file for up front
    // (a refusal before any parsing). The reader hashes what it reads anyway, and storeFile checks
    // that hash too, so a new file is read once, not twice. A small file is not worth it: parsing it
    // costs less than the extra read (a folder of thousands of exports shares a few sizes), and
    // storeFile refuses it all the same, rolling back its savepoint.
    if (file.size > SMALL_FILE_BYTES && sizes.has(file.size)) {
      const earlier = findImportBySha(db, await hashFile(file.path, {}, file.size));
      if (earlier) return { file: name, status: 'refused', reason: `already imported as ${describeImport(earlier)}` };
    }
  } catch (error) {
    return { file: name, status: 'refused', reason: messageOf(error, name) };
  }
  return undefined;
}

function forgetIds(interners: Interners): void {
  // Ids handed out inside a rolled-back transaction or savepoint no longer exist.
  interners.users.forget();
  interners.devices.forget();
  interners.screens.forget();
}

/** Stores a group of files in one transaction (see GROUP_FILES); outcomes in the files' order. */
async function importGroup(
  db: CaseDb,
  group: readonly InputFile[],
  { interners, window }: { interners: Interners; window: EventWindow },
  sizes: ReadonlySet<number>,
  options: ImportOptions,
  reporters: readonly Reporter[],
  onFileDone: (index: number) => void,
): Promise<ImportOutcome[]> {
  const results: ImportOutcome[][] = [];
  for (const [i, file] of group.entries()) {
    const refused = await refusedUpFront(db, file, sizes);
    if (refused) results[i] = [refused];
  }
  const pending = group.map((_, i) => i).filter((i) => results[i] === undefined);
  const pendingFiles = pending.map((i) => group[i]!);
  const ahead = readsAhead(pendingFiles, options)
    ? options.readAhead!(
        pendingFiles.map((file) => file.path),
        { signal: options.signal },
      )
    : undefined;
  if (pending.length > 0) {
    const eventGroups = new GroupSet();
    let firstImportId = Infinity;
    let lastImportId = -Infinity;
    beginWrite(db);
    // Into a case without events, attempts are built as the events are stored. Up to HOLD_BYTES
    // this thread walks them (streamed-attempts.ts) and keeps the events for the rebuild that
    // replaces a walk given up (held-events.ts). Past it, this thread's walk took the 5M-event peak
    // past 250 MB for no CPU time saved (its state per group no longer fits the processor's
    // caches), and the events are not held: a file read alone by a parse worker is walked there
    // (attempts-from-worker.ts), else the attempts are rebuilt after the store. The worker's walk
    // below HOLD_BYTES was measured and left (docs/decisions.md, session 5).
    const groupBytes = group.reduce((sum, file) => sum + file.size, 0);
    const firstImport = !hasEvents(db);
    const reader: InputReader = options.reader ?? readInput;
    const held = groupBytes > (options.holdBytes ?? HOLD_BYTES) || !firstImport ? undefined : new HeldEvents();
    const streamed = held ? new StreamedAttempts(db) : undefined;
    const inWorker =
      firstImport &&
      !held &&
      !ahead &&
      pendingFiles.length === 1 &&
      reader.walksAttempts?.(pendingFiles[0]!.size) === true;
    const fromWorker = inWorker ? new AttemptsFromWorker(db) : undefined;
    try {
      // The masking key is made by the first write, inside it: opening a case never writes.
      ensureMaskKey(db);
      for (const [k, i] of pending.entries()) {
        if (options.signal?.aborted) throw new Cancelled();
        const file = group[i]!;
        const inputs: Inputs = ahead
          ? (onBytes) => ahead.read(k, { onBytes })
          : (onBytes) => reader(file.path, { size: file.size, signal: options.signal, onBytes, walk: inWorker });
        const guarded = needsSavepoint(db, ahead?.settled(k));
        if (guarded) savepoint(db, 'SAVEPOINT import_file');
        const heldBefore = held?.length ?? 0;
        const walkedBefore = streamed?.walked ?? 0;
        try {
          const records = await storeFile(db, file, inputs, interners, options, reporters[i]!, {
            eventGroups,
            held,
            streamed,
            window,
            guarded,
            fromWorker,
          });
          if (guarded) savepoint(db, 'RELEASE import_file');
          for (const record of records) {
            firstImportId = Math.min(firstImportId, record.id);
            lastImportId = Math.max(lastImportId, record.id);
          }
          results[i] = records.map((record) => ({ file: record.file, status: 'imported', record }));
        } catch (error) {
          // A file stored without a savepoint fails only with its case (a full disk, damage) or a
          // cancel: nothing to roll back to but the group's transaction, which the group then loses
          // (a damaged case, which a file in a savepoint would have been refused for alone, included).
          if (!guarded) throw error;
          savepoint(db, 'ROLLBACK TO import_file');
          savepoint(db, 'RELEASE import_file');
          held?.truncate(heldBefore);
          streamed?.rolledBack(walkedBefore);
          fromWorker?.rolledBack();
          forgetIds(interners);
          if (error instanceof Cancelled || options.signal?.aborted) throw new Cancelled();
          // A full disk, a lost permission or a lock is the case's problem, not this file's: stop there.
          if (isCaseProblem(error)) throw error;
          results[i] = [
            { file: basename(file.path), status: 'refused', reason: messageOf(error, basename(file.path)) },
          ];
        }
      }
      if (lastImportId >= firstImportId) {
        reporters[pending[pending.length - 1]!]!(group[pending[pending.length - 1]!]!.size, 0, 'attempts');
        const walked = fromWorker?.usable ? fromWorker : streamed?.usable ? streamed : undefined;
        if (walked && walked.groupCount > 0) {
          settleStreamedAttempts(db, [firstImportId, lastImportId], walked);
        } else {
          refreshAttempts(db, {
            importId: firstImportId,
            lastImportId,
            eventGroups: eventGroups.values(),
            storedEvents: held?.usable ? held : undefined,
          });
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      forgetIds(interners);
      const cancelled = error instanceof Cancelled || options.signal?.aborted;
      if (!cancelled && isCaseProblem(error)) throw caseRefusalOf(casePathOf(db), error) ?? error;
      for (const i of pending) {
        if (results[i]?.[0]?.status === 'refused') continue; // refused on its own: still so
        const name = basename(group[i]!.path);
        results[i] = [
          cancelled
            ? { file: name, status: 'cancelled' }
            : { file: name, status: 'refused', reason: messageOf(error, name) },
        ];
      }
    } finally {
      await ahead?.close();
    }
  }
  group.forEach((_, i) => onFileDone(i));
  return results.flat();
}

/**
 * Files larger than this hold more events than HeldEvents keeps (EVENTS_HELD, at ~170 bytes a row):
 * their events are not held at all rather than dropped part-way (a 5M-event log held 1.5M events,
 * then dropped them, and the attempts step ran with ~40 MB more resident memory).
 */
const HOLD_BYTES = EVENTS_HELD * 170;

function hasEvents(db: CaseDb): boolean {
  return cachedStatement(db, 'SELECT EXISTS (SELECT 1 FROM events)').pluck().get() === 1;
}

/**
 * Whether a file is stored in a savepoint of its own, to be rolled back alone if refused half-way.
 * One the reader has read whole already (settled: one input of at most one batch, its hash known)
 * and that is no duplicate of an earlier import can no longer be refused: it is stored without one.
 * A savepoint cost a folder's small file ~8-10 us of the storing thread: the statements and, on
 * the first write to each page the group had written before, a copy of that page for the rollback.
 * Near the heap limit (heap-watch.ts) a file keeps its savepoint, so that the guard can refuse it.
 */
function needsSavepoint(db: CaseDb, settled: { readonly sha256: string } | undefined): boolean {
  return settled === undefined || hasImportWithSha(db, settled.sha256) || nearHeapLimit();
}

/** A savepoint statement, prepared once per connection: exec() parses it anew, twice per file of a folder. */
function savepoint(db: CaseDb, sql: 'SAVEPOINT import_file' | 'RELEASE import_file' | 'ROLLBACK TO import_file'): void {
  cachedStatement(db, sql).run();
}

/** A problem of the case (full disk, permission, lock), not of the file being read; damage excepted. */
function isCaseProblem(error: unknown): boolean {
  const problem = caseProblemOf(error);
  return problem !== undefined && problem !== 'damaged';
}

/**
 * Takes the case's write lock. Another import holding it is waited for (busy_timeout), then named:
 * "another import into this case is running", never "damaged".
 */
function beginWrite(db: CaseDb): void {
  if (isReadOnlyCase(db)) throw new CaseRefused(casePathOf(db), READ_ONLY_REASON, 'read-only');
  refuseDamagedBeforeWrite(db);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    throw caseRefusalOf(casePathOf(db), error) ?? error;
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

/** A file's inputs, read in this thread, in a worker of their own, or ahead (ReadAhead). */
type Inputs = (onBytes: (bytesRead: number) => void) => AsyncIterable<StoreInput>;

/**
 * A group is read ahead (ReadAhead) when its parsing is worth a worker's start (~60-100 ms of CPU
 * for a fresh V8 isolate loading the parser) and the ~0.05 ms a file that messages between the
 * threads add: when its files' bytes, each counted FILE_PARSE_BYTES larger (the fixed cost of
 * opening, sniffing and a header, ~0.08 ms, is that of parsing ~2 KiB of rows), reach
 * READ_AHEAD_BYTES. Measured on 2 cores under load: 100 and 500 files of 10 rows cost 15-20% more
 * CPU read ahead and finished later; from ~2,000 such files, or a few files near 1 MiB, parsing
 * on the second core pays.
 */
export const READ_AHEAD_BYTES = 4 * 1024 * 1024;
export const FILE_PARSE_BYTES = 2048;

/** The parsing work of some files, in READ_AHEAD_BYTES' unit. */
export const parseWorkOf = (files: readonly InputFile[]): number =>
  files.reduce((sum, file) => sum + file.size + FILE_PARSE_BYTES, 0);

function readsAhead(files: readonly InputFile[], options: ImportOptions): boolean {
  return options.readAhead !== undefined && files.length > 1 && parseWorkOf(files) >= READ_AHEAD_BYTES;
}

async function storeFile(
  db: CaseDb,
  file: InputFile,
  inputsOf: Inputs,
  interners: Interners,
  options: ImportOptions,
  report: Reporter,
  taps: {
    eventGroups: GroupSet;
    held: HeldEvents | undefined;
    streamed: StreamedAttempts | undefined;
    window: EventWindow;
    /**
     * Stored in a savepoint of its own (needsSavepoint): only such a file can be refused for the
     * heap or as a duplicate (one without was checked before its rows).
     */
    guarded: boolean;
    fromWorker: AttemptsFromWorker | undefined;
  },
): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  let bytesRead = 0;
  let rows = 0;
  const inputs = inputsOf((read) => {
    bytesRead = read;
    report(bytesRead, rows, 'reading');
  });
  for await (const input of inputs) {
    const importId = nextImportId(db);
    const importedAt = new Date().toISOString();
    const writer = new RowWriter(db, importId, interners, {
      eventGroups: taps.eventGroups,
      held: taps.held,
      streamed: taps.streamed,
      fromWorker: taps.fromWorker,
      codes: input.codes,
      window: taps.window,
    });
    for await (const batch of input.batches) {
      if (options.signal?.aborted) throw new Cancelled();
      writer.write(batch);
      rows = writer.rows;
      if (taps.guarded && nearHeapLimit()) throw new InputRefused(input.name, parseOutOfMemoryReason(rows));
      report(bytesRead, rows, 'reading');
    }
    const { stored, duplicates } = writer.finish();
    const sha256 = input.sha256();
    // A file stored without a savepoint was checked before its rows (needsSavepoint).
    const earlier = taps.guarded ? findImportBySha(db, sha256) : undefined;
    if (earlier) throw new InputRefused(input.name, `already imported as ${describeImport(earlier)}`);
    records.push(insertImport(db, { id: importId, input, importedAt, sha256, stored, duplicates }));
  }
  if (options.signal?.aborted) throw new Cancelled();
  if (records.length === 0) throw new InputRefused(basename(file.path), 'nothing to import');
  return records;
}

/**
 * The id the next imports row gets: SQLite gives a new row the largest id plus one, and nothing
 * else writes to the case inside this transaction. The rows of an input carry it (seq) before its
 * imports row is written, once, complete, when the input has been read: a row written up front and
 * updated at the end cost a folder of small files two more statements a file.
 */
function nextImportId(db: CaseDb): number {
  return cachedStatement(db, 'SELECT coalesce(max(id), 0) + 1 FROM imports').pluck().get() as number;
}

/** Writes an input's imports row; returns its record (as getImport would read it). */
function insertImport(
  db: CaseDb,
  done: {
    id: number;
    input: StoreInput;
    importedAt: string;
    sha256: string;
    stored: number;
    duplicates: number;
  },
): ImportRecord {
  const { input } = done;
  const row: ImportRow = {
    id: done.id,
    file_name: input.name,
    size: input.size,
    sha256: done.sha256,
    format: input.format,
    imported_at: done.importedAt,
    rows: input.rowsRead(),
    imported: done.stored,
    duplicates: done.duplicates,
    skipped_json: JSON.stringify(input.skipped.counts),
    examples_json: JSON.stringify(input.skipped.examples),
  };
  // Bound by position: binding by name looked each of the twelve names up in an object, a file of a folder at a time.
  cachedStatement(
    db,
    `INSERT INTO imports (id, file_name, size, sha256, kind, format, imported_at, rows, imported, duplicates, skipped_json, examples_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    row.file_name,
    row.size,
    row.sha256,
    input.kind,
    row.format,
    row.imported_at,
    row.rows,
    row.imported,
    row.duplicates,
    row.skipped_json,
    row.examples_json,
  );
  return toRecord(row);
}
