/**
 * A folder of many small files, read ahead by one parse worker (readAheadInWorker), makes the same
 * case as importing its files one at a time in this thread: the same stored rows, the same imports
 * rows in the same order, the same refusals (a file that is no enrollment file, a ZIP refused
 * half-way and rolled back to its savepoint, a duplicate of an earlier file) and skip counts, in
 * mixed formats. Real files on disk, real workers, real case files.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Statement } from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { InputRefused, readInput } from '../../../src-main/import/read-input';
import type { ImportOutcome, ImportProgress } from '../../../src-main/shared/import-types';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { isCoded } from '../../../src-main/store/coded-batch';
import { GroupCodes } from '../../../src-main/store/group-codes';
import {
  READ_AHEAD_BYTES,
  importFiles,
  parseWorkOf,
  type ReadAheadStarter,
} from '../../../src-main/store/import-files';
import { computeReport } from '../../../src-main/report/compute-report';
import { runImportInWorker } from '../../../src-main/workers/import-in-worker';
import { readAheadInWorker, readAheadInWorkerWith, readInputBySize } from '../../../src-main/workers/parse-in-worker';
import { writeDetailsOnly, writeSummaryOnly } from '../../helpers/coverage-inputs';
import { eventLogCsv, eventLogNdjson, type TestEvent } from '../../helpers/event-log';
import { deviceEnrollmentFailuresZip } from '../../helpers/failure-files';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-read-ahead-');
const LOGS = 80;

/** Five events of user `u`, across two files when `u` is odd (an attempt spans files). */
function eventsOf(file: number): TestEvent[] {
  const out: TestEvent[] = [];
  for (let k = 0; k < 6; k++) {
    const i = file * 6 + k;
    const user = Math.floor(i / 5);
    const step = i % 5;
    out.push({
      time: new Date(Date.UTC(2025, 5, 2, 8) + i * 60_000).toISOString(),
      user: `user${user}@contoso.example`,
      platform: user % 3 === 0 ? 'Android' : 'iOS',
      event: step === 0 ? 'start' : step === 4 ? (user % 2 ? 'complete' : 'declineAll') : 'step',
      action: step === 4 ? (user % 2 ? '' : 'TermsofUse') : step === 0 ? '' : 'EnrollmentWrapUp',
      device: `dev${user}`,
      screen: step === 2 ? 'Screen, "quoted"' : '',
    });
  }
  return out;
}

/** 1,600 events of 400 users of their own, on a day of their own, with long screen texts: ~0.6 MiB. */
function bulkEvents(b: number): TestEvent[] {
  return Array.from({ length: 1600 }, (_, i) => ({
    time: new Date(Date.UTC(2025, 5, 10 + b) + i * 1000).toISOString(),
    user: `bulk${b}-${i % 400}@contoso.example`,
    platform: i % 2 ? 'iOS' : 'Android',
    event: i % 400 === i % 800 ? 'start' : 'step',
    action: i % 400 === i % 800 ? '' : 'EnrollmentWrapUp',
    device: `bulk-dev-${b}-${i % 400}`,
    screen: `Screen ${i % 7}, ${'until clicking Next on the screen that follows it '.repeat(5)}`,
  }));
}

/** A ZIP whose first entry is fine and whose second is damaged: refused after the first was stored. */
function halfRefusedZip(path: string): void {
  const good = eventLogCsv(eventsOf(900));
  const damaged = eventLogCsv(eventsOf(901));
  const bytes = zipSync({ 'a.csv': strToU8(good), 'b.csv': [strToU8(damaged), { level: 0 }] });
  const at = Buffer.from(bytes).indexOf(Buffer.from(damaged.slice(0, 40)));
  bytes[at + 2] = bytes[at + 2]! ^ 1; // one bit of the stored entry's data: its checksum no longer matches
  writeFileSync(path, bytes);
}

/** The folder: event logs in CSV and NDJSON, other kinds of input, and files to refuse. */
function writeFolder(): string {
  const folder = join(temp(), 'exports');
  mkdirSync(folder);
  const name = (i: number, rest: string): string => join(folder, `${String(i).padStart(3, '0')}-${rest}`);
  for (let f = 0; f < LOGS; f++) {
    const events = eventsOf(f);
    if (f % 7 === 3) writeFileSync(name(f, 'log.ndjson'), eventLogNdjson(events));
    else writeFileSync(name(f, 'log.csv'), eventLogCsv(events));
  }
  // Rows skipped for a bad time and an unknown platform, counted with examples.
  writeFileSync(
    name(20, 'skips.csv'),
    eventLogCsv([
      ...eventsOf(950),
      { time: 'yesterday', user: 'x@contoso.example', platform: 'iOS', event: 'start' },
      { time: '2025-06-03T08:00:00Z', user: 'y@contoso.example', platform: 'Symbian', event: 'start' },
    ]),
  );
  writeFileSync(name(30, 'not-enrollment.csv'), 'not,an,enrollment,file\n1,2,3,4\n');
  writeFileSync(name(31, 'empty.csv'), '');
  halfRefusedZip(name(40, 'half.zip'));
  // The same bytes as 012-log.csv, later in the folder: refused as already imported.
  writeFileSync(name(50, 'again.csv'), eventLogCsv(eventsOf(12)));
  writeDetailsOnly(name(60, 'details.csv'), '2025-06-03', 3);
  writeSummaryOnly(name(61, 'summary.csv'), '2025-06-01', 4);
  deviceEnrollmentFailuresZip(folder, '062-failures.zip');
  // Larger files until the folder is worth reading ahead (import-files.ts READ_AHEAD_BYTES).
  const work = (): number =>
    parseWorkOf(readdirSync(folder).map((file) => ({ path: file, size: statSync(join(folder, file)).size })));
  for (let b = 0; work() < READ_AHEAD_BYTES; b++) writeFileSync(name(70 + b, 'bulk.csv'), eventLogCsv(bulkEvents(b)));
  return folder;
}

/** What the files themselves put in a case: rows, strings and imports. */
const SOURCE_TABLES = ['events', 'details', 'summaries', 'failures', 'users', 'devices', 'screens', 'imports'];

/**
 * The tables' rows in a fixed order (every table by default); imports without their time,
 * settings without the random mask key.
 */
function contentsOf(db: CaseDb, only?: readonly string[]): Record<string, unknown[]> {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((table) => !only || only.includes(table));
  expect(tables.length).toBeGreaterThanOrEqual(only?.length ?? 10);
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    out[table] = rows
      .filter((row) => table !== 'settings' || !String(row.key).includes('mask'))
      .map((row) => JSON.stringify({ ...row, imported_at: undefined }))
      .sort();
  }
  out.importOrder = db.prepare('SELECT id, file_name, sha256 FROM imports ORDER BY id').all();
  return out;
}

/** Attempts by what they are, not by their ids (a refresh per file numbers them otherwise than one per group). */
const attemptsOf = (db: CaseDb): unknown[] =>
  db
    .prepare(
      `SELECT a.user_id, a.platform, a.device_id, a.start_ms, a.end_ms, a.outcome, a.reached, a.source,
              c.action, c.screen, c.user_action
         FROM attempts a LEFT JOIN combos c ON c.id = a.combo_id ORDER BY 1, 2, 4, 5`,
    )
    .raw()
    .all();

/** Outcomes with the import times in "already imported as import #N (file, time UTC)" left out. */
const comparable = (outcomes: readonly ImportOutcome[]): unknown[] =>
  outcomes.map((outcome) =>
    outcome.status === 'imported'
      ? { ...outcome, record: { ...outcome.record, importedAt: undefined } }
      : outcome.status === 'refused'
        ? { ...outcome, reason: outcome.reason.replace(/, \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/, ')') }
        : outcome,
  );

/** readAheadInWorker, recording which files it gave and whether their batches came coded (from the worker). */
function recordingReadAhead(): {
  start: ReadAheadStarter;
  files: number[];
  codedBatches: number;
  groups: number;
  codes: Set<GroupCodes | undefined>;
} {
  const seen = { files: [] as number[], codedBatches: 0, groups: 0, codes: new Set<GroupCodes | undefined>() };
  const start: ReadAheadStarter = (paths, options) => {
    seen.groups++;
    const inner = readAheadInWorker(paths, options);
    return {
      async *read(index, readOptions) {
        seen.files.push(index);
        for await (const input of inner.read(index, readOptions)) {
          seen.codes.add(input.codes);
          const batches = input.batches;
          yield {
            ...input,
            get size() {
              return input.size;
            },
            batches: (async function* () {
              for await (const batch of batches) {
                if (isCoded(batch)) seen.codedBatches++;
                yield batch;
              }
            })(),
          };
        }
      },
      settled: (index) => inner.settled(index),
      close: () => inner.close(),
    };
  };
  return Object.assign(seen, { start });
}

describe('a folder of small files read ahead by one parse worker', () => {
  it('makes the same case as importing its files one at a time, refusals and skips included', async () => {
    const folder = writeFolder();
    const ahead = openCase(join(temp(), 'ahead.enrollscope'));
    const inThread = openCase(join(temp(), 'in-thread.enrollscope'));
    const oneByOne = openCase(join(temp(), 'one-by-one.enrollscope'));
    try {
      const recording = recordingReadAhead();
      const progress: ImportProgress[] = [];
      // Which files were stored in a savepoint of their own (import-files.ts needsSavepoint).
      const run = vi.spyOn(Object.getPrototypeOf(ahead.prepare('SELECT 1')) as Statement, 'run');
      const outcomes = await importFiles(ahead, [folder], {
        reader: readInputBySize,
        readAhead: recording.start,
        onProgress: (p) => progress.push(p),
      });
      const savepoints = run.mock.contexts.filter((s) => (s as Statement).source === 'SAVEPOINT import_file').length;
      run.mockRestore();

      const files = outcomes.length;
      const grouped = await importFiles(inThread, [folder], { reader: readInputBySize });
      const separately: ImportOutcome[] = [];
      for (const file of readdirSync(folder).sort()) {
        separately.push(...(await importFiles(oneByOne, [join(folder, file)], { reader: readInput })));
      }

      // The read-ahead path ran: one group, every file given by the worker, batches coded there.
      expect(recording.groups).toBe(1);
      expect(recording.files).toEqual([...Array(files).keys()]);
      expect(recording.codedBatches).toBeGreaterThanOrEqual(LOGS);
      // One set of string codes for the whole group (group-codes.ts), resolved code by code after
      // the files rolled back (the half-refused ZIP, the duplicate).
      expect(recording.codes.size).toBe(1);
      const [codes] = recording.codes;
      expect(codes).toBeInstanceOf(GroupCodes);
      expect(codes!.users.scans).toBeGreaterThan(0);
      // Files the worker had read whole, no duplicates, were stored without a savepoint; the
      // refused ones (the worker's, the duplicate) and the ZIPs were stored in one, as before.
      expect(savepoints).toBeGreaterThanOrEqual(6);
      expect(savepoints).toBeLessThan(files / 2);

      expect(comparable(outcomes)).toEqual(comparable(grouped));
      expect(comparable(outcomes)).toEqual(comparable(separately));
      const refused = outcomes.filter((o) => o.status === 'refused').map((o) => [o.file, o.reason]);
      expect(refused).toEqual([
        ['030-not-enrollment.csv', expect.any(String)],
        ['031-empty.csv', 'empty file'],
        ['040-half.zip', 'b.csv: a damaged ZIP entry (checksum mismatch)'],
        ['050-again.csv', expect.stringMatching(/^already imported as import #\d+ \(012-log\.csv, /)],
      ]);
      const skips = outcomes.find((o) => o.file === '020-skips.csv');
      expect(skips?.status === 'imported' && skips.record.skipped).toEqual(expect.objectContaining({ 'bad time': 1 }));
      expect(
        new Set(outcomes.filter((o) => o.status === 'imported').map((o) => o.status === 'imported' && o.record.format)),
      ).toEqual(new Set(['event-log/csv', 'event-log/ndjson', 'details/csv', 'summary/csv', 'failures/zip+csv']));

      // Every table as the same folder read in this thread (the same groups); what the files hold
      // and the attempts as each file imported on its own.
      expect(contentsOf(ahead)).toEqual(contentsOf(inThread));
      expect(contentsOf(ahead, SOURCE_TABLES)).toEqual(contentsOf(oneByOne, SOURCE_TABLES));
      expect(attemptsOf(ahead).length).toBeGreaterThan(LOGS / 2);
      expect(attemptsOf(ahead)).toEqual(attemptsOf(oneByOne));
      // The half-refused ZIP's first entry was rolled back with it.
      const rolledBack = ahead.prepare("SELECT count(*) FROM users WHERE name = 'user900@contoso.example'");
      expect(rolledBack.pluck().get()).toBe(0);
      const filter = { from: '2025-06-01', to: '2025-06-30', tz: 'UTC' };
      const { imports: _a, ...reportAhead } = computeReport(ahead, filter);
      const { imports: _b, ...reportOneByOne } = computeReport(oneByOne, filter);
      expect(reportAhead).toEqual(reportOneByOne);

      // Progress: every file read (bytes and rows as they come) and done, one attempts refresh.
      expect(progress.filter((p) => p.phase === 'done')).toHaveLength(files);
      const read = new Set(progress.filter((p) => p.phase === 'reading' && p.rows > 0).map((p) => p.fileIndex));
      expect(read.size).toBeGreaterThanOrEqual(LOGS);
      expect(progress.filter((p) => p.phase === 'attempts')).toHaveLength(1);
    } finally {
      ahead.close();
      inThread.close();
      oneByOne.close();
    }
  }, 60_000);

  it('a cancel in the middle of the group stops the worker and rolls the whole group back', async () => {
    const folder = writeFolder();
    const db = openCase(join(temp(), 'cancel.enrollscope'));
    try {
      const controller = new AbortController();
      const recording = recordingReadAhead();
      let stored = 0;
      const outcomes = await importFiles(db, [folder], {
        reader: readInputBySize,
        readAhead: recording.start,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'reading' && p.rows > 0 && ++stored === 30) controller.abort();
        },
      });
      expect(recording.files.length).toBeGreaterThanOrEqual(30);
      expect(recording.files.length).toBeLessThan(outcomes.length);
      expect(outcomes.every((o) => o.status === 'cancelled')).toBe(true);
      expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  }, 60_000);

  it("the app's import worker: a cancel mid-group stops the import and the case keeps nothing of it", async () => {
    const folder = writeFolder();
    // Files after the cancel's point, so many that the storing side cannot reach the end before the
    // cancel crosses from this thread to the import worker, however busy the machine.
    for (let f = 0; f < 1_500; f++)
      writeFileSync(join(folder, `late-${String(f).padStart(4, '0')}.csv`), eventLogCsv(eventsOf(LOGS + f)));
    const casePath = join(temp(), 'app.enrollscope');
    openCase(casePath).close();
    const controller = new AbortController();
    let reading = 0;
    const outcomes = await runImportInWorker(casePath, [folder], {
      signal: controller.signal,
      onProgress: (p) => {
        // The import worker passes the first update of each file (and phase): one per file read.
        if (p.phase === 'reading' && ++reading === 10) controller.abort();
      },
    });
    expect(reading).toBeGreaterThanOrEqual(10);
    expect(outcomes.length).toBeGreaterThan(LOGS);
    // Nothing imported; a file refused on its own before the cancel stays refused, as in the thread.
    expect(outcomes.filter((o) => o.status !== 'cancelled').map((o) => o.status === 'refused' && o.file)).toEqual(
      ['030-not-enrollment.csv', '031-empty.csv', '040-half.zip', '050-again.csv'].slice(
        0,
        outcomes.filter((o) => o.status === 'refused').length,
      ),
    );
    expect(outcomes.filter((o) => o.status === 'cancelled').length).toBeGreaterThan(LOGS / 2);
    const db = openCase(casePath);
    try {
      expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  }, 60_000);

  it('a file stored without a savepoint that fails all the same takes its group with it; in one it is refused alone', async () => {
    // A trigger that refuses one user's events stands for damage found mid-insert (SQLITE_CORRUPT):
    // neither is the file's fault nor a problem of the case that stops the import outright.
    const folder = join(temp(), 'poisoned');
    mkdirSync(folder);
    for (let b = 0; b < 8; b++) writeFileSync(join(folder, `a${b}-bulk.csv`), eventLogCsv(bulkEvents(b)));
    for (let f = 0; f < 12; f++)
      writeFileSync(join(folder, `b${String(f).padStart(2, '0')}-log.csv`), eventLogCsv(eventsOf(f)));
    const poison = { time: '2025-06-20T08:00:00Z', user: 'poison@contoso.example', platform: 'iOS', event: 'start' };
    writeFileSync(join(folder, 'b05-poisoned.csv'), eventLogCsv([...eventsOf(40), poison]));
    const files = readdirSync(folder).map((file) => ({ path: file, size: statSync(join(folder, file)).size }));
    expect(parseWorkOf(files)).toBeGreaterThanOrEqual(READ_AHEAD_BYTES);
    const poisoned = (name: string): CaseDb => {
      const db = openCase(join(temp(), name));
      db.exec(`CREATE TRIGGER poison BEFORE INSERT ON events
                 WHEN NEW.user_id = (SELECT id FROM users WHERE name = 'poison@contoso.example')
                 BEGIN SELECT RAISE(ABORT, 'poisoned row'); END`);
      return db;
    };
    const ahead = poisoned('ahead.enrollscope');
    const inThread = poisoned('in-thread.enrollscope');
    try {
      const recording = recordingReadAhead();
      const run = vi.spyOn(Object.getPrototypeOf(ahead.prepare('SELECT 1')) as Statement, 'run');
      const outcomes = await importFiles(ahead, [folder], { reader: readInputBySize, readAhead: recording.start });
      const savepoints = run.mock.contexts.filter((s) => (s as Statement).source === 'SAVEPOINT import_file').length;
      run.mockRestore();
      expect(recording.groups).toBe(1);
      // The poisoned file came settled (no savepoint): the group's transaction went with it.
      expect(savepoints).toBeLessThan(files.length / 2);
      expect(outcomes).toHaveLength(files.length);
      expect(outcomes.every((o) => o.status === 'refused' && o.reason === 'poisoned row')).toBe(true);
      expect(ahead.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
      expect(ahead.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);

      // Read in this thread every file has its savepoint: the poisoned one is refused alone.
      const alone = await importFiles(inThread, [folder], { reader: readInputBySize });
      const refused = alone.filter((o) => o.status === 'refused');
      expect(refused).toEqual([{ file: 'b05-poisoned.csv', status: 'refused', reason: 'poisoned row' }]);
      expect(inThread.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(files.length - 1);
    } finally {
      ahead.close();
      inThread.close();
    }
  }, 60_000);

  it('a few small files are read in this thread: not worth starting a worker', async () => {
    const folder = join(temp(), 'few');
    mkdirSync(folder);
    for (let f = 0; f < 3; f++) writeFileSync(join(folder, `part-${f}.csv`), eventLogCsv(eventsOf(f)));
    const db = openCase(join(temp(), 'few.enrollscope'));
    try {
      const recording = recordingReadAhead();
      const outcomes = await importFiles(db, [folder], { reader: readInputBySize, readAhead: recording.start });
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
      expect(recording.groups).toBe(0);
    } finally {
      db.close();
    }
  });

  it('a worker that runs out of memory refuses the file it was reading; the next file gets a new worker', async () => {
    const dir = temp();
    const paths = [0, 1].map((f) => {
      const path = join(dir, `part-${f}.csv`);
      writeFileSync(path, eventLogCsv(eventsOf(f)));
      return path;
    });
    // Too small a heap for the worker to even load its code: it stops at once, every time.
    const ahead = readAheadInWorkerWith({ maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 }, paths, {});
    try {
      for (const [index, path] of paths.entries()) {
        const reading = (async () => {
          for await (const _ of ahead.read(index, {})) void _;
        })();
        await expect(reading).rejects.toThrow(InputRefused);
        await expect(reading).rejects.toMatchObject({
          file: path.split('/').pop(),
          reason: expect.stringMatching(/^the import ran out of memory after 0 rows of this file/),
        });
      }
      expect(ahead.workers).toBe(2);
    } finally {
      await ahead.close();
    }
  }, 60_000);
});
