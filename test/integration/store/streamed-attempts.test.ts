/**
 * An import into a case without events builds its attempts while it stores the events
 * (attempts/streamed-attempts.ts). Whatever path ran, the attempts, their buckets and the stored
 * times must be exactly what a full rebuild reading the case makes. Each test asserts which path
 * ran: the walk settled (streamed), or given up for the rebuild (out-of-order rows, duplicates, a
 * file rolled back), or never started (a second import into a case with events).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeldEvents } from '../../../src-main/attempts/held-events';
import { settleStreamedAttempts } from '../../../src-main/attempts/refresh';
import { EndedAttempts } from '../../../src-main/attempts/ended-attempts';
import { StreamedAttempts } from '../../../src-main/attempts/streamed-attempts';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { readInputInWorker } from '../../../src-main/workers/parse-in-worker';
import { writeDetailsOnly } from '../../helpers/coverage-inputs';
import { eventLogCsv } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';
import {
  attemptCount,
  dump,
  expectSameAsRebuild,
  importedVersusRebuilt,
  orderedEvents,
  withCase,
} from '../../helpers/walked-attempts';

const temp = useTempDir('enrollscope-streamed-');
afterEach(() => vi.restoreAllMocks());

function spies() {
  return {
    walked: vi.spyOn(StreamedAttempts.prototype, 'add'),
    settled: vi.spyOn(StreamedAttempts.prototype, 'settle'),
    abandoned: vi.spyOn(StreamedAttempts.prototype, 'abandon'),
    held: vi.spyOn(HeldEvents.prototype, 'forEachGroup'),
  };
}

describe('attempts built while the events are stored', () => {
  it('are the attempts, buckets and times of a full rebuild (a log in time order)', async () => {
    const dir = temp();
    const file = join(dir, 'log.csv');
    writeFileSync(file, eventLogCsv(orderedEvents(1, 60, 6000)));
    const spy = spies();
    await withCase(dir, async (db) => {
      // Coded batches from a parse worker that does not walk (one that does: worker-walk.test.ts).
      const outcomes = await importFiles(db, [file], { reader: (path, options) => readInputInWorker(path, options) });
      expect(outcomes.map((o) => o.status)).toEqual(['imported']);
      expect(spy.settled).toHaveBeenCalledTimes(1);
      expect(spy.abandoned).not.toHaveBeenCalled();
      expect(spy.held).not.toHaveBeenCalled();
      const outcomesByKind = db.prepare('SELECT outcome, count(*) FROM attempts GROUP BY 1 ORDER BY 1').raw().all();
      expect(outcomesByKind).toHaveLength(3); // in progress, complete and incomplete all present
      const { imported, rebuilt } = importedVersusRebuilt(db);
      expect(attemptCount(db)).toBeGreaterThan(500);
      expect(imported).toEqual(rebuilt);
    });
  }, 60_000);

  it('are the same across the files of one import, beside details rows and a refused details file', async () => {
    const dir = temp();
    const events = orderedEvents(2, 40, 3000);
    const first = join(dir, 'a-first.csv');
    const second = join(dir, 'b-second.csv');
    // Two files of one import: the second continues the first in time.
    writeFileSync(first, eventLogCsv(events.slice(0, 1800)));
    writeFileSync(second, eventLogCsv(events.slice(1800)));
    const details = join(dir, 'details.csv');
    writeDetailsOnly(details, '2025-06-01', 5);
    const spy = spies();
    await withCase(dir, async (db) => {
      // Details first, in their own import: the case then has attempts (and buckets) but no events.
      await importFiles(db, [details]);
      expect(spy.settled).not.toHaveBeenCalled(); // no events walked: the refresh as before
      const outcomes = await importFiles(db, [first, second, details]);
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'refused']);
      expect(spy.settled).toHaveBeenCalledTimes(1);
      expect(spy.abandoned).not.toHaveBeenCalled();
      const { imported, rebuilt } = importedVersusRebuilt(db);
      expect(db.prepare('SELECT count(*) FROM attempts WHERE source = 1').pluck().get()).toBeGreaterThan(10);
      expect(imported).toEqual(rebuilt);
    });
  }, 60_000);

  it('are given up for the rebuild when a group goes back in time', async () => {
    const dir = temp();
    const events = orderedEvents(3, 30, 2000);
    // One row moved an hour back: its group is out of order from there on.
    const moved = { ...events[1500]!, time: new Date(Date.parse(events[1500]!.time) - 3_600_000).toISOString() };
    const file = join(dir, 'log.csv');
    writeFileSync(file, eventLogCsv([...events.slice(0, 1500), moved, ...events.slice(1501)]));
    const spy = spies();
    await withCase(dir, async (db) => {
      await importFiles(db, [file]);
      expect(spy.abandoned).toHaveBeenCalled();
      expect(spy.settled).not.toHaveBeenCalled();
      expect(spy.held).toHaveBeenCalledTimes(1); // the rebuild walked the events the import held
      const { imported, rebuilt } = importedVersusRebuilt(db);
      expect(attemptCount(db)).toBeGreaterThan(100);
      expect(imported).toEqual(rebuilt);
    });
  }, 60_000);

  it('are given up when SQLite ignores a row as a duplicate, even one that keeps the order', async () => {
    const dir = temp();
    const events = orderedEvents(4, 30, 2000);
    const file = join(dir, 'log.csv');
    // The same row twice in a row: in time order, but stored once.
    writeFileSync(file, eventLogCsv([...events.slice(0, 1000), events[999]!, ...events.slice(1000)]));
    const spy = spies();
    await withCase(dir, async (db) => {
      const outcomes = await importFiles(db, [file]);
      expect(outcomes[0]?.status === 'imported' && outcomes[0].record.duplicates).toBe(1);
      expect(spy.abandoned).toHaveBeenCalled();
      expect(spy.settled).not.toHaveBeenCalled();
      expectSameAsRebuild(db);
    });
  }, 60_000);

  it('are given up when a file is rolled back, keeping the files stored before it', async () => {
    const dir = temp();
    const events = orderedEvents(5, 30, 9000);
    const good = join(dir, 'a-good.csv');
    writeFileSync(good, eventLogCsv(events.slice(0, 1500)));
    // More than a batch of rows in order (walked, stored), then an unterminated quote: refused.
    const broken = join(dir, 'b-broken.csv');
    writeFileSync(broken, `${eventLogCsv(events.slice(1500))}2025-06-19T08:00:00Z,"never closed,x,iOS,start,,\r\n`);
    const spy = spies();
    await withCase(dir, async (db) => {
      const outcomes = await importFiles(db, [good, broken], { reader: readInputInWorker });
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'refused']);
      expect(spy.walked.mock.calls.length).toBeGreaterThan(1500 + 2500); // a batch of the broken file was walked
      expect(spy.abandoned).toHaveBeenCalled();
      expect(spy.settled).not.toHaveBeenCalled();
      const { imported, rebuilt } = importedVersusRebuilt(db);
      expect(attemptCount(db)).toBeGreaterThan(100);
      expect(imported).toEqual(rebuilt);
      // Nothing of the walk's own rows is left: every event attempt is the rebuild's.
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(
        outcomes[0]?.status === 'imported' ? outcomes[0].record.imported : -1,
      );
    });
  }, 60_000);

  it('are not walked into a case that has events (a second import)', async () => {
    const dir = temp();
    const events = orderedEvents(6, 30, 3000);
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, eventLogCsv(events.slice(0, 1500)));
    writeFileSync(b, eventLogCsv(events.slice(1500)));
    await withCase(dir, async (db) => {
      await importFiles(db, [a]);
      const spy = spies();
      await importFiles(db, [b]);
      expect(spy.walked).not.toHaveBeenCalled();
      expect(spy.settled).not.toHaveBeenCalled();
      expectSameAsRebuild(db);
    });
  }, 60_000);
});

describe('the streamed walk at its limits', () => {
  /** A case holding an ordered log; the walk is fed its stored events again, in the order stored. */
  async function caseWithLog(dir: string): Promise<{ db: CaseDb; importId: number; rows: number[][] }> {
    const file = join(dir, 'log.csv');
    writeFileSync(file, eventLogCsv(orderedEvents(7, 50, 4000)));
    const db = openCase(join(dir, 'case.enrollscope'));
    const [outcome] = await importFiles(db, [file]);
    if (outcome?.status !== 'imported') throw new Error('not imported');
    const rows = db
      .prepare('SELECT user_id, platform, time_ms, event, action, screen_id, device_id, seq FROM events ORDER BY seq')
      .raw()
      .all() as number[][];
    return { db, importId: outcome.record.id, rows };
  }

  const feed = (walk: StreamedAttempts, rows: number[][]): void => {
    for (const r of rows) walk.add(r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!, r[6]!, r[7]!);
  };

  it('writes the attempts in several sorted runs when more end than its buffer holds', async () => {
    const { db, importId, rows } = await caseWithLog(temp());
    try {
      const rebuilt = dump(db);
      db.exec('BEGIN');
      try {
        db.exec(
          "DELETE FROM attempts; DELETE FROM attempt_buckets; DELETE FROM settings WHERE key LIKE '\\_%' ESCAPE '\\'",
        );
        const runs = vi.spyOn(EndedAttempts.prototype, 'writeSorted');
        const walk = new StreamedAttempts(db, { ended: 7 });
        feed(walk, rows);
        const stats = settleStreamedAttempts(db, [importId, importId], walk);
        expect(stats.mode).toBe('streamed');
        expect(stats.attempts).toBeGreaterThan(300);
        expect(runs.mock.calls.length).toBeGreaterThan(stats.attempts / 7 - 1);
        expect(dump(db)).toEqual(rebuilt);
      } finally {
        db.exec('ROLLBACK');
      }
    } finally {
      db.close();
    }
  }, 60_000);

  it('is given up past its number of groups, its attempts deleted', async () => {
    const { db, rows } = await caseWithLog(temp());
    try {
      db.exec('BEGIN');
      try {
        db.exec('DELETE FROM attempts');
        const walk = new StreamedAttempts(db, { groups: 5, ended: 2 });
        const firstGroups = [...new Set(rows.map((r) => `${r[0]}/${r[1]}`))].slice(0, 5);
        const inFirst = (r: number[]): boolean => firstGroups.includes(`${r[0]}/${r[1]}`);
        // Five groups: attempts ended and written (a buffer of 2), then a sixth group.
        feed(walk, rows.filter(inFirst));
        expect(walk.usable).toBe(true);
        expect(attemptCount(db)).toBeGreaterThan(0);
        feed(
          walk,
          rows.filter((r) => !inFirst(r)),
        );
        expect(walk.usable).toBe(false);
        expect(attemptCount(db)).toBe(0);
        expect(() => walk.settle()).toThrow(/given up/);
      } finally {
        db.exec('ROLLBACK');
      }
    } finally {
      db.close();
    }
  }, 60_000);
});
