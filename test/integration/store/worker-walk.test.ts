/**
 * A file imported alone into a case without events, read by a parse worker, past the size up to
 * which the storing thread walks the events and holds them (a small bound here, `holdBytes`), has
 * its attempts walked by that worker (workers/walk-in-worker.ts) and written by the storing
 * thread (attempts/attempts-from-worker.ts). Whatever path ran, the attempts, their buckets and the
 * stored times must be exactly what a full rebuild reading the case makes. Each test asserts which
 * path ran: the worker's walk settled, or given up (by the worker, or by the storing thread) for
 * the rebuild, or never asked for.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttemptsFromWorker } from '../../../src-main/attempts/attempts-from-worker';
import { HeldEvents } from '../../../src-main/attempts/held-events';
import { StreamedAttempts } from '../../../src-main/attempts/streamed-attempts';
import type { WalkedAttemptsBatch } from '../../../src-main/store/coded-batch';
import { importFiles, type InputReader } from '../../../src-main/store/import-files';
import { RowWriter } from '../../../src-main/store/row-writer';
import {
  IN_THREAD_BYTES,
  readInputBySize,
  readInputInWorker,
  readInputInWorkerWalking,
} from '../../../src-main/workers/parse-in-worker';
import { WALK_BYTES, type WalkLimits } from '../../../src-main/workers/walk-in-worker';
import { writeDetailsOnly } from '../../helpers/coverage-inputs';
import { eventLogCsv, type TestEvent } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';
import { attemptCount, expectSameAsRebuild, orderedEvents, withCase } from '../../helpers/walked-attempts';

const temp = useTempDir('enrollscope-worker-walk-');
afterEach(() => vi.restoreAllMocks());

function spies() {
  return {
    took: vi.spyOn(AttemptsFromWorker.prototype, 'take'),
    stored: vi.spyOn(AttemptsFromWorker.prototype, 'inputStored'),
    settled: vi.spyOn(AttemptsFromWorker.prototype, 'settle'),
    abandoned: vi.spyOn(AttemptsFromWorker.prototype, 'abandon'),
    rolledBack: vi.spyOn(AttemptsFromWorker.prototype, 'rolledBack'),
    threadWalked: vi.spyOn(StreamedAttempts.prototype, 'add'),
    held: vi.spyOn(HeldEvents.prototype, 'add'),
    heldRebuilt: vi.spyOn(HeldEvents.prototype, 'forEachGroup'),
  };
}
type Spies = ReturnType<typeof spies>;

/** The walked-attempts batches the storing thread received. */
const batchesTaken = (spy: Spies): WalkedAttemptsBatch[] => spy.took.mock.calls.map((call) => call[0]);
const runsTaken = (spy: Spies): number => batchesTaken(spy).filter((b) => b.run !== undefined).length;
const givenUpByWorker = (spy: Spies): boolean => batchesTaken(spy).some((b) => b.givenUp === true);

/** Some rows without a device: the walk's id 0 is "none", as the case's id of the empty string. */
const someWithoutDevice = (events: TestEvent[]): TestEvent[] =>
  events.map((e, i) => (i % 13 === 5 ? { ...e, device: '' } : e));

function writeLog(dir: string, events: readonly TestEvent[], name = 'log.csv'): string {
  const file = join(dir, name);
  writeFileSync(file, eventLogCsv(events));
  return file;
}

/** Imports `file` alone into a new case with `reader`, checks the outcome, then `check`s the case. */
async function importAlone(
  dir: string,
  file: string,
  options: { reader?: InputReader; holdBytes?: number },
  check: (db: Parameters<Parameters<typeof withCase>[1]>[0]) => void,
): Promise<void> {
  await withCase(dir, async (db) => {
    const outcomes = await importFiles(db, [file], {
      reader: options.reader ?? readInputInWorker,
      holdBytes: options.holdBytes ?? PAST_HELD,
    });
    expect(outcomes.map((o) => o.status)).toEqual(['imported']);
    check(db);
  });
}

const walking = (limits: WalkLimits): InputReader => readInputInWorkerWalking(limits);

/** A bound on the events held that every test file passes (HOLD_BYTES stands for ~1.5M events). */
const PAST_HELD = 1000;

describe('attempts walked in the parse worker', () => {
  it('are the attempts, buckets and times of a full rebuild, and this thread walks nothing', async () => {
    const dir = temp();
    const file = writeLog(dir, someWithoutDevice(orderedEvents(11, 60, 6000)));
    const spy = spies();
    await importAlone(dir, file, {}, (db) => {
      expect(spy.settled).toHaveBeenCalledTimes(1);
      expect(spy.abandoned).not.toHaveBeenCalled();
      expect(spy.threadWalked).not.toHaveBeenCalled();
      expect(spy.held).not.toHaveBeenCalled();
      expect(runsTaken(spy)).toBeGreaterThan(0);
      const outcomesByKind = db.prepare('SELECT outcome, count(*) FROM attempts GROUP BY 1 ORDER BY 1').raw().all();
      expect(outcomesByKind).toHaveLength(3); // in progress, complete and incomplete all present
      expect(attemptCount(db)).toBeGreaterThan(500);
      expect(db.prepare('SELECT count(*) FROM attempts WHERE device_id = 0').pluck().get()).toBeGreaterThan(0);
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it('are posted in several runs when more end than a buffer holds, and still the same', async () => {
    const dir = temp();
    const file = writeLog(dir, orderedEvents(12, 50, 4000));
    const spy = spies();
    await importAlone(dir, file, { reader: walking({ ended: 7 }) }, (db) => {
      expect(spy.settled).toHaveBeenCalledTimes(1);
      expect(runsTaken(spy)).toBeGreaterThan(attemptCount(db) / 7 - 1);
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it('are not walked there up to the size this thread walks and holds the events', async () => {
    const dir = temp();
    const file = writeLog(dir, orderedEvents(13, 40, 3000));
    const spy = spies();
    await importAlone(dir, file, { holdBytes: 100 * 1024 * 1024 }, (db) => {
      expect(spy.took).not.toHaveBeenCalled();
      expect(spy.threadWalked).toHaveBeenCalled();
      expect(spy.held).toHaveBeenCalled();
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it('are given up by the worker when a group goes back in time (rebuilt from the case)', async () => {
    const dir = temp();
    const events = orderedEvents(14, 30, 2000);
    const moved = { ...events[1500]!, time: new Date(Date.parse(events[1500]!.time) - 3_600_000).toISOString() };
    const file = writeLog(dir, [...events.slice(0, 1500), moved, ...events.slice(1501)]);
    const spy = spies();
    await importAlone(dir, file, {}, (db) => {
      expect(givenUpByWorker(spy)).toBe(true);
      expect(spy.abandoned).toHaveBeenCalled();
      expect(spy.settled).not.toHaveBeenCalled();
      expect(spy.held).not.toHaveBeenCalled();
      expect(spy.heldRebuilt).not.toHaveBeenCalled();
      expect(attemptCount(db)).toBeGreaterThan(100);
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it('are given up by the storing thread when SQLite ignores a row as a duplicate', async () => {
    const dir = temp();
    const events = orderedEvents(16, 30, 2000);
    // The same row twice in a row: in time order (the worker walks both), stored once.
    const file = writeLog(dir, [...events.slice(0, 1000), events[999]!, ...events.slice(1000)]);
    const spy = spies();
    await importAlone(dir, file, {}, (db) => {
      expect(givenUpByWorker(spy)).toBe(false);
      expect(spy.stored.mock.calls).toContainEqual([2001, 1]);
      expect(spy.abandoned).toHaveBeenCalled();
      expect(spy.settled).not.toHaveBeenCalled();
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it("are given up when a column's codes restart (codes are identities only until then)", async () => {
    const dir = temp();
    // 60 users in ~70 groups, 120 devices: past 100 strings, the devices' coder restarts.
    const file = writeLog(dir, orderedEvents(17, 60, 6000));
    const spy = spies();
    const written = vi.spyOn(RowWriter.prototype, 'write');
    await importAlone(dir, file, { reader: walking({ kept: 100 }) }, (db) => {
      const restarted = written.mock.calls.some(([b]) => b.kind === 'event-log' && 'coded' in b && b.device.restart);
      expect(restarted).toBe(true);
      expect(givenUpByWorker(spy)).toBe(true);
      expect(spy.settled).not.toHaveBeenCalled();
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it('go on past many strings only while there are enough events for each', async () => {
    const dir = temp();
    // One event per user: past 10 strings, fewer than 8 events each.
    const oneEach = Array.from({ length: 400 }, (_, i) => ({
      time: new Date(Date.UTC(2025, 5, 2, 8) + i * 1000).toISOString(),
      user: `once${i}@contoso.example`,
      platform: i % 2 ? 'iOS' : 'Android',
      device: `once-dev-${i}`,
      event: 'start',
    }));
    const few = writeLog(dir, oneEach, 'few.csv');
    const spy = spies();
    await importAlone(dir, few, { reader: walking({ free: 10 }) }, (db) => {
      expect(givenUpByWorker(spy)).toBe(true);
      expect(spy.settled).not.toHaveBeenCalled();
      expectSameAsRebuild(db);
    });
    // ~100 events per user: the same limit lets the walk go on.
    const second = join(dir, 'second');
    mkdirSync(second);
    const many = writeLog(second, orderedEvents(18, 60, 6000), 'many.csv');
    vi.restoreAllMocks();
    const again = spies();
    await importAlone(second, many, { reader: walking({ free: 10 }) }, (db) => {
      expect(givenUpByWorker(again)).toBe(false);
      expect(again.settled).toHaveBeenCalledTimes(1);
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it('are given up when two inputs of the file bring events (each input codes its own strings)', async () => {
    const dir = temp();
    const events = orderedEvents(19, 40, 3000);
    const file = join(dir, 'logs.zip');
    writeFileSync(
      file,
      zipSync({
        'a.csv': strToU8(eventLogCsv(events.slice(0, 1500))),
        'b.csv': strToU8(eventLogCsv(events.slice(1500))),
      }),
    );
    const spy = spies();
    await withCase(dir, async (db) => {
      const outcomes = await importFiles(db, [file], { reader: readInputInWorker, holdBytes: PAST_HELD });
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
      // Each input's walk ended in the worker; the second to store events gave the walk up.
      expect(batchesTaken(spy).filter((b) => b.end !== undefined)).toHaveLength(2);
      expect(spy.abandoned).toHaveBeenCalledTimes(1);
      expect(spy.settled).not.toHaveBeenCalled();
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it('stand beside the details rows of another input of the file, whose attempts are added', async () => {
    const dir = temp();
    const details = join(dir, 'details.csv');
    writeDetailsOnly(details, '2025-06-01', 5);
    const file = join(dir, 'export.zip');
    writeFileSync(
      file,
      zipSync({
        'details.csv': readFileSync(details),
        'events.csv': strToU8(eventLogCsv(orderedEvents(22, 40, 3000))),
      }),
    );
    const spy = spies();
    await withCase(dir, async (db) => {
      const outcomes = await importFiles(db, [file], { reader: readInputInWorker, holdBytes: PAST_HELD });
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
      expect(spy.settled).toHaveBeenCalledTimes(1);
      expect(spy.abandoned).not.toHaveBeenCalled();
      expect(db.prepare('SELECT count(*) FROM attempts WHERE source = 1').pluck().get()).toBeGreaterThan(10);
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it('are not asked for with several files or into a case with events', async () => {
    const dir = temp();
    const events = orderedEvents(20, 30, 3000);
    const a = writeLog(dir, events.slice(0, 1000), 'a.csv');
    const b = writeLog(dir, events.slice(1000, 2000), 'b.csv');
    const c = writeLog(dir, events.slice(2000), 'c.csv');
    const spy = spies();
    await withCase(dir, async (db) => {
      // Two files past the held size: no walk (it would have to cross inputs), a rebuild after the store.
      await importFiles(db, [a, b], { reader: readInputInWorker, holdBytes: PAST_HELD });
      expect(spy.took).not.toHaveBeenCalled();
      expect(spy.threadWalked).not.toHaveBeenCalled();
      expectSameAsRebuild(db);
      // Alone, into a case with events: no walk at all, the refresh as before.
      await importFiles(db, [c], { reader: readInputInWorker, holdBytes: PAST_HELD });
      expect(spy.took).not.toHaveBeenCalled();
      expect(spy.threadWalked).not.toHaveBeenCalled();
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it("are asked of the command line's worker for files past the in-thread size up to WALK_BYTES", () => {
    const walks = readInputBySize.walksAttempts!;
    expect(walks(IN_THREAD_BYTES)).toBe(false); // read in this thread: no worker to walk
    expect(walks(IN_THREAD_BYTES + 1)).toBe(true);
    expect(walks(742_216_321)).toBe(true); // the bench's 5M-event log
    expect(walks(WALK_BYTES + 1)).toBe(false); // the bench's 25M-event log is 3.7 GB
  });

  it('leave nothing when the file is refused after some of its batches were walked and stored', async () => {
    const dir = temp();
    const events = orderedEvents(21, 30, 9000);
    const file = join(dir, 'broken.csv');
    writeFileSync(file, `${eventLogCsv(events)}2025-06-19T08:00:00Z,"never closed,x,iOS,start,,\r\n`);
    const spy = spies();
    const written = vi.spyOn(RowWriter.prototype, 'write');
    await withCase(dir, async (db) => {
      const outcomes = await importFiles(db, [file], { reader: readInputInWorker, holdBytes: PAST_HELD });
      expect(outcomes.map((o) => o.status)).toEqual(['refused']);
      // Batches of events were stored before the refusal (and rolled back with the file).
      expect(written.mock.calls.filter(([b]) => b.kind === 'event-log').length).toBeGreaterThan(2);
      expect(spy.rolledBack).toHaveBeenCalledTimes(1);
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
      expect(attemptCount(db)).toBe(0);
      expect(db.prepare('SELECT count(*) FROM attempt_buckets').pluck().get()).toBe(0);
    });
  }, 60_000);
});
