/**
 * The chart's series from a report: one bucket per day, or per week for long ranges, each with the
 * selected sections' incomplete counts and the incomplete rate over the days whose initiated count
 * is known. Built from the report's `daily` and `dailyRate` alone (no database), so the app's chart,
 * its table and the PDF draw the same numbers. Weeks are ISO weeks (Monday to Sunday) whatever the
 * display language, so a report's weekly numbers are the same in every language (docs/decisions.md).
 * Node-free.
 */
import { addDays } from './calendar-day';
import type { Report } from './report-types';
import type { Section } from './taxonomy';

export type ChartGranularity = 'day' | 'week';
export type ChartMeasure = 'count' | 'rate';

/** Ranges longer than this many days are drawn by week unless the user chose otherwise. */
export const WEEKLY_AFTER_DAYS = 31;

/** What the chart shows for a range of `rangeDays` days when nobody chose. */
export const autoGranularity = (rangeDays: number): ChartGranularity =>
  rangeDays > WEEKLY_AFTER_DAYS ? 'week' : 'day';

/** Which days of the range (by index into `daily`) each bucket holds: [first, last], inclusive. */
export type BucketBounds = readonly (readonly [number, number])[];

export interface ChartBucket {
  /** The bucket's first and last day within the range (equal for a day). */
  readonly from: string;
  readonly to: string;
  /** Days of the range in the bucket: 1 for a day, 7 for a whole week, fewer where the range cuts a week. */
  readonly days: number;
  /** A week the range's start or end cuts (fewer than 7 of its days lie in the range). */
  readonly cut: boolean;
  /** Per selected section (the report's order), the incomplete count; null when no day of the bucket has data. */
  readonly counts: readonly (number | null)[];
  /** The bucket's partial days. */
  readonly partialDays: readonly string[];
  /** The bucket's days without any data. */
  readonly daysWithoutData: readonly string[];
  /** The bucket's days whose initiated count is unknown (left out of its rate). */
  readonly unknownDays: readonly string[];
  /** Incomplete as the roll-up counts it (sections, unclassified, from summaries), every day of the bucket. */
  readonly incomplete: number;
  /** Incomplete (as the roll-up counts it) over the days whose initiated count is known. */
  readonly rateIncomplete: number;
  /** Initiated over the days whose initiated count is known; null when no day of the bucket is known. */
  readonly initiated: number | null;
  /** rateIncomplete / initiated; null when initiated is null or 0 (never 0% then). */
  readonly rate: number | null;
}

export interface ChartBuckets {
  readonly granularity: ChartGranularity;
  readonly sections: readonly Section[];
  readonly buckets: readonly ChartBucket[];
}

/** Days since the ISO week's Monday (0 on a Monday, 6 on a Sunday). */
export function isoWeekday(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday of the ISO week holding `day`. */
export const weekStart = (day: string): string => addDays(day, -isoWeekday(day));

/** The buckets' bounds over a run of consecutive days: one per day, or one per ISO week the days meet. */
export function bucketBounds(days: readonly string[], granularity: ChartGranularity): BucketBounds {
  if (granularity === 'day') return days.map((_day, i) => [i, i] as const);
  const bounds: [number, number][] = [];
  days.forEach((day, i) => {
    const last = bounds[bounds.length - 1];
    if (last && isoWeekday(day) !== 0) last[1] = i;
    else bounds.push([i, i]);
  });
  return bounds;
}

/**
 * The report's days summed into `bounds` (from bucketBounds, or another period's bounds to align a
 * comparison bucket by bucket). Bounds past the report's days are clipped; an empty bucket has no
 * data (null counts, no rate).
 */
export function chartBuckets(report: Report, granularity: ChartGranularity, bounds?: BucketBounds): ChartBuckets {
  const sections = report.filters.sections;
  const days = report.daily.map((point) => point.date);
  const gaps = new Set(report.dataQuality.daysWithoutData);
  const rates = report.dailyRate ?? [];
  const buckets = (bounds ?? bucketBounds(days, granularity)).map(([first, last]): ChartBucket => {
    const indexes: number[] = [];
    for (let i = first; i <= Math.min(last, days.length - 1); i++) indexes.push(i);
    const dates = indexes.map((i) => days[i] ?? '');
    const withData = indexes.filter((i) => !gaps.has(days[i] ?? ''));
    const counts = sections.map((section) =>
      withData.length === 0
        ? null
        : withData.reduce((sum, i) => {
            const value = report.daily[i]?.[section];
            return sum + (typeof value === 'number' ? value : 0);
          }, 0),
    );
    let incomplete = 0;
    let rateIncomplete = 0;
    let initiated = 0;
    const unknownDays: string[] = [];
    for (const i of indexes) {
      incomplete += rates[i]?.incomplete ?? 0;
      const known = rates[i]?.initiated;
      if (known === null || known === undefined) {
        unknownDays.push(days[i] ?? '');
        continue;
      }
      initiated += known;
      rateIncomplete += rates[i]?.incomplete ?? 0;
    }
    const anyKnown = unknownDays.length < indexes.length;
    const from = dates[0] ?? '';
    return {
      from,
      to: dates[dates.length - 1] ?? from,
      days: indexes.length,
      cut: granularity === 'week' && indexes.length < 7,
      counts,
      partialDays: indexes.filter((i) => report.daily[i]?.partial === true).map((i) => days[i] ?? ''),
      daysWithoutData: dates.filter((day) => gaps.has(day)),
      unknownDays,
      incomplete,
      rateIncomplete,
      initiated: anyKnown ? initiated : null,
      rate: anyKnown && initiated > 0 ? rateIncomplete / initiated : null,
    };
  });
  return { granularity, sections, buckets };
}

/**
 * A bucket drawn like a partial day (hatched, open markers): it holds a partial day, or some (not
 * all) of its days have no data, or, for the rate, some of its days have no known initiated count.
 * A bucket with nothing to draw is a gap, not marked.
 */
export function bucketIsMarked(bucket: ChartBucket, measure: ChartMeasure): boolean {
  return (
    bucket.partialDays.length > 0 ||
    (bucket.daysWithoutData.length > 0 && bucket.daysWithoutData.length < bucket.days) ||
    (measure === 'rate' && bucket.unknownDays.length > 0 && bucket.initiated !== null)
  );
}
