/** Comparison with the previous (or a chosen) period: periods, deltas, row matching. */
import { afterEach, describe, expect, it } from 'vitest';
import { comparisonPeriod, computeComparison } from '../../../src-main/compare/compare';
import { computeReport, ReportInputError } from '../../../src-main/report/compute-report';
import { importRows, removeTempCases, tempCase, type DetailsInput } from '../../helpers/case-builder';

afterEach(removeTempCases);

const details = (
  user: string,
  time: string,
  action: DetailsInput['action'],
  userAction: DetailsInput['userAction'],
  screen?: string,
): DetailsInput => ({
  user,
  time,
  action,
  userAction,
  ...(screen === undefined ? {} : { screen }),
});

function twoWeeks() {
  const db = tempCase();
  importRows(db, {
    events: [
      // Completed attempts: 2 in the previous week, 1 in the current one.
      { user: 'p1', time: '2025-06-02T09:00:00', event: 'complete' },
      { user: 'p2', time: '2025-06-03T09:00:00', event: 'complete' },
      { user: 'c1', time: '2025-06-10T09:00:00', event: 'complete' },
    ],
    details: [
      // Previous week (June 1-7): 2 declines, 1 custom screen row that the current week lacks.
      details('p3', '2025-06-04T10:00:00', 'TermsofUse', 'Decline All'),
      details('p4', '2025-06-05T10:00:00', 'TermsofUse', 'Decline All'),
      details('p5', '2025-06-06T10:00:00', 'Compliance', 'Cancel', 'Old screen'),
      // Current week (June 8-14): 1 decline, 3 ignores, spelled two ways.
      details('c2', '2025-06-09T10:00:00', 'TermsofUse', 'Decline All'),
      details('c3', '2025-06-10T10:00:00', 'iOSProfileLaunch', 'Ignore'),
      details('c4', '2025-06-11T10:00:00', 'iOSProfileLaunch', 'Ignore', 'prompt to show a configuration profile'),
      details('c5', '2025-06-12T10:00:00', 'iOSProfileLaunch', 'Ignore'),
    ],
  });
  return db;
}

describe('comparisonPeriod', () => {
  it('previous: equal length, ending the day before from', () => {
    expect(comparisonPeriod('2025-06-08', '2025-06-14', 'previous')).toEqual({ from: '2025-06-01', to: '2025-06-07' });
    expect(comparisonPeriod('2025-03-01', '2025-03-01', 'previous')).toEqual({ from: '2025-02-28', to: '2025-02-28' });
    expect(comparisonPeriod('2024-03-01', '2024-03-31', 'previous')).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });

  it('a chosen period as given, checked', () => {
    expect(comparisonPeriod('2025-06-08', '2025-06-14', { from: '2024-06-01', to: '2024-06-30' })).toEqual({
      from: '2024-06-01',
      to: '2024-06-30',
    });
    expect(() => comparisonPeriod('2025-06-08', '2025-06-14', { from: '2024-06-30', to: '2024-06-01' })).toThrow(
      ReportInputError,
    );
    expect(() => comparisonPeriod('2025-06-08', '2025-06-14', { from: '2024-02-30', to: '2024-03-01' })).toThrow(
      ReportInputError,
    );
    expect(() => comparisonPeriod('2025-06-08', '2025-06-14', 'last' as never)).toThrow(ReportInputError);
  });
});

describe('computeComparison', () => {
  it('reports both periods and their differences', () => {
    const db = twoWeeks();
    const filter = { from: '2025-06-08', to: '2025-06-14' };
    const { current, previous, delta, caveats } = computeComparison(db, filter, 'previous');
    expect(current).toEqual(computeReport(db, filter));
    expect(previous).toEqual(computeReport(db, { from: '2025-06-01', to: '2025-06-07' }));
    // Revision 2: the event logs span 06-02 09:00 to 06-10 09:00, so 06-11 and 06-12 (details rows
    // only) have unknown initiated counts: c4 and c5 count in Incomplete, not in Initiated or the rate.
    expect(current.rollup).toMatchObject({ initiated: 3, incomplete: 4, incompleteRate: 2 / 3 });
    expect(previous.rollup).toMatchObject({ initiated: 5, incomplete: 3, incompleteRate: 3 / 5 });
    expect(delta).toMatchObject({
      initiated: -2,
      incomplete: 1,
      incompleteRate: 2 / 3 - 3 / 5,
      inProgress: 0,
      unclassified: 0,
      fromSummary: 0,
    });
    // Both periods hold a partial day (the data starts 06-02 09:00 and ends 06-12 10:00).
    expect(caveats.map((c) => [c.period, c.kind, c.days])).toEqual([
      ['current', 'partial-days', ['2025-06-12']],
      ['current', 'unknown-initiated', ['2025-06-11', '2025-06-12']],
      ['previous', 'partial-days', ['2025-06-02']],
    ]);
    expect(caveats[0]!.message).toBe(
      'The current period holds a partial day (2025-06-12): the data covers only part of it, so a change may come from that.',
    );

    const bySection = Object.fromEntries(delta.sections.map((s) => [s.section, s]));
    expect(bySection['Terms of Use']).toMatchObject({ current: 1, previous: 2, incomplete: -1 });
    expect(bySection['Platform Screens']).toMatchObject({ current: 3, previous: 0, incomplete: 3 });
    const ignore = bySection['Platform Screens']!.rows.find((r) => r.userAction === 'Ignore');
    expect(ignore).toMatchObject({ actionName: 'iOSProfileLaunch', current: 3, previous: 0, count: 3, catalog: true });
    const decline = bySection['Terms of Use']!.rows.find((r) => r.userAction === 'Decline All');
    expect(decline).toMatchObject({ current: 1, previous: 2, count: -1 });
    // A row only the previous period has comes last, with current 0.
    const compliance = bySection['Compliance/Activation']!;
    expect(compliance.rows.at(-1)).toMatchObject({
      actionName: 'Compliance',
      screen: 'Old screen',
      userAction: 'Cancel',
      current: 0,
      previous: 1,
      count: -1,
      catalog: false,
    });
    // Every row's delta is current - previous; section totals add up.
    for (const section of delta.sections) {
      expect(section.rows.reduce((s, r) => s + r.count, 0)).toBe(section.incomplete);
      for (const row of section.rows) expect(row.count).toBe(row.current - row.previous);
    }
  });

  it('defaults: the report range, compared with the 14 days before it; a null rate gives a null delta', () => {
    const db = twoWeeks();
    const { current, previous, delta } = computeComparison(db);
    // Revision 2: the last day with data (06-12, data until 10:00) is partial, so the range ends 06-11.
    expect(current.range).toEqual({ from: '2025-05-29', to: '2025-06-11', tz: 'UTC' });
    expect(previous.range).toEqual({ from: '2025-05-15', to: '2025-05-28', tz: 'UTC' });
    expect(previous.rollup.incompleteRate).toBeNull();
    expect(delta.incompleteRate).toBeNull();
    // The previous period has no data at all: its Initiated is unknown, and so is the difference.
    expect(previous.rollup.initiated).toBeNull();
    expect(delta.initiated).toBeNull();
  });

  it('keeps platforms, sections and zone for both periods', () => {
    const db = twoWeeks();
    const filter = {
      from: '2025-06-08',
      to: '2025-06-14',
      sections: ['Terms of Use' as const],
      tz: 'Asia/Tokyo',
      platforms: ['iOS/iPadOS' as const],
    };
    const { previous, delta } = computeComparison(db, filter, { from: '2025-06-01', to: '2025-06-03' });
    expect(previous.range).toEqual({ from: '2025-06-01', to: '2025-06-03', tz: 'Asia/Tokyo' });
    expect(previous.filters).toEqual({ platforms: ['iOS/iPadOS'], sections: ['Terms of Use'] });
    expect(delta.sections.map((s) => s.section)).toEqual(['Terms of Use']);
  });
});
