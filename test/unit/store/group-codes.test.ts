/**
 * A group's files coded once (GroupCoder in the worker, GroupCodes in the storing thread) store
 * exactly what coding each file anew stores: the same strings with the same ids, the same rows,
 * through a file rolled back to its savepoint, a batch passed over unwritten, a file coded from its
 * bytes (its own codes) and a coder that starts its codes again. Real case files, the production RowWriter.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodedEventBatch, EventBatch } from '../../../src-main/import/records';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { BatchCoder, GroupCoder, StringCoder } from '../../../src-main/store/coded-batch';
import { GroupCodes } from '../../../src-main/store/group-codes';
import { RowWriter, createInterners, type Interners } from '../../../src-main/store/row-writer';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-group-codes-');

interface Row {
  user: string;
  device: string;
  screen: string;
}

function eventBatch(rows: readonly Row[], minute: number): EventBatch {
  return {
    kind: 'event-log',
    count: rows.length,
    line: Int32Array.from(rows, (_, i) => 2 + i),
    time: Float64Array.from(rows, (_, i) => Date.UTC(2025, 5, 1) + (minute + i) * 60_000),
    platform: Uint8Array.from(rows, (_, i) => 1 + (i % 2)),
    event: Uint8Array.from(rows, () => 2),
    action: Uint8Array.from(rows, () => 1),
    user: rows.map((r) => r.user),
    device: rows.map((r) => r.device),
    screen: rows.map((r) => r.screen),
  };
}

const row = (u: number, d: number, s: number): Row => ({
  user: `user${u}@contoso.example`,
  device: d === 0 ? '' : `device-${d}`,
  screen: s === 0 ? '' : `Screen ${s}`,
});

/**
 * A file: its batches, what becomes of it (stored, rolled back, or passed over after its first
 * batch), and whether its reader coded it from its bytes (codes of its own, as the byte path's).
 */
interface TestFile {
  batches: EventBatch[];
  fate: 'stored' | 'rolled back' | 'passed over';
  fromBytes?: true;
}

/** Files whose strings come back across files, one rolled back and one passed over half-way. */
function files(): TestFile[] {
  const batch = (first: number, n: number, minute: number): EventBatch =>
    eventBatch(
      Array.from({ length: n }, (_, i) => row((first + i) % 9, (first + 2 * i) % 5, i % 3)),
      minute,
    );
  return [
    { batches: [batch(0, 6, 0)], fate: 'stored' },
    { batches: [batch(3, 6, 100), batch(20, 3, 110)], fate: 'stored' },
    // New strings in a file rolled back: their ids no longer exist; later files bring them again.
    { batches: [eventBatch([row(50, 7, 0), row(51, 1, 1), row(4, 8, 2)], 200)], fate: 'rolled back' },
    { batches: [batch(41, 4, 300), eventBatch([row(1, 1, 0), row(51, 8, 1), row(50, 7, 2)], 310)], fate: 'stored' },
    // Its second batch is never written: its strings are registered all the same.
    { batches: [batch(60, 3, 400), batch(70, 4, 410)], fate: 'passed over' },
    { batches: [batch(70, 4, 500), batch(61, 2, 510)], fate: 'stored' },
    // Coded from its bytes: its own codes, new strings among them (user80...).
    { batches: [batch(80, 5, 600), batch(2, 4, 610)], fate: 'stored', fromBytes: true },
    { batches: [batch(82, 4, 700)], fate: 'stored' },
  ];
}

function forgetIds(interners: Interners): void {
  interners.users.forget();
  interners.devices.forget();
  interners.screens.forget();
}

/**
 * Stores the files as import-files.ts does, each in a savepoint: with a coder per file (as before)
 * or one GroupCoder whose batches go through GroupCodes (registered as read, resolved as written).
 */
function store(db: CaseDb, group: boolean, kept?: number): { codes?: GroupCodes; ownBatches: number } {
  let ownBatches = 0;
  const interners = createInterners(db);
  const groupCoder = group ? new GroupCoder(kept) : undefined;
  const codes = group ? new GroupCodes() : undefined;
  db.exec('BEGIN');
  files().forEach((file, f) => {
    db.exec('SAVEPOINT import_file');
    const writer = new RowWriter(db, f + 1, interners, { codes });
    const own = new BatchCoder(kept);
    const coder = groupCoder ?? own;
    file.batches.forEach((batch, b) => {
      const read = file.fromBytes ? (own.code(batch) as CodedEventBatch) : batch;
      const coded = coder.code(read) as CodedEventBatch;
      // As ParseSession registers what it takes: the group's codes only.
      if (coded.user.shared) codes?.register(coded);
      else ownBatches++;
      if (file.fate !== 'passed over' || b === 0) writer.write(coded);
    });
    writer.finish();
    if (file.fate === 'stored') {
      db.exec('RELEASE import_file');
    } else {
      db.exec('ROLLBACK TO import_file; RELEASE import_file');
      forgetIds(interners);
    }
  });
  db.exec('COMMIT');
  return { codes, ownBatches };
}

const contents = (db: CaseDb): unknown => ({
  events: db.prepare('SELECT * FROM events ORDER BY seq').raw().all(),
  users: db.prepare('SELECT * FROM users ORDER BY id').raw().all(),
  devices: db.prepare('SELECT * FROM devices ORDER BY id').raw().all(),
  screens: db.prepare('SELECT * FROM screens ORDER BY id').raw().all(),
});

describe('string codes shared by a group of files', () => {
  it('store the same strings, ids and rows as coding each file anew, through a rollback and a batch passed over', () => {
    const perFile = openCase(join(temp(), 'per-file.enrollscope'));
    const grouped = openCase(join(temp(), 'grouped.enrollscope'));
    try {
      store(perFile, false);
      const { codes, ownBatches } = store(grouped, true);
      // The batches coded from their bytes kept their own codes (the group coder passed them on).
      expect(ownBatches).toBe(2);
      expect(contents(grouped)).toEqual(contents(perFile));
      // After the rollback (and the batch passed over) codes were resolved one by one.
      expect(codes!.users.scans).toBeGreaterThan(0);
      // Strings first met in the rolled-back file get their ids in the order the next file meets
      // them (user51, then user50), after the nine users stored before.
      const ids = grouped.prepare('SELECT id FROM users WHERE name IN (?, ?) ORDER BY name').pluck();
      expect(ids.all('user50@contoso.example', 'user51@contoso.example')).toEqual([11, 10]);
      expect((perFile.prepare('SELECT count(*) FROM events').pluck().get() as number) > 20).toBe(true);
    } finally {
      perFile.close();
      grouped.close();
    }
  });

  it('the same when the group coder starts its codes again between batches', () => {
    const perFile = openCase(join(temp(), 'per-file-kept.enrollscope'));
    const grouped = openCase(join(temp(), 'grouped-kept.enrollscope'));
    try {
      store(perFile, false, 5);
      store(grouped, true, 5);
      expect(contents(grouped)).toEqual(contents(perFile));
    } finally {
      perFile.close();
      grouped.close();
    }
  });

  it('resolves a batch whose earlier codes all have ids by its new strings alone', () => {
    const db = openCase(join(temp(), 'fast.enrollscope'));
    try {
      const codes = new GroupCodes();
      const interners = createInterners(db);
      const coder = new GroupCoder();
      db.exec('BEGIN');
      for (const [f, minute] of [0, 100, 200].entries()) {
        const writer = new RowWriter(db, f + 1, interners, { codes });
        const batch = coder.code(eventBatch([row(f, f, 1), row(0, 0, 1)], minute)) as CodedEventBatch;
        expect(batch.user.shared).toBe(true);
        codes.register(batch);
        writer.write(batch);
        writer.finish();
        // A file's strings seen in an earlier file are not sent again.
        if (f > 0) expect(batch.user.added).toEqual([`user${f}@contoso.example`]);
      }
      db.exec('COMMIT');
      expect(codes.users.scans).toBe(0);
      expect(db.prepare('SELECT name FROM users ORDER BY id').pluck().all()).toEqual(
        [0, 1, 2].map((u) => `user${u}@contoso.example`),
      );
    } finally {
      db.close();
    }
  });
});

describe('a column coded', () => {
  it('gives a string its code wherever it comes (after itself, after others), and sends it once', () => {
    const coder = new StringCoder();
    const texts = ['a', 'a', 'b', 'a', 'b', 'b', 'c', 'a'].map((text) => `${text}@contoso.example`);
    const first = coder.code(texts);
    expect([...first.codes]).toEqual([0, 0, 1, 0, 1, 1, 2, 0]);
    expect(first.added).toEqual(['a', 'b', 'c'].map((text) => `${text}@contoso.example`));
    // The next batch continues the codes: a string seen before is not sent again, a run of one neither.
    const second = coder.code(['c', 'c', 'd', 'd', 'a'].map((text) => `${text}@contoso.example`));
    expect([...second.codes]).toEqual([2, 2, 3, 3, 0]);
    expect(second.added).toEqual(['d@contoso.example']);
    expect(new StringCoder(undefined, true).code(['x', 'x']).shared).toBe(true);
  });
});
