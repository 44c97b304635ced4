/**
 * A worker that reaches its heap limit: the user reads one clear line, the file (or the files in
 * flight) is rolled back, the case is as before. Real workers with tiny heap limits, on a JSON
 * document (read whole, so its parse needs several times its size in heap).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { runImportInWorker } from '../../../src-main/workers/import-in-worker';
import { IMPORT_OUT_OF_MEMORY } from '../../../src-main/workers/memory-limit';
import { readInputInWorker, readInputInWorkerWith } from '../../../src-main/workers/parse-in-worker';
import { caseSnapshot } from '../../helpers/case-snapshot';
import { eventLogCsv } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-oom-');

/** A case holding one small import, and a JSON array of `events` events beside it. */
function setUp(events: number): { casePath: string; big: string; small: string } {
  const dir = temp();
  const casePath = join(dir, 'case.enrollscope');
  const first = join(dir, 'first.csv');
  writeFileSync(
    first,
    eventLogCsv([
      { time: '2025-06-02T08:00:00Z', user: 'ann@contoso.example', platform: 'iOS', event: 'start' },
      { time: '2025-06-02T08:01:00Z', user: 'ann@contoso.example', platform: 'iOS', event: 'complete' },
    ]),
  );
  const small = join(dir, 'small.csv');
  writeFileSync(
    small,
    eventLogCsv([{ time: '2025-06-03T09:00:00Z', user: 'bob@contoso.example', platform: 'Android', event: 'start' }]),
  );
  const rows: string[] = [];
  for (let i = 0; i < events; i++) {
    rows.push(
      JSON.stringify({
        timestamp: new Date(Date.UTC(2025, 5, 4) + i * 1000).toISOString(),
        userId: `user${i}@contoso.example`,
        deviceId: `device-${i}`,
        platform: i % 2 ? 'iOS' : 'Android',
        event: 'start',
      }),
    );
  }
  const big = join(dir, 'big.json');
  writeFileSync(big, `[${rows.join(',\n')}]`);
  return { casePath, big, small };
}

/** A heap limit too small for the worker to even load its code: it stops at its limit at once. */
const TOO_SMALL = { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 };

describe('running out of memory in a worker', () => {
  it('the parse worker: the file is refused with one line, the case is unchanged, the next file imports', async () => {
    const { casePath, big, small } = setUp(10);
    const db = openCase(casePath);
    try {
      const [first] = await importFiles(db, [join(casePath, '..', 'first.csv')]);
      expect(first?.status).toBe('imported');
      const before = caseSnapshot(db);

      let workers = 0;
      const outcomes = await importFiles(db, [big, small], {
        // The first file in a worker that runs out of memory, the next one in a worker with room.
        reader: (path, options) =>
          workers++ === 0 ? readInputInWorkerWith(TOO_SMALL, path, options) : readInputInWorker(path, options),
      });
      const [refused, next] = outcomes;
      expect(refused).toMatchObject({ file: 'big.json', status: 'refused' });
      const reason = refused?.status === 'refused' ? refused.reason : '';
      expect(reason).toMatch(/^the import ran out of memory after 0 rows of this file: nothing of it was stored; /);
      expect(reason).not.toMatch(/\n|heap|stack|ERR_/i);
      expect(next).toMatchObject({ file: 'small.csv', status: 'imported' });

      const after = caseSnapshot(db);
      expect(after.imports.map((record) => record.file)).toEqual(['first.csv', 'small.csv']);
      expect(after.counts.events).toBe(before.counts.events! + 1);
    } finally {
      db.close();
    }
  }, 60_000);

  it('a JSON document the heap has no room for is refused before it is parsed (a parse past the limit would abort)', async () => {
    const { casePath, big } = setUp(150_000);
    const db = openCase(casePath);
    try {
      await importFiles(db, [join(casePath, '..', 'first.csv')]);
      const before = caseSnapshot(db);
      const small = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };
      const [outcome] = await importFiles(db, [big], {
        reader: (path, options) => readInputInWorkerWith(small, path, options),
      });
      expect(outcome).toMatchObject({ file: 'big.json', status: 'refused' });
      expect(outcome?.status === 'refused' && outcome.reason).toMatch(
        /^reading this [\d.]+ MiB JSON document whole needs about [\d.]+ MiB of memory, more than the [\d.]+ (MiB|KiB|bytes) left: export it as CSV or NDJSON/,
      );
      expect(caseSnapshot(db)).toEqual(before);
      // With the default heap the same document imports.
      const [imported] = await importFiles(db, [big], { reader: readInputInWorker });
      expect(imported).toMatchObject({ status: 'imported', record: { imported: 150_000 } });
    } finally {
      db.close();
    }
  }, 60_000);

  it("the app's import worker: the import rejects with one clear line and the case is unchanged", async () => {
    const { casePath, small } = setUp(10);
    const db = openCase(casePath);
    await importFiles(db, [join(casePath, '..', 'first.csv')]);
    const before = caseSnapshot(db);
    db.close();

    await expect(runImportInWorker(casePath, [small], { resourceLimits: TOO_SMALL })).rejects.toThrow(
      IMPORT_OUT_OF_MEMORY,
    );

    const reopened = openCase(casePath, { create: false });
    try {
      expect(caseSnapshot(reopened)).toEqual(before);
    } finally {
      reopened.close();
    }
  }, 60_000);
});
