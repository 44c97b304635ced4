/**
 * Pins the plan of the report's aggregate query: one primary-key range search of attempt_buckets
 * per day, never a scan of attempts or events (p95 < 30 ms on a 5M-event case depends on it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BUCKET_QUERY } from '../../../src-main/report/aggregate';
import { removeTempCases, tempCase } from '../../helpers/case-builder';
import { generateEvents } from '../../helpers/generate-case';
import { rebuildAllAttempts } from '../../../src-main/attempts/refresh';
import { computeReport } from '../../../src-main/report/compute-report';

afterEach(removeTempCases);

describe('report query plan', () => {
  it('searches attempt_buckets by its primary key once per day, without a sorter', () => {
    const db = tempCase();
    db.prepare("INSERT INTO imports VALUES (1, 'g', 0, 'x', 'event-log', 'g', '', 0, 0, 0, '{}', '[]')").run();
    db.transaction(() => {
      generateEvents(db, { events: 5_000, days: 30 });
      rebuildAllAttempts(db);
    })();
    db.exec('ANALYZE');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${BUCKET_QUERY}`).all('[[0,96]]') as { detail: string }[]).map(
      (row) => row.detail,
    );
    expect(plan).toEqual([
      expect.stringMatching(/^SCAN d VIRTUAL TABLE/),
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH b USING PRIMARY KEY (bucket>? AND bucket<?)',
    ]);
  });

  it('reads attempt_buckets only: the report does not change when attempts are hidden from it', () => {
    const db = tempCase();
    db.prepare("INSERT INTO imports VALUES (1, 'g', 0, 'x', 'event-log', 'g', '', 0, 0, 0, '{}', '[]')").run();
    db.transaction(() => {
      generateEvents(db, { events: 2_000, days: 10, startMs: Date.UTC(2025, 5, 1) });
      rebuildAllAttempts(db);
    })();
    const filter = { from: '2025-06-01', to: '2025-06-10', tz: 'Europe/Berlin' };
    const before = computeReport(db, filter);
    db.exec('DELETE FROM attempts');
    expect(computeReport(db, filter)).toEqual(before);
  });
});
