/**
 * The command line's temporary case (`report FILE` without --db) is opened without crash safety:
 * its journal in memory, nothing synced (store/case-file.ts, `throwaway`). A file refused half-way
 * must still be rolled back to its savepoint there, and the report must be that of a case kept
 * with --db.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { readInputInWorker } from '../../../src-main/workers/parse-in-worker';
import { completedAttempt, eventLogCsv, type TestEvent } from '../../helpers/event-log';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-temporary-');

/** Attempts of many users, in time order, ten minutes apart. */
function attempts(users: number, from: string): TestEvent[] {
  const start = Date.parse(from);
  return Array.from({ length: users }, (_, u) =>
    completedAttempt(
      `user${u}@contoso.example`,
      u % 3 ? 'iOS' : 'Android',
      new Date(start + u * 600_000).toISOString(),
    ),
  )
    .flat()
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

const withoutTimes = (report: unknown): unknown =>
  JSON.parse(JSON.stringify(report, (key, value: unknown) => (key === 'importedAt' ? '' : value)));

describe('the temporary case', () => {
  it('rolls back a file refused half-way as a kept case does, and reports the same', async () => {
    const dir = temp();
    const good = join(dir, 'a-good.csv');
    writeFileSync(good, eventLogCsv(attempts(300, '2025-06-02T08:00:00Z')));
    // Over two batches of rows (inserted in windows of 100 before the refusal), then an unterminated quote.
    const broken = join(dir, 'b-broken.csv');
    writeFileSync(
      broken,
      `${eventLogCsv(attempts(1200, '2025-06-10T08:00:00Z'))}2025-06-19T08:00:00Z,"never closed,x,iOS,start,,\r\n`,
    );
    const after = join(dir, 'c-after.csv');
    writeFileSync(after, eventLogCsv(attempts(200, '2025-06-20T08:00:00Z')));

    const outcomesOf = async (db: CaseDb) => {
      const outcomes = await importFiles(db, [good, broken, after], {
        reader: readInputInWorker,
        eventWindowRows: 100,
      });
      return {
        outcomes,
        report: computeReport(db),
        events: db.prepare('SELECT * FROM events ORDER BY seq').raw().all(),
      };
    };
    const throwaway = openCase(join(dir, 'throwaway.enrollscope'), { throwaway: true });
    const kept = openCase(join(dir, 'kept.enrollscope'));
    try {
      expect(throwaway.pragma('journal_mode', { simple: true })).toBe('memory');
      expect(throwaway.pragma('synchronous', { simple: true })).toBe(0);
      expect(kept.pragma('journal_mode', { simple: true })).toBe('wal');
      const a = await outcomesOf(throwaway);
      const b = await outcomesOf(kept);
      expect(a.outcomes.map((o) => o.status)).toEqual(['imported', 'refused', 'imported']);
      // The broken file's rows reached SQLite before the refusal: its savepoint rolled them back.
      expect(a.events.length).toBe(
        a.outcomes.reduce((sum, o) => sum + (o.status === 'imported' ? o.record.imported : 0), 0),
      );
      expect(withoutTimes(a)).toEqual(withoutTimes(b));
    } finally {
      throwaway.close();
      kept.close();
    }
  }, 60_000);

  it('is never made of a case that exists (its file is kept in WAL mode)', () => {
    const dir = temp();
    const path = join(dir, 'case.enrollscope');
    openCase(path).close();
    const again = openCase(path, { throwaway: true });
    try {
      expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      again.close();
    }
  });

  it('gives `report FILE` the report of `report --db CASE`', () => {
    const dir = temp();
    const files = [0, 1].map((k) => {
      const path = join(dir, `log-${k}.csv`);
      writeFileSync(path, eventLogCsv(attempts(150, `2025-06-0${2 + k}T08:00:00Z`)));
      return path;
    });
    const temporary = runCli(['report', ...files, '--format', 'json']);
    const kept = runCli(['report', ...files, '--db', join(dir, 'kept.enrollscope'), '--format', 'json']);
    expect(temporary.code).toBe(0);
    expect(kept.code).toBe(0);
    expect(withoutTimes(JSON.parse(temporary.stdout))).toEqual(withoutTimes(JSON.parse(kept.stdout)));
  }, 60_000);
});
