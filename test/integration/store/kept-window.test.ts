/**
 * Files stored without a savepoint leave their events in the window (event-window.ts `keep`), so
 * that a folder's small files share statements. The rows SQLite ignores must still be counted to
 * the file they came from, exactly as when each file's rows were inserted at its end: duplicates
 * within a file, across files of one window, and of rows stored before (an earlier window, an
 * earlier import). Real case files, real parse workers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportOutcome } from '../../../src-main/shared/import-types';
import { BulkInserter } from '../../../src-main/store/bulk-insert';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { EventWindow } from '../../../src-main/store/event-window';
import { importFiles } from '../../../src-main/store/import-files';
import { seqOf } from '../../../src-main/store/row-writer';
import { readAheadInWorker, readInputBySize } from '../../../src-main/workers/parse-in-worker';
import { mulberry32 } from '../../../src-main/tools/mulberry32';
import { eventLogCsv, type TestEvent } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-kept-window-');
afterEach(() => vi.restoreAllMocks());

const COLUMNS = ['user_id', 'platform', 'time_ms', 'event', 'action', 'screen_id', 'device_id', 'seq'] as const;
type Row = [number, number, number, number, number, number, number, number];

describe('a window kept across files counts the ignored rows per file', () => {
  /** Rows of `imports` imports in seq order; many equal keys, within and across imports. */
  function rowsOf(seed: number, imports: readonly number[], perImport: number): Row[] {
    const next = mulberry32(seed);
    const rows: Row[] = [];
    for (const importId of imports) {
      for (let line = 2; line < perImport + 2; line++) {
        // Few distinct keys: equal rows come within an import and across them.
        const user = 1 + Math.floor(next() * 6);
        rows.push([
          user,
          1 + (user % 2),
          1_750_000_000_000 + Math.floor(next() * 40) * 1000,
          1,
          0,
          1,
          1,
          seqOf(importId, line),
        ]);
      }
    }
    return rows;
  }

  /** Per import, the rows an insert in seq order would ignore, given the keys stored before. */
  function ignoredByImport(stored: readonly Row[], rows: readonly Row[]): Map<number, number> {
    const seen = new Set(stored.map((row) => row.slice(0, 7).join(',')));
    const ignored = new Map<number, number>();
    for (const row of rows) {
      const key = row.slice(0, 7).join(',');
      if (!seen.has(key)) seen.add(key);
      else {
        const importId = Math.floor(row[7] / 2 ** 32);
        ignored.set(importId, (ignored.get(importId) ?? 0) + 1);
      }
    }
    return ignored;
  }

  it('matches an insert in seq order: equal rows in the window, rows stored before, rows inserted alone', () => {
    const db = openCase(join(temp(), 'window.enrollscope'));
    try {
      db.exec('BEGIN');
      // An earlier import's rows, in the table before the window (inserted through a window of their own).
      const before = rowsOf(1, [1], 60);
      const first = new EventWindow();
      const inserter = new BulkInserter(db, 'events', COLUMNS);
      first.begin(inserter);
      for (const row of before) first.add(...row);
      first.finish();
      inserter.flush();

      const imports = [2, 3, 4, 5, 6, 7];
      const rows = rowsOf(2, imports, 50);
      // A row past 32 bits is inserted alone, its import counted too: once new, once ignored.
      const alone: Row = [2 ** 32 + 3, 1, 5, 1, 0, 1, 1, 0];
      rows.splice(120, 0, [...alone.slice(0, 7), seqOf(4, 900)] as Row);
      rows.splice(200, 0, [...alone.slice(0, 7), seqOf(5, 900)] as Row);
      // Two more imports of a user of their own, the second repeating the first: settled apart,
      // their window's ignored rows are all side by side.
      const own = (importId: number): Row[] =>
        Array.from({ length: 20 }, (_, k): Row => [99, 1, 1_750_000_000_000 + k, 1, 0, 1, 1, seqOf(importId, k + 2)]);
      rows.push(...own(8), ...own(9));
      const expected = ignoredByImport(before, rows);

      // A window of 64 rows: it fills in the middle of inputs, which keep their rows at their end.
      const window = new EventWindow(64);
      const counted = new Map<number, number>();
      const add = (importId: number, count: number): void => {
        if (count > 0) counted.set(importId, (counted.get(importId) ?? 0) + count);
      };
      for (const batch of [imports, [8, 9]]) {
        for (const importId of batch) {
          window.begin(new BulkInserter(db, 'events', COLUMNS), true);
          for (const row of rows) if (Math.floor(row[7] / 2 ** 32) === importId) window.add(...row);
          add(importId, window.keep(importId));
        }
        for (const [importId, count] of window.settle()) add(importId, count);
      }
      expect(counted.get(9)).toBe(20);
      db.exec('COMMIT');

      expect([...counted.entries()].sort((a, b) => a[0] - b[0])).toEqual(
        [...expected.entries()].sort((a, b) => a[0] - b[0]),
      );
      const total = db.prepare('SELECT count(*) FROM events').pluck().get();
      const storedBefore = new Set(before.map((r) => r.slice(0, 7).join(','))).size;
      expect(total).toBe(storedBefore + rows.length - [...expected.values()].reduce((a, b) => a + b, 0));
      // Each way of counting ran: equal rows side by side, the table asked, rows inserted alone.
      expect(window.ignoredBy.adjacent).toBeGreaterThan(0);
      expect(window.ignoredBy.asked).toBeGreaterThan(0);
      expect(window.sorts.alone).toBe(2);
    } finally {
      db.close();
    }
  });

  it('refuses to start an input in a savepoint while rows of earlier inputs are kept', () => {
    const db = openCase(join(temp(), 'order.enrollscope'));
    try {
      const window = new EventWindow();
      window.begin(new BulkInserter(db, 'events', COLUMNS), true);
      window.add(1, 1, 5, 1, 0, 1, 1, seqOf(1, 2));
      window.keep(1);
      expect(() => window.begin(new BulkInserter(db, 'events', COLUMNS))).toThrow(/settle first/);
    } finally {
      db.close();
    }
  });
});

describe('a folder read ahead, its events kept across files', () => {
  const at = (minute: number): string => new Date(Date.UTC(2025, 5, 2, 8) + minute * 60_000).toISOString();
  const event = (user: number, minute: number): TestEvent => ({
    time: at(minute),
    user: `user${user}@contoso.example`,
    platform: user % 3 === 0 ? 'Android' : 'iOS',
    event: minute % 5 === 0 ? 'start' : 'step',
    action: minute % 5 === 0 ? '' : 'EnrollmentWrapUp',
    device: `dev${user}`,
  });
  /** Row `i` of a long log: 40 users taking turns. */
  const row = (i: number): TestEvent => event(i % 40, i);

  /**
   * Bulk files (enough to read ahead), one repeating rows of another, then small files that overlap
   * (3 rows shared with the next: side by side in the window), one with a row twice, one that is
   * no enrollment file (refused: in a savepoint of its own, so the kept rows are settled before
   * it), and an earlier import holding rows of a bulk file.
   */
  function writeFolder(): { folder: string; earlier: string } {
    const folder = join(temp(), 'exports');
    mkdirSync(folder);
    // 1,600 events of 100 users of their own, with long screen texts: ~0.7 MiB.
    const bulk = (b: number): TestEvent[] =>
      Array.from({ length: 1600 }, (_, i) => ({
        ...event(1000 + b * 100 + (i % 100), 100_000 + b * 2000 + i),
        screen: 'A screen with a long text '.repeat(12),
      }));
    for (let b = 0; b < 8; b++) {
      // The fourth bulk file repeats 50 rows of the third (an earlier window by then).
      const repeated = b === 3 ? bulk(2).slice(0, 50) : [];
      writeFileSync(join(folder, `a${b}-bulk.csv`), eventLogCsv([...bulk(b), ...repeated]));
    }
    for (let f = 0; f < 60; f++) {
      const events = Array.from({ length: 10 }, (_, k) => row(f * 7 + k));
      if (f === 17) events.push(events[4]!);
      writeFileSync(join(folder, `b${String(f).padStart(2, '0')}-log.csv`), eventLogCsv(events));
    }
    writeFileSync(join(folder, 'b30-not-enrollment.csv'), 'Name,Colour\nAda,blue\n');
    const earlier = join(temp(), 'earlier.csv');
    writeFileSync(earlier, eventLogCsv(bulk(5).slice(0, 30)));
    return { folder, earlier };
  }

  /** Every table's rows in a fixed order; imports without their time, settings without the mask key. */
  function contentsOf(db: CaseDb): Record<string, unknown[]> {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      out[table] = rows
        .filter((r) => table !== 'settings' || !String(r.key).includes('mask'))
        .map((r) => JSON.stringify({ ...r, imported_at: undefined }))
        .sort();
    }
    return out;
  }

  const comparable = (outcomes: ImportOutcome[]): unknown[] =>
    outcomes.map((o) => (o.status === 'imported' ? { ...o, record: { ...o.record, importedAt: '' } } : o));

  it('stores every table and counts every file as files each stored at their end, in a savepoint', async () => {
    const { folder, earlier } = writeFolder();
    const ahead = openCase(join(temp(), 'ahead.enrollscope'));
    const inThread = openCase(join(temp(), 'in-thread.enrollscope'));
    try {
      for (const db of [ahead, inThread]) await importFiles(db, [earlier], { reader: readInputBySize });
      const keep = vi.spyOn(EventWindow.prototype, 'keep');
      const settle = vi.spyOn(EventWindow.prototype, 'settle');
      const outcomes = await importFiles(ahead, [folder], {
        reader: readInputBySize,
        readAhead: readAheadInWorker,
        eventWindowRows: 4000,
      });
      const kept = keep.mock.calls.length;
      const settled = settle.mock.results.map((r) => r.value as Map<number, number>);
      const [window] = settle.mock.contexts as EventWindow[];
      vi.restoreAllMocks();
      const grouped = await importFiles(inThread, [folder], { reader: readInputBySize, eventWindowRows: 4000 });

      // Most files kept their rows in the window; settles (before the refused file's savepoint, and
      // at the group's end) corrected files already written; every way of counting ran.
      expect(kept).toBeGreaterThan(50);
      expect(settled.some((ignored) => ignored.size > 0)).toBe(true);
      expect(window!.ignoredBy.adjacent).toBeGreaterThan(0);
      expect(window!.ignoredBy.asked).toBeGreaterThan(0);

      expect(comparable(outcomes)).toEqual(comparable(grouped));
      const duplicates = outcomes.map((o) => (o.status === 'imported' ? o.record.duplicates : -1));
      expect(duplicates.filter((d) => d > 0).length).toBeGreaterThan(50);
      expect(outcomes.find((o) => o.file === 'a3-bulk.csv')).toMatchObject({ record: { duplicates: 50 } });
      expect(outcomes.find((o) => o.file === 'a5-bulk.csv')).toMatchObject({ record: { duplicates: 30 } });
      expect(outcomes.filter((o) => o.status === 'refused').map((o) => o.file)).toEqual(['b30-not-enrollment.csv']);
      expect(contentsOf(ahead)).toEqual(contentsOf(inThread));
    } finally {
      ahead.close();
      inThread.close();
    }
  }, 60_000);
});
