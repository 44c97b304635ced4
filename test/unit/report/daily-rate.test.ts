/**
 * The report's daily rate (`dailyRate`) on real case files: each day's Incomplete as the roll-up
 * counts it, its Initiated only when every selected platform's cell is known, and no rate (never
 * 0%) where Initiated is unknown or zero. Numbers checked by hand in the comments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import { importRows, removeTempCases, tempCase, type DetailsInput } from '../../helpers/case-builder';

afterEach(removeTempCases);

const cancel = (user: string, time: string, platform: 'ios' | 'android' = 'ios'): DetailsInput => ({
  user,
  time,
  platform,
  userAction: 'Cancel',
  action: 'EnrollmentWrapUp',
});

const JUNE_1_4 = { from: '2025-06-01', to: '2025-06-04' };

describe('dailyRate', () => {
  it('is known per day only where every selected platform is known; the days add up to the roll-up', () => {
    const db = tempCase();
    importRows(db, {
      summaries: [
        // 06-01: both platforms, no attempts: 30 of 100 (from the summary).
        { day: '2025-06-01', initiated: 100, incomplete: 30 },
        // 06-02: iOS only (Android unknown), one iOS attempt.
        { day: '2025-06-02', initiated: 10, incomplete: 1, platform: 'ios' },
        // 06-04: a summary of zero initiated: known, but no rate.
        { day: '2025-06-04', initiated: 0, incomplete: 0 },
      ],
      // 06-03: details only: unknown.
      details: [cancel('a', '2025-06-02T10:00:00'), cancel('b', '2025-06-03T10:00:00', 'android')],
    });
    const report = computeReport(db, JUNE_1_4);
    expect(report.dailyRate).toEqual([
      { date: '2025-06-01', incomplete: 30, initiated: 100, rate: 0.3 },
      { date: '2025-06-02', incomplete: 1, initiated: null, rate: null },
      { date: '2025-06-03', incomplete: 1, initiated: null, rate: null },
      { date: '2025-06-04', incomplete: 0, initiated: 0, rate: null },
    ]);
    const days = report.dailyRate ?? [];
    expect(days.reduce((sum, day) => sum + day.incomplete, 0)).toBe(report.rollup.incomplete);

    // iOS alone: 06-02 is known through its iOS row (1 of 10); the platformless rows cannot be split.
    const ios = computeReport(db, { ...JUNE_1_4, platforms: ['iOS/iPadOS'] });
    expect(ios.dailyRate).toEqual([
      { date: '2025-06-01', incomplete: 0, initiated: null, rate: null },
      { date: '2025-06-02', incomplete: 1, initiated: 10, rate: 0.1 },
      { date: '2025-06-03', incomplete: 0, initiated: null, rate: null },
      { date: '2025-06-04', incomplete: 0, initiated: null, rate: null },
    ]);
    // Over the days the rate knows, the daily rate adds up to the roll-up's rate.
    expect(ios.rollup.incompleteRate).toBe(0.1);
  });

  it('under a section filter counts the selected sections only (no summary count, no unclassified)', () => {
    const db = tempCase();
    importRows(db, {
      summaries: [{ day: '2025-06-01', initiated: 40, incomplete: 5 }],
      details: [cancel('a', '2025-06-02T10:00:00')],
    });
    const report = computeReport(db, { from: '2025-06-01', to: '2025-06-02', sections: ['Terms of Use'] });
    expect(report.dailyRate).toEqual([
      // The summary's day is known (40) but its 5 are not in a section: 0 of 40.
      { date: '2025-06-01', incomplete: 0, initiated: 40, rate: 0 },
      { date: '2025-06-02', incomplete: 0, initiated: null, rate: null },
    ]);
    const setup = computeReport(db, { from: '2025-06-01', to: '2025-06-02', sections: ['Setup Checklist'] });
    expect(setup.dailyRate?.[1]).toEqual({ date: '2025-06-02', incomplete: 1, initiated: null, rate: null });
  });
});
