/**
 * Events are inserted a window at a time, sorted by the events table's key (store/event-window.ts).
 * Whatever the window's size and the rows' order, the stored events must be exactly those of an
 * insert in file order: of the rows sharing a key, the first (smallest seq), the others counted as
 * duplicates per file; rows of a file rolled back (refused, cancelled) with a window pending are
 * never stored, nor mixed into the next file's.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { EventWindow, eventInserter } from '../../../src-main/store/event-window';
import { importFiles } from '../../../src-main/store/import-files';
import { seqOf } from '../../../src-main/store/row-writer';
import { readInputInWorker } from '../../../src-main/workers/parse-in-worker';
import { mulberry32 } from '../../../src-main/tools/mulberry32';
import { eventLogCsv, type TestEvent } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-window-');
afterEach(() => vi.restoreAllMocks());

/** The rows each window still held when an input began with it (the rows of an input rolled back). */
function pendingAtBegin(): { pending: number[]; windows: Set<EventWindow> } {
  const pending: number[] = [];
  const windows = new Set<EventWindow>();
  const begin = EventWindow.prototype.begin;
  vi.spyOn(EventWindow.prototype, 'begin').mockImplementation(function (this: EventWindow, inserter) {
    pending.push(this.length);
    windows.add(this);
    begin.call(this, inserter);
  });
  return { pending, windows };
}

const COLUMNS = ['user_id', 'platform', 'time_ms', 'event', 'action', 'screen_id', 'device_id', 'seq'] as const;
type Row = [number, number, number, number, number, number, number, number];

/** The events table's rows, by key. */
const storedEvents = (db: CaseDb): number[][] =>
  db
    .prepare(`SELECT ${COLUMNS.join(',')} FROM events ORDER BY 1, 2, 3, 4, 5, 6, 7`)
    .raw()
    .all() as number[][];

/** What an insert in arrival order keeps: the first row of each key, in key order. */
function firstOfEachKey(rows: readonly Row[]): Row[] {
  const kept = new Map<string, Row>();
  for (const row of rows) {
    const key = row.slice(0, 7).join(',');
    if (!kept.has(key)) kept.set(key, row);
  }
  return [...kept.values()].sort((a, b) => {
    for (let c = 0; c < 7; c++) if (a[c] !== b[c]) return a[c]! - b[c]!;
    return 0;
  });
}

/**
 * A log in time order with what the window must cope with: rows of one millisecond, a user on
 * both platforms, a row out of time order, a duplicate right after its row (one window) and one
 * far from it (another window).
 */
function logRows(seed: number, rows: number): TestEvent[] {
  const next = mulberry32(seed);
  const kinds = [
    { event: 'start' },
    { event: 'step', action: 'TermsofUse', screen: 'Terms screen' },
    { event: 'step', action: 'EnrollmentWrapUp' },
    { event: 'cancel', action: 'TermsofUse' },
    { event: 'complete' },
  ];
  const seen = new Set<string>();
  const out: TestEvent[] = [];
  let now = Date.UTC(2025, 5, 2, 8);
  while (out.length < rows) {
    now += next() < 0.2 ? 0 : Math.floor(next() * 30_000);
    const user = Math.floor(next() * 40);
    const event: TestEvent = {
      time: new Date(now).toISOString(),
      user: `user${user}@contoso.example`,
      platform: user % 5 === 0 && next() < 0.5 ? 'Android' : 'iOS',
      device: `dev${user}`,
      ...kinds[Math.floor(next() * kinds.length)]!,
    };
    const identity = JSON.stringify(event);
    if (seen.has(identity)) continue;
    seen.add(identity);
    out.push(event);
  }
  const late = { ...out[400]!, time: new Date(Date.parse(out[400]!.time) - 3_600_000).toISOString() };
  return [
    ...out.slice(0, 11),
    out[10]!,
    ...out.slice(11, 400),
    late,
    ...out.slice(401, 900),
    out[30]!,
    ...out.slice(900),
  ];
}

/** The file's lines (CSV: the header is line 1) that an insert in file order keeps: each row's first. */
function keptLines(events: readonly TestEvent[]): number[] {
  const first = new Map<string, number>();
  events.forEach((event, i) => {
    const key = JSON.stringify(event);
    if (!first.has(key)) first.set(key, i + 2);
  });
  return [...first.values()].sort((a, b) => a - b);
}

const storedLines = (db: CaseDb, importId: number): number[] =>
  (
    db
      .prepare('SELECT seq - ? FROM events WHERE seq >= ? AND seq < ? ORDER BY 1')
      .pluck()
      .all(seqOf(importId, 0), seqOf(importId, 0), seqOf(importId + 1, 0)) as number[]
  ).map(Number);

async function withCase(dir: string, name: string, work: (db: CaseDb) => Promise<void>): Promise<void> {
  const db = openCase(join(dir, name));
  try {
    await work(db);
  } finally {
    db.close();
  }
}

describe('events inserted a window at a time in key order', () => {
  it('keep the first of equal rows, within a window and across windows, counted as duplicates', async () => {
    const dir = temp();
    const events = logRows(1, 1200);
    const file = join(dir, 'log.csv');
    writeFileSync(file, eventLogCsv(events));
    const expected = keptLines(events);
    expect(events.length - expected.length).toBe(2);
    const results: unknown[] = [];
    for (const [name, eventWindowRows] of [
      ['small.enrollscope', 64],
      ['whole.enrollscope', undefined],
    ] as const) {
      const flushes = vi.spyOn(EventWindow.prototype, 'flush');
      await withCase(dir, name, async (db) => {
        const [outcome] = await importFiles(db, [file], { eventWindowRows });
        if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
        expect(outcome.record.duplicates).toBe(2);
        expect(outcome.record.imported).toBe(expected.length);
        expect(storedLines(db, outcome.record.id)).toEqual(expected);
        results.push({ events: storedEvents(db), record: { ...outcome.record, importedAt: '' } });
      });
      // 1,202 rows: 18 full windows of 64 and the file's last; or the file's one.
      expect(flushes.mock.calls.length).toBeGreaterThan(eventWindowRows === undefined ? 0 : 18);
      flushes.mockRestore();
    }
    expect(results[0]).toEqual(results[1]);
  }, 60_000);

  it('drop the rows of a file refused half-way, with a window pending, and store the next file whole', async () => {
    const dir = temp();
    const events = logRows(2, 9000);
    const good = join(dir, 'a-good.csv');
    writeFileSync(good, eventLogCsv(events.slice(0, 1000)));
    // More than a batch of rows (inserted in windows of 128, the last one pending), then an
    // unterminated quote: the file is refused and rolled back.
    const broken = join(dir, 'b-broken.csv');
    writeFileSync(
      broken,
      `${eventLogCsv(events.slice(1000, 6050))}2025-06-19T08:00:00Z,"never closed,x,iOS,start,,\r\n`,
    );
    const after = join(dir, 'c-after.csv');
    const afterEvents = events.slice(6050);
    writeFileSync(after, eventLogCsv(afterEvents));
    const added = vi.spyOn(EventWindow.prototype, 'add');
    const { pending } = pendingAtBegin();
    await withCase(dir, 'case.enrollscope', async (db) => {
      const outcomes = await importFiles(db, [good, broken, after], {
        reader: readInputInWorker,
        eventWindowRows: 128,
      });
      // The third file began with the broken file's last rows still in the window: dropped.
      expect(pending).toHaveLength(3);
      expect(pending[2]).toBeGreaterThan(0);
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'refused', 'imported']);
      // Rows of the broken file reached the window (its batches hold 2,500 rows: at least two came).
      expect(added.mock.calls.length).toBeGreaterThanOrEqual(1000 + 5000 + afterEvents.length);
      const [first, , third] = outcomes;
      if (first?.status !== 'imported' || third?.status !== 'imported') throw new Error('not imported');
      // The broken file's id was handed to the next one: its pending rows would carry that id.
      expect(third.record.id).toBe(first.record.id + 1);
      expect(storedLines(db, third.record.id)).toEqual(keptLines(afterEvents));
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(
        first.record.imported + third.record.imported,
      );
    });
  }, 60_000);

  it('store nothing of a cancelled import, its window pending', async () => {
    const dir = temp();
    const events = logRows(3, 6000);
    const file = join(dir, 'log.csv');
    writeFileSync(file, eventLogCsv(events));
    const controller = new AbortController();
    const added = vi.spyOn(EventWindow.prototype, 'add');
    const { windows } = pendingAtBegin();
    await withCase(dir, 'case.enrollscope', async (db) => {
      const outcomes = await importFiles(db, [file], {
        reader: readInputInWorker,
        eventWindowRows: 1000,
        signal: controller.signal,
        onProgress: (progress) => progress.rows >= 2500 && controller.abort(),
      });
      expect(outcomes.map((o) => o.status)).toEqual(['cancelled']);
      expect(added.mock.calls.length).toBeGreaterThanOrEqual(2500);
      expect([...windows].map((window) => window.length > 0)).toEqual([true]);
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
      // The next import stores its rows whole.
      const [again] = await importFiles(db, [file], { eventWindowRows: 1000 });
      if (again?.status !== 'imported') throw new Error('not imported');
      expect(storedLines(db, again.record.id)).toEqual(keptLines(events));
    });
  }, 60_000);
});

describe('the window sort', () => {
  /** The rows with seqs ascending in their order (an input's lines). */
  const withSeqs = (rows: readonly Row[]): Row[] => rows.map((row, i) => [...row.slice(0, 7), seqOf(1, i + 2)] as Row);

  /** Rows in arrival order (seq ascending) that reach every path of the sort. */
  function hardRows(seed: number, count: number, users: readonly number[]): Row[] {
    const next = mulberry32(seed);
    const rows: Row[] = [];
    let time = 1_750_000_000_000;
    for (let i = 0; i < count; i++) {
      time += next() < 0.3 ? 0 : Math.floor(next() * 5_000);
      const user = users[Math.floor(next() * users.length)]!;
      // Now and then a row far back in time: its group is out of order.
      const at = next() < 0.02 ? time - Math.floor(next() * 10_000_000) : time;
      // Platform codes past the taxonomy's share the sort's last slot.
      const platform = next() < 0.1 ? (next() < 0.5 ? 7 : 9) : next() < 0.5 ? 1 : 2;
      rows.push([user, platform, at, 1 + Math.floor(next() * 3), Math.floor(next() * 2), 1, 1 + (user % 3), 0]);
      // Duplicates: right after, and (below) much later.
      if (next() < 0.05) rows.push([...rows[rows.length - 1]!]);
    }
    return withSeqs([...rows, ...rows.slice(0, 40)]);
  }

  /** Inserts rows through a window of `capacity` into a new case; returns the stored rows and the window. */
  function insertThroughWindow(dir: string, rows: readonly Row[], capacity: number) {
    const db = openCase(join(dir, `case-${capacity}.enrollscope`));
    try {
      const inserter = eventInserter(db);
      const window = new EventWindow(capacity);
      db.exec('BEGIN');
      window.begin(inserter);
      for (const row of rows) window.add(...row);
      window.finish();
      inserter.flush();
      db.exec('COMMIT');
      const types = db
        .prepare(
          `SELECT ${COLUMNS.map((column) => `typeof(${column})`).join(" || ',' || ")} AS types FROM events ORDER BY 1`,
        )
        .pluck()
        .all() as string[];
      return { stored: storedEvents(db), inserted: inserter.inserted, window, types: new Set(types) };
    } finally {
      db.close();
    }
  }

  it('orders any rows as an insert in arrival order keeps them: dense ids, spread ids, large ids', () => {
    const dir = temp();
    const dense = hardRows(4, 3000, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const spread = hardRows(5, 3000, [3, 90_000, 2_000_000, 2 ** 31 + 5, 2 ** 32 - 1]);
    // A case id past 32 bits is inserted alone, after the window's rows.
    const alone: Row = [2 ** 32 + 7, 1, 5, 1, 0, 1, 1, 0];
    const large = withSeqs([...spread.slice(0, 500), alone, ...spread.slice(500), alone]);
    for (const [rows, capacity] of [
      [dense, 256],
      [dense, 20],
      [spread, 512],
      [large, 700],
    ] as const) {
      const expected = firstOfEachKey(rows);
      const { stored, inserted, window } = insertThroughWindow(dir, rows, capacity);
      expect(inserted).toBe(expected.length);
      expect(stored).toEqual(expected);
      if (capacity === 20) expect(window.sorts.small).toBeGreaterThan(0);
      if (rows === dense && capacity === 256) {
        expect(window.sorts.byRange).toBeGreaterThan(0);
        expect(window.sorts.platforms).toBeGreaterThan(0);
      }
      if (rows === spread) expect(window.sorts.byRank).toBeGreaterThan(0);
      if (rows === large) expect(window.sorts.alone).toBe(2);
    }
    expect(dense.length - firstOfEachKey(dense).length).toBeGreaterThan(100);
  });

  it('falls back to a general sort for a group far out of time order', () => {
    const dir = temp();
    // One group, newest first: an insertion sort would shift every row past every other.
    const rows = withSeqs(Array.from({ length: 2000 }, (_, i): Row => [5, 1, 2_000_000 - i * 10, 1, 0, 1, 1, 0]));
    const { stored, window } = insertThroughWindow(dir, rows, 4096);
    expect(window.sorts.fallback).toBe(1);
    expect(stored).toEqual(firstOfEachKey(rows));
  });

  it('binds rows packed as four values, and inserts a row the packing cannot hold alone, each stored as it came', () => {
    const dir = temp();
    const base = hardRows(6, 600, [1, 2, 3, 2 ** 32 - 1]);
    // At the packing's edges (kept packed) and past them (inserted alone, unpacked).
    const edges: Row[] = [
      [2 ** 32 - 1, 255, 2 ** 45 - 1, 15, 15, 2 ** 21 - 1, 2 ** 32 - 1, 0],
      [7, 1, 0, 15, 0, 1, 1, 0],
    ];
    const unpackable: Row[] = [
      [7, 1, -5, 1, 0, 1, 1, 0],
      [7, 1, 2 ** 45, 1, 0, 1, 1, 0],
      [7, 1, 1_750_000_000_000.5, 1, 0, 1, 1, 0],
      [7, 1, 1_750_000_000_000, 16, 0, 1, 1, 0],
      [7, 1, 1_750_000_000_000, 1, 200, 1, 1, 0],
      [7, 1, 1_750_000_000_000, 1, 0, 2 ** 21, 1, 0],
    ];
    const rows = withSeqs([...base.slice(0, 300), ...edges, ...unpackable, ...base.slice(300), ...unpackable]);
    const { stored, inserted, window, types } = insertThroughWindow(dir, rows, 128);
    const expected = firstOfEachKey(rows);
    expect(stored).toEqual(expected);
    expect(inserted).toBe(expected.length);
    expect(window.sorts.alone).toBe(2 * unpackable.length);
    // Integers stay integers; only the half millisecond (bound as a double, as before) is a real.
    expect([...types].sort()).toEqual([
      'integer,integer,integer,integer,integer,integer,integer,integer',
      'integer,integer,real,integer,integer,integer,integer,integer',
    ]);
  });
});
