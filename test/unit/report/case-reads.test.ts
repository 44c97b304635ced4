/**
 * What a connection keeps of a case between two calls (report/case-reads.ts): the same numbers as
 * reading afresh, after many filters, after an import committed on another connection (the app's
 * worker), after this connection's own import, and inside a transaction of the caller's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeFindings } from '../../../src-main/findings/compute-findings';
import { gatherFindingsInput } from '../../../src-main/findings/gather';
import { computeFunnel } from '../../../src-main/funnel/funnel';
import { forgetKeptReads, keptReadCount } from '../../../src-main/report/case-reads';
import { computeReport } from '../../../src-main/report/compute-report';
import type { ReportFilter } from '../../../src-main/shared/report-types';
import { openCase } from '../../../src-main/store/case-file';
import { randomFilters } from '../../../src-main/tools/random-filters';
import { importRows, removeTempCases, tempCase, type Db } from '../../helpers/case-builder';
import { insertSyntheticEvents } from '../../helpers/generate-case';
import { rebuildAllAttempts } from '../../../src-main/attempts/refresh';

afterEach(removeTempCases);

/** What the window asks for after a filter change: the report, the funnel, the findings. */
const views = (db: Db, filter: ReportFilter) => ({
  report: computeReport(db, filter),
  funnel: computeFunnel(db, filter),
  findings: computeFindings(gatherFindingsInput(db, filter)),
});

/** A generated event log of 20 days, with details rows after it and summary rows for some of those days. */
function generatedCase(): Db {
  const db = tempCase();
  insertSyntheticEvents(db, { seed: 5, events: 8_000, days: 20, endDay: '2025-06-20' });
  db.transaction(() => rebuildAllAttempts(db))();
  const details = Array.from({ length: 40 }, (_, i) => ({
    user: `d${i}`,
    platform: i % 3 === 0 ? ('android' as const) : ('ios' as const),
    time: Date.parse('2025-06-21T00:00:00Z') + i * 3_600_000 * 3,
    userAction: 'Cancel' as const,
    action: i % 2 === 0 ? ('TermsofUse' as const) : ('PreEnrollmentWizard' as const),
  }));
  importRows(db, {
    details,
    summaries: [
      { day: '2025-06-22', platform: 'ios', initiated: 30, incomplete: 6 },
      { day: '2025-06-23', initiated: 25, incomplete: 5 },
    ],
  });
  return db;
}

const fresh = (db: Db, filter: ReportFilter) => {
  forgetKeptReads(db);
  return views(db, filter);
};

describe('reads kept between calls', () => {
  it('many filters in a row on one connection give what each gives read afresh', () => {
    const db = generatedCase();
    const filters = randomFilters(24, 3, '2025-05-28', '2025-06-26');
    const kept = filters.map((filter) => JSON.stringify(views(db, filter)));
    // The reads were kept: the last filter's days are there.
    expect(keptReadCount(db)).toBeGreaterThan(0);
    filters.forEach((filter, i) => expect(JSON.stringify(fresh(db, filter))).toBe(kept[i]));
  });

  it('an import committed on another connection is in the next numbers', () => {
    const db = tempCase();
    const path = db.name;
    importRows(db, {
      events: [
        { user: 'a', platform: 'ios', time: '2025-06-02T09:00:00', event: 'start' },
        { user: 'a', platform: 'ios', time: '2025-06-02T09:01:00', event: 'step', action: 'TermsofUse' },
        { user: 'a', platform: 'ios', time: '2025-06-02T09:02:00', event: 'declineall' },
      ],
    });
    const window = openCase(path, { create: false });
    try {
      const filter = { from: '2025-06-01', to: '2025-06-03' };
      const before = views(window, filter);
      expect(before.report.rollup.incomplete).toBe(1);
      expect(keptReadCount(window)).toBeGreaterThan(0);
      // The worker's connection imports more attempts on the same days.
      importRows(db, {
        events: [
          { user: 'b', platform: 'android', time: '2025-06-02T10:00:00', event: 'start' },
          { user: 'b', platform: 'android', time: '2025-06-02T10:01:00', event: 'step', action: 'AndroidPermissions' },
          { user: 'b', platform: 'android', time: '2025-06-02T10:03:00', event: 'cancel' },
          { user: 'c', platform: 'ios', time: '2025-06-03T10:00:00', event: 'start' },
        ],
      });
      const after = views(window, filter);
      expect(after.report.rollup.incomplete).toBe(2);
      expect(after.funnel.attempts).toBe(3);
      expect(JSON.stringify(after)).toBe(JSON.stringify(fresh(window, filter)));
    } finally {
      window.close();
    }
  });

  it("this connection's own import is in the next numbers", () => {
    const db = generatedCase();
    const filter = { from: '2025-06-10', to: '2025-06-20', tz: 'Europe/Berlin' };
    const before = views(db, filter);
    importRows(db, {
      details: [
        {
          user: 'late',
          platform: 'ios',
          time: '2025-06-15T12:00:00',
          userAction: 'Ignore',
          action: 'iOSProfileLaunch',
        },
      ],
    });
    const after = views(db, filter);
    expect(after.report.rollup.incomplete).toBe(before.report.rollup.incomplete + 1);
    expect(after.funnel.sections[1]!.incomplete).toBe(before.funnel.sections[1]!.incomplete + 1);
    expect(JSON.stringify(after)).toBe(JSON.stringify(fresh(db, filter)));
  });

  it("inside the caller's transaction nothing is kept, and rolled-back rows leave no trace", () => {
    const db = generatedCase();
    const filter = { from: '2025-06-10', to: '2025-06-20' };
    const before = JSON.stringify(views(db, filter));
    forgetKeptReads(db);
    db.exec('BEGIN');
    importRows(db, {
      details: [
        {
          user: 'gone',
          platform: 'ios',
          time: '2025-06-15T12:00:00',
          userAction: 'Ignore',
          action: 'iOSProfileLaunch',
        },
      ],
    });
    const inside = views(db, filter);
    expect(keptReadCount(db)).toBe(0);
    expect(inside.funnel.incomplete).toBe(JSON.parse(before).funnel.incomplete + 1);
    db.exec('ROLLBACK');
    expect(JSON.stringify(views(db, filter))).toBe(before);
  });
});
