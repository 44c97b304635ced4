/**
 * The chart's weekly and rate series (chartBuckets) from a report's daily data, checked by hand:
 * ISO weeks cut by the range, sums per section, gaps, partial and unknown days, the rate over the
 * known days only (never 0% where nothing is known).
 */
import { describe, expect, it } from 'vitest';
import {
  autoGranularity,
  bucketBounds,
  bucketIsMarked,
  chartBuckets,
  isoWeekday,
  weekStart,
} from '../../../src-main/shared/chart-buckets';
import type { DailyPoint, DailyRate, Report } from '../../../src-main/shared/report-types';

/** `n` consecutive days from `first`. */
const daysFrom = (first: string, n: number): string[] =>
  Array.from({ length: n }, (_v, i) =>
    new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );

function reportOf(
  days: readonly string[],
  options: {
    setup: (i: number) => number;
    terms: (i: number) => number;
    initiated: (i: number) => number | null;
    partial?: readonly string[];
    gaps?: readonly string[];
  },
): Report {
  const daily: DailyPoint[] = days.map((date, i) => ({
    date,
    'Setup Checklist': options.setup(i),
    'Terms of Use': options.terms(i),
    ...(options.partial?.includes(date) ? { partial: true as const } : {}),
  }));
  const dailyRate: DailyRate[] = days.map((date, i) => {
    const incomplete = options.setup(i) + options.terms(i);
    const initiated = options.initiated(i);
    return { date, incomplete, initiated, rate: initiated ? incomplete / initiated : null };
  });
  return {
    range: { from: days[0]!, to: days[days.length - 1]!, tz: 'UTC' },
    filters: { platforms: ['iOS/iPadOS', 'Android'], sections: ['Setup Checklist', 'Terms of Use'] },
    rollup: { initiated: null, incomplete: 0, incompleteRate: null, inProgress: 0, unclassified: 0, fromSummary: 0 },
    coverage: { unknownInitiatedDays: [], partialDays: [...(options.partial ?? [])] },
    daily,
    dailyRate,
    sections: [],
    imports: [],
    dataQuality: {
      summaryRowsLeftOut: 0,
      rangeDays: days.length,
      knownInitiatedDays: 0,
      incompleteOutsideRate: 0,
      partialDays: [],
      eventLogSpan: null,
      dataSpan: null,
      summaryMismatches: [],
      daysWithoutData: [...(options.gaps ?? [])],
      skippedRows: 0,
      duplicateRows: 0,
      notes: [],
      noteItems: [],
    },
  };
}

describe('ISO weeks', () => {
  it('start on Monday', () => {
    expect(isoWeekday('2025-06-02')).toBe(0); // a Monday
    expect(isoWeekday('2025-06-08')).toBe(6); // a Sunday
    expect(weekStart('2025-06-04')).toBe('2025-06-02');
    expect(weekStart('2025-06-08')).toBe('2025-06-02');
    expect(weekStart('2025-06-09')).toBe('2025-06-09');
    // Across a year's end.
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
  });

  it('cut the range into weeks, the first and last cut by the range', () => {
    // Wed 2025-06-04 .. Tue 2025-06-17: Wed-Sun (5), Mon-Sun (7), Mon-Tue (2).
    expect(bucketBounds(daysFrom('2025-06-04', 14), 'week')).toEqual([
      [0, 4],
      [5, 11],
      [12, 13],
    ]);
    expect(bucketBounds(daysFrom('2025-06-04', 3), 'day')).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('switch on automatically after 31 days', () => {
    expect(autoGranularity(31)).toBe('day');
    expect(autoGranularity(32)).toBe('week');
  });
});

describe('chartBuckets', () => {
  const days = daysFrom('2025-06-04', 14);
  const report = reportOf(days, {
    setup: (i) => (i === 4 ? 0 : i + 1), // 1..14, none on the day without data
    terms: (i) => (i % 2 === 0 && i !== 4 ? 2 : 0),
    // Initiated 20 a day (0 on the day without data), unknown on 06-10 (index 6) and on both days of the last week.
    initiated: (i) => (i === 6 || i >= 12 ? null : i === 4 ? 0 : 20),
    partial: ['2025-06-04'],
    gaps: ['2025-06-08'], // index 4: no data at all that day
  });

  it('sums each section per week, leaving out the days without data, and says how many days each week covers', () => {
    const { buckets } = chartBuckets(report, 'week');
    expect(buckets.map((b) => [b.from, b.to, b.days, b.cut])).toEqual([
      ['2025-06-04', '2025-06-08', 5, true],
      ['2025-06-09', '2025-06-15', 7, false],
      ['2025-06-16', '2025-06-17', 2, true],
    ]);
    // Setup: 1+2+3+4 (day 5 has no data) = 10; 6+...+12 = 63; 13+14 = 27.
    // Terms: indexes 0, 2 (4 is a gap) = 4; 6, 8, 10 = 6; 12 = 2.
    expect(buckets.map((b) => b.counts)).toEqual([
      [10, 4],
      [63, 6],
      [27, 2],
    ]);
    expect(buckets[0]?.partialDays).toEqual(['2025-06-04']);
    expect(buckets[0]?.daysWithoutData).toEqual(['2025-06-08']);
  });

  it('takes the rate over the known days only, and has none where no day is known', () => {
    const { buckets } = chartBuckets(report, 'week');
    // Week 1, indexes 0..4: incomplete 3+2+5+4+0 = 14 over 20+20+20+20+0 = 80.
    expect(buckets[0]).toMatchObject({ rateIncomplete: 14, initiated: 80, rate: 0.175, unknownDays: [] });
    // Week 2, indexes 5..11, index 6 unknown: 6+8+(9+2)+10+(11+2)+12 = 60 over 6 known days × 20 = 120.
    expect(buckets[1]).toMatchObject({ rateIncomplete: 60, initiated: 120, rate: 0.5, unknownDays: ['2025-06-10'] });
    // Week 3: nothing known: no rate, never 0%.
    // Week 3: nothing known: no rate, never 0%; its incomplete (13+2, 14) still counted apart.
    expect(buckets[2]).toMatchObject({
      initiated: null,
      rate: null,
      rateIncomplete: 0,
      incomplete: 29,
      unknownDays: ['2025-06-16', '2025-06-17'],
    });
    // Week 2's incomplete holds its unknown day (7+2) too: 60 + 9.
    expect(buckets[1]?.incomplete).toBe(69);
  });

  it('marks a week holding a partial day, a day without data or (for the rate) an unknown day', () => {
    const { buckets } = chartBuckets(report, 'week');
    expect(buckets.map((b) => bucketIsMarked(b, 'count'))).toEqual([true, false, false]);
    // The last week has no rate at all: a gap, not a marked bar.
    expect(buckets.map((b) => bucketIsMarked(b, 'rate'))).toEqual([true, true, false]);
  });

  it('by day: one bucket per day, a day without data has no counts, an unknown day no rate', () => {
    const { buckets } = chartBuckets(report, 'day');
    expect(buckets).toHaveLength(14);
    expect(buckets[4]).toMatchObject({ from: '2025-06-08', counts: [null, null], cut: false });
    expect(buckets[0]).toMatchObject({ counts: [1, 2], rate: 0.15, initiated: 20 });
    expect(buckets[6]).toMatchObject({ counts: [7, 2], rate: null, initiated: null });
  });

  it('aligns another period bucket by bucket on the same bounds', () => {
    const previous = reportOf(daysFrom('2025-05-21', 14), { setup: () => 1, terms: () => 0, initiated: () => 4 });
    const bounds = bucketBounds(days, 'week');
    const { buckets } = chartBuckets(previous, 'week', bounds);
    expect(buckets.map((b) => [b.from, b.days, b.counts[0], b.rate])).toEqual([
      ['2025-05-21', 5, 5, 0.25],
      ['2025-05-26', 7, 7, 0.25],
      ['2025-06-02', 2, 2, 0.25],
    ]);
  });
});

describe('bucketIsMarked', () => {
  it('leaves a week without any data unmarked (a gap), and marks one with some days of data', () => {
    const days = daysFrom('2025-06-02', 14); // two whole weeks
    const report = reportOf(days, {
      setup: (i) => (i < 7 ? 0 : 1),
      terms: () => 0,
      initiated: (i) => (i < 7 ? 0 : 5),
      gaps: [...days.slice(0, 7), days[8]!],
    });
    const { buckets } = chartBuckets(report, 'week');
    expect(buckets.map((b) => b.counts[0])).toEqual([null, 6]);
    expect(buckets.map((b) => bucketIsMarked(b, 'count'))).toEqual([false, true]);
  });
});
