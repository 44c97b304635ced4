import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DetailsBatch, EventBatch, RecordBatch } from '../../../src-main/import/records';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { BatchCoder, StringCoder, isCoded, ownCopy, transferablesOf } from '../../../src-main/store/coded-batch';
import { ROWS_PER_STATEMENT } from '../../../src-main/store/bulk-insert';
import { RowWriter, createInterners } from '../../../src-main/store/row-writer';
import { useTempDir } from '../../helpers/temp-dir';

function eventBatch(
  rows: { user: string; device?: string; screen?: string; time?: number; platform?: number }[],
  firstLine = 2,
): EventBatch {
  const n = rows.length;
  return {
    kind: 'event-log',
    count: n,
    line: Int32Array.from(rows, (_, i) => firstLine + i),
    time: Float64Array.from(rows, (r, i) => r.time ?? Date.UTC(2025, 5, 1) + i * 60_000),
    platform: Uint8Array.from(rows, (r) => r.platform ?? 1),
    event: Uint8Array.from(rows, () => 2),
    action: Uint8Array.from(rows, () => 1),
    user: rows.map((r) => r.user),
    device: rows.map((r) => r.device ?? ''),
    screen: rows.map((r) => r.screen ?? ''),
  };
}

describe('StringCoder', () => {
  it('codes strings in first-seen order across batches, sending each new string once', () => {
    const coder = new StringCoder();
    const first = coder.code(['ann', 'bob', 'ann', '']);
    expect([...first.codes]).toEqual([0, 1, 0, 2]);
    expect(first.added).toEqual(['ann', 'bob', '']);
    const second = coder.code(['', 'cy', 'bob']);
    expect([...second.codes]).toEqual([2, 3, 1]);
    expect(second.added).toEqual(['cy']);
  });

  it('keeps its keys as strings of their own, equal to the originals', () => {
    const piece = `${'x'.repeat(10_000)}user-with-a-long-name@contoso.example`;
    const field = piece.slice(10_000);
    expect(ownCopy(field)).toBe(field);
    expect(ownCopy('short')).toBe('short');
    expect(ownCopy('')).toBe('');
  });
});

describe('BatchCoder', () => {
  it('codes event batches so that the strings come back exactly, and passes other batches through', () => {
    const coder = new BatchCoder();
    const batch = eventBatch([
      { user: 'ann', device: 'd1', screen: 's' },
      { user: 'bob' },
      { user: 'ann', device: 'd1' },
    ]);
    const coded = coder.code(batch);
    expect(isCoded(coded)).toBe(true);
    if (!isCoded(coded)) return;
    const dictionary = (added: readonly string[]): string[] => [...added];
    expect([...coded.user.codes].map((c) => dictionary(coded.user.added)[c])).toEqual(batch.user);
    expect([...coded.device.codes].map((c) => dictionary(coded.device.added)[c])).toEqual(batch.device);
    expect([...coded.screen.codes].map((c) => dictionary(coded.screen.added)[c])).toEqual(batch.screen);
    expect(coded.time).toBe(batch.time);

    const summary: RecordBatch = { kind: 'summary', rows: [] };
    expect(coder.code(summary)).toBe(summary);
  });

  it('transfers every column of a coded batch, each buffer once', () => {
    const coded = new BatchCoder().code(eventBatch([{ user: 'ann' }, { user: 'bob' }]));
    const buffers = transferablesOf(coded);
    expect(buffers).toHaveLength(8);
    expect(new Set(buffers).size).toBe(8);
  });
});

function detailsBatch(users: string[]): DetailsBatch {
  return {
    kind: 'details',
    count: users.length,
    line: Int32Array.from(users, (_, i) => 2 + i),
    time: Float64Array.from(users, (_, i) => Date.UTC(2025, 5, 1) + (i % 5) * 60_000),
    platform: Uint8Array.from(users, (_, i) => 1 + (i % 2)),
    action: Uint8Array.from(users, (_, i) => i % 3),
    userAction: Uint8Array.from(users, () => 1),
    user: users,
    device: users.map((_, i) => (i % 2 ? `device-${i % 4}` : '')),
    screen: users.map((_, i) => (i % 3 ? '' : 'Installing profile screen')),
  };
}

describe('RowWriter', () => {
  const temp = useTempDir();

  const snapshot = (db: CaseDb): unknown => ({
    events: db.prepare('SELECT * FROM events ORDER BY 1, 2, 3, 4, 5, 6, 7').raw().all(),
    users: db.prepare('SELECT * FROM users ORDER BY id').raw().all(),
    devices: db.prepare('SELECT * FROM devices ORDER BY id').raw().all(),
    screens: db.prepare('SELECT * FROM screens ORDER BY id').raw().all(),
  });

  /** Rows spread over two batches and over more than one statement, with duplicates in and across batches. */
  function batches(): EventBatch[] {
    // Rows 400 and later repeat rows 0.. (duplicates).
    const rows = Array.from({ length: ROWS_PER_STATEMENT + 37 }, (_, i) => i % 400).map((k) => ({
      user: `user${k % 53}@contoso.example`,
      device: k % 3 === 0 ? '' : `device-${k % 61}`,
      screen: k % 4 === 0 ? '' : `Screen number ${k % 7}`,
      time: Date.UTC(2025, 5, 1) + k * 60_000,
      platform: 1 + (k % 2),
    }));
    return [eventBatch(rows.slice(0, 300)), eventBatch(rows.slice(300), 302)];
  }

  function write(
    coded: boolean,
    kept?: number,
  ): {
    db: CaseDb;
    counts: { stored: number; duplicates: number };
    groups: [number, number][];
    restarts: number;
  } {
    const db = openCase(join(temp(), `case-${coded}-${kept}.enrollscope`));
    db.exec('BEGIN');
    const writer = new RowWriter(db, 1, createInterners(db));
    const coder = new BatchCoder(kept);
    let restarts = 0;
    // Small batches, so that a coder keeping few strings restarts between them.
    const small = batches().flatMap((b) =>
      Array.from({ length: Math.ceil(b.count / 40) }, (_, k) => slice(b, k * 40, 40)),
    );
    for (const batch of small) {
      const written = coded ? coder.code(batch) : batch;
      if (isCoded(written) && written.user.restart) restarts++;
      writer.write(written);
    }
    const counts = writer.finish();
    db.exec('COMMIT');
    return { db, counts, groups: [...writer.eventGroups.values()], restarts };
  }

  function slice(b: EventBatch, from: number, n: number): EventBatch {
    const to = Math.min(b.count, from + n);
    return {
      ...b,
      count: to - from,
      line: b.line.slice(from, to),
      time: b.time.slice(from, to),
      platform: b.platform.slice(from, to),
      event: b.event.slice(from, to),
      action: b.action.slice(from, to),
      user: b.user.slice(from, to),
      device: b.device.slice(from, to),
      screen: b.screen.slice(from, to),
    };
  }

  it('stores coded details batches exactly as batches of strings', () => {
    const users = Array.from({ length: 20 }, (_, i) => `user${i % 7}@contoso.example`);
    const results = [false, true].map((coded) => {
      const db = openCase(join(temp(), `details-${coded}.enrollscope`));
      db.exec('BEGIN');
      const writer = new RowWriter(db, 1, createInterners(db));
      const coder = new BatchCoder();
      // The second batch repeats the first: every row of it is a duplicate.
      for (const part of [users, users]) {
        const batch = detailsBatch(part);
        writer.write(coded ? coder.code(batch) : batch);
      }
      const counts = writer.finish();
      db.exec('COMMIT');
      const rows = db.prepare('SELECT * FROM details ORDER BY 1, 2, 3, 4, 5, 6, 7').raw().all();
      db.close();
      return { counts, rows };
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.counts.duplicates).toBeGreaterThan(0);
  });

  it('stores coded batches exactly as it stores batches of strings, duplicates and groups included', () => {
    const plain = write(false);
    const coded = write(true);
    expect(coded.counts).toEqual(plain.counts);
    expect(plain.counts.duplicates).toBeGreaterThan(0);
    expect(plain.counts.stored + plain.counts.duplicates).toBe(ROWS_PER_STATEMENT + 37);
    expect(snapshot(coded.db)).toEqual(snapshot(plain.db));
    expect(coded.groups).toEqual(plain.groups);
    const pairs = new Set(batches().flatMap((b) => b.user.map((user, i) => `${user}/${b.platform[i]}`)));
    expect(plain.groups).toHaveLength(pairs.size);
    plain.db.close();
    coded.db.close();
  });

  it('a coder that keeps few strings starts its codes again, and the rows stored are the same', () => {
    const plain = write(false);
    const coded = write(true, 20);
    // Bounded memory: the coder forgot its strings several times (53 users, 61 devices, 20 kept).
    expect(coded.restarts).toBeGreaterThan(2);
    expect(coded.counts).toEqual(plain.counts);
    expect(snapshot(coded.db)).toEqual(snapshot(plain.db));
    expect(coded.groups).toEqual(plain.groups);
    plain.db.close();
    coded.db.close();
  });
});
