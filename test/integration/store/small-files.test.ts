/**
 * A folder of many small files imports to the same case as one file with the same rows: stored in
 * groups (one transaction and one attempts refresh per group, a savepoint per file), a refused file
 * leaves the rest of its group, a cancel drops the group in flight whole. Attempts that span files
 * come out as from the single file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import type { ImportProgress } from '../../../src-main/shared/import-types';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { readInputBySize } from '../../../src-main/workers/parse-in-worker';
import { eventLogCsv, type TestEvent } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-small-files-');
const FILES = 240;
const ROWS = 6;

/** Users whose attempts run across two or three consecutive files; some abandon, some complete. */
function events(): TestEvent[] {
  const out: TestEvent[] = [];
  const steps = ['start', 'step', 'step', 'step', 'declineAll', 'complete'];
  const actions = ['', 'EnrollmentWrapUp', 'iOSProfileLaunch', 'TermsofUse', 'TermsofUse', ''];
  for (let i = 0; i < FILES * ROWS; i++) {
    const user = Math.floor(i / 5);
    const k = i % 5;
    const event = k === 4 && user % 2 === 0 ? 'complete' : steps[k]!;
    out.push({
      time: new Date(Date.UTC(2025, 5, 2, 8) + i * 60_000).toISOString(),
      user: `user${user}@contoso.example`,
      platform: user % 3 === 0 ? 'Android' : 'iOS',
      event,
      action: event === 'complete' ? '' : actions[k]!,
      device: `dev${user}`,
    });
  }
  return out;
}

function writeFolder(name: string, all: readonly TestEvent[]): string {
  const folder = join(temp(), name);
  mkdirSync(folder);
  for (let f = 0; f < FILES; f++) {
    writeFileSync(
      join(folder, `part-${String(f).padStart(4, '0')}.csv`),
      eventLogCsv(all.slice(f * ROWS, (f + 1) * ROWS)),
    );
  }
  return folder;
}

const FILTER = { from: '2025-06-01', to: '2025-06-05', tz: 'UTC' };
const attemptsOf = (db: CaseDb): unknown[] =>
  db
    .prepare(
      'SELECT user_id, platform, device_id, start_ms, end_ms, outcome, combo_id, reached, source FROM attempts ORDER BY 1, 2, 4',
    )
    .raw()
    .all();
const bucketsOf = (db: CaseDb): unknown[] =>
  db.prepare('SELECT * FROM attempt_buckets ORDER BY 1, 2, 3, 4').raw().all();
const sectionsOf = (db: CaseDb): unknown => {
  const { imports: _imports, ...rest } = computeReport(db, FILTER);
  return rest;
};

describe('many small files', () => {
  it('import to the same attempts and report as one file with the same rows, in groups', async () => {
    const all = events();
    const folder = writeFolder('many', all);
    const single = join(temp(), 'one.csv');
    writeFileSync(single, eventLogCsv(all));

    const many = openCase(join(temp(), 'many.enrollscope'));
    const one = openCase(join(temp(), 'one.enrollscope'));
    try {
      const phases: ImportProgress['phase'][] = [];
      const outcomes = await importFiles(many, [folder], {
        reader: readInputBySize,
        onProgress: (p) => phases.push(p.phase),
      });
      expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(FILES);
      // One attempts refresh for the whole group, not one per file: the grouped path ran.
      expect(phases.filter((phase) => phase === 'attempts')).toHaveLength(1);
      expect(phases.filter((phase) => phase === 'done')).toHaveLength(FILES);
      await importFiles(one, [single], { reader: readInputBySize });

      expect(attemptsOf(many).length).toBeGreaterThan(FILES / 2);
      expect(attemptsOf(many)).toEqual(attemptsOf(one));
      expect(bucketsOf(many)).toEqual(bucketsOf(one));
      expect(sectionsOf(many)).toEqual(sectionsOf(one));
    } finally {
      many.close();
      one.close();
    }
  });

  it('a refused file or a duplicate leaves the rest of its group', async () => {
    const all = events();
    const folder = writeFolder('with-bad', all);
    writeFileSync(join(folder, 'part-0100-bad.csv'), 'not,an,enrollment,file\n1,2,3,4\n');
    writeFileSync(join(folder, 'part-0101-again.csv'), eventLogCsv(all.slice(100 * ROWS, 101 * ROWS)));
    const db = openCase(join(temp(), 'bad.enrollscope'));
    const clean = openCase(join(temp(), 'clean.enrollscope'));
    try {
      const outcomes = await importFiles(db, [folder], { reader: readInputBySize });
      const refused = outcomes.filter((o) => o.status === 'refused');
      expect(refused.map((o) => o.file)).toEqual(['part-0100-bad.csv', 'part-0101-again.csv']);
      expect(refused[1]).toMatchObject({
        reason: expect.stringMatching(/^already imported as import #101 \(part-0100\.csv/),
      });
      expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(FILES);
      await importFiles(clean, [writeFolder('clean', all)], { reader: readInputBySize });
      expect(attemptsOf(db)).toEqual(attemptsOf(clean));
      expect(db.prepare("SELECT count(*) FROM imports WHERE sha256 LIKE 'pending:%'").pluck().get()).toBe(0);
    } finally {
      db.close();
      clean.close();
    }
  });

  it('cancelled in the middle of a group: the whole group is rolled back and reported cancelled', async () => {
    const folder = writeFolder('cancel', events());
    const db = openCase(join(temp(), 'cancel.enrollscope'));
    try {
      const controller = new AbortController();
      let stored = 0;
      const outcomes = await importFiles(db, [folder], {
        reader: readInputBySize,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'reading' && p.rows > 0 && ++stored === 50) controller.abort();
        },
      });
      expect(stored).toBeGreaterThanOrEqual(50);
      expect(outcomes).toHaveLength(FILES);
      expect(outcomes.every((o) => o.status === 'cancelled')).toBe(true);
      expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
