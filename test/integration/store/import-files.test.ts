import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { importFiles, type InputReader } from '../../../src-main/store/import-files';
import { listImports } from '../../../src-main/store/imports';
import { readInput } from '../../../src-main/import/read-input';
import { readInputInWorker } from '../../../src-main/workers/parse-in-worker';
import { completedAttempt, ignoredProfileAttempt, writeEventLog, type TestEvent } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';

const counts = (db: CaseDb): Record<string, number> =>
  Object.fromEntries(
    ['imports', 'events', 'details', 'summaries', 'attempts', 'users', 'attempt_buckets'].map((table) => [
      table,
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  );

const abandoned = ignoredProfileAttempt('ann@contoso.example', 'iOS', '2025-06-02T09:00:00Z');

describe.each<[string, InputReader]>([
  ['in this thread', readInput],
  ['in a parse worker', readInputInWorker],
])('importFiles, reading %s', (_label, reader) => {
  const temp = useTempDir();

  it('stores an event log, counts its rows and builds attempts', async () => {
    const db = openCase(join(temp(), 'case.enrollscope'));
    const file = writeEventLog(join(temp(), 'log.csv'), [
      ...completedAttempt('bob@contoso.example', 'Android', '2025-06-01T10:00:00Z'),
      ...abandoned,
    ]);
    const [outcome] = await importFiles(db, [file], { reader });
    expect(outcome?.status).toBe('imported');
    if (outcome?.status !== 'imported') return;
    expect(outcome.record).toMatchObject({
      file: 'log.csv',
      format: 'event-log/csv',
      rows: 8,
      imported: 8,
      duplicates: 0,
      skipped: {},
    });
    expect(outcome.record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(counts(db)).toMatchObject({ imports: 1, events: 8, attempts: 2, users: 2 });
    db.close();
  });

  it('refuses the same bytes again, naming the earlier import, and changes nothing', async () => {
    const db = openCase(join(temp(), 'case.enrollscope'));
    const file = writeEventLog(join(temp(), 'log.csv'), abandoned);
    await importFiles(db, [file], { reader });
    const before = counts(db);
    const copy = writeEventLog(join(temp(), 'copy-of-log.csv'), abandoned);
    const [outcome] = await importFiles(db, [copy], { reader });
    expect(outcome).toMatchObject({ status: 'refused', file: 'copy-of-log.csv' });
    expect(outcome?.status === 'refused' && outcome.reason).toMatch(/already imported as import #1 \(log\.csv, /);
    expect(counts(db)).toEqual(before);
    db.close();
  });

  it('stores identical rows once and counts them as duplicates', async () => {
    const db = openCase(join(temp(), 'case.enrollscope'));
    const first = writeEventLog(join(temp(), 'week1.csv'), abandoned);
    const overlap = writeEventLog(
      join(temp(), 'week1-and-2.ndjson'),
      [...abandoned, ...completedAttempt('cy@contoso.example', 'iPadOS', '2025-06-09T08:00:00Z')],
      'ndjson',
    );
    await importFiles(db, [first, overlap], { reader });
    const [, second] = listImports(db);
    expect(second).toMatchObject({ format: 'event-log/ndjson', rows: 8, imported: 5, duplicates: 3 });
    expect(counts(db)).toMatchObject({ events: 8, attempts: 2 });
    db.close();
  });

  it('refuses an unreadable file whole and keeps the case as it was', async () => {
    const db = openCase(join(temp(), 'case.enrollscope'));
    await importFiles(db, [writeEventLog(join(temp(), 'good.csv'), abandoned)], { reader });
    const before = counts(db);
    const bad = join(temp(), 'bad.json');
    writeFileSync(bad, '[{"timestamp":"2025-06-03T10:00:00Z","upn":"dee","platform":"iOS","event":"start"},{"timest');
    const [outcome] = await importFiles(db, [bad], { reader });
    expect(outcome?.status).toBe('refused');
    expect(outcome?.status === 'refused' && outcome.reason).toMatch(/JSON/i);
    expect(counts(db)).toEqual(before);
    db.close();
  });

  it('keeps nothing of a cancelled import', async () => {
    const db = openCase(join(temp(), 'case.enrollscope'));
    const events: TestEvent[] = [];
    for (let u = 0; u < 3000; u++)
      events.push(
        ...completedAttempt(
          `user${u}@contoso.example`,
          u % 2 ? 'iOS' : 'Android',
          `2025-06-${String(1 + (u % 28)).padStart(2, '0')}T10:00:00Z`,
        ),
      );
    const file = writeEventLog(join(temp(), 'big.csv'), events);
    const controller = new AbortController();
    const outcomes = await importFiles(db, [file], {
      reader,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.rows > 0) controller.abort();
      },
    });
    expect(outcomes).toEqual([{ file: 'big.csv', status: 'cancelled' }]);
    expect(counts(db)).toMatchObject({ imports: 0, events: 0, attempts: 0, users: 0 });
    db.close();
  });

  it('reads folders and reports missing paths', async () => {
    const db = openCase(join(temp(), 'case.enrollscope'));
    const folder = join(temp(), 'dropped');
    mkdirSync(folder);
    writeEventLog(join(folder, 'a.csv'), abandoned);
    writeEventLog(join(folder, 'b.csv'), completedAttempt('eve@contoso.example', 'Android', '2025-06-05T12:00:00Z'));
    writeFileSync(join(folder, '.DS_Store'), 'junk');
    const outcomes = await importFiles(db, [folder, join(folder, 'nope.csv')], { reader });
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['nope.csv', 'refused'],
      ['a.csv', 'imported'],
      ['b.csv', 'imported'],
    ]);
    db.close();
  });
});
