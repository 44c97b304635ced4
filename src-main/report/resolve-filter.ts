/**
 * A ReportFilter checked and completed with the spec's defaults (spec 5):
 * - tz: 'UTC' when absent; any IANA zone luxon knows, echoed as given.
 * - platforms / sections: all when absent or empty; deduplicated, in taxonomy order.
 * - range: both days given → as given; only `to` → the 14 days ending there; only `from` → the 14
 *   days starting there; neither → the 14 days ending at the latest day with data in the case (in
 *   tz) that is not partial (when every day with data is partial, the latest day with data), or
 *   ending today (UTC date) in an empty case. A day has data when it meets the data span (events
 *   and details rows) or holds a summary row.
 * - sections: a list naming all four is no section filter (the same value as none).
 */
import type Database from 'better-sqlite3';
import type { ReportFilter, ReportRange } from '../shared/report-types';
import { PLATFORMS, SECTIONS, parsePlatform, parseSection, type Platform, type Section } from '../shared/taxonomy';
import { addDays, isDate, isZone } from '../shared/calendar-day';
import { dayOf, dayRanges, daysBetween } from './day-buckets';
import { partialDay, readCaseSpans } from './data-span';
import { summaryDays } from './summaries';
import { ReportInputError } from './errors';

export const DEFAULT_DAYS = 14;
/** Longest range accepted: a century of days keeps a report bounded. */
export const MAX_DAYS = 36_525;

export interface ResolvedFilter {
  readonly from: string;
  readonly to: string;
  readonly tz: string;
  readonly platforms: readonly Platform[];
  readonly sections: readonly Section[];
}

export function resolveFilter(db: Database.Database, filter: ReportFilter): ResolvedFilter {
  return {
    ...resolveRange(filter, (tz) => latestDataDay(db, tz)),
    platforms: pick(filter.platforms, PLATFORMS, parsePlatform, 'platform'),
    sections: pick(filter.sections, SECTIONS, parseSection, 'section'),
  };
}

/**
 * The zone and days of a filter, checked, with a missing end completed: only `to` → the
 * DEFAULT_DAYS ending there; only `from` → the DEFAULT_DAYS starting there; neither → the
 * DEFAULT_DAYS ending at `latestDay(tz)` (today's UTC date when it is null). Every view that takes
 * a range (the report, the failures) goes through here, so they refuse the same input alike.
 */
export function resolveRange(
  filter: { readonly from?: string; readonly to?: string; readonly tz?: string },
  latestDay: (tz: string) => string | null,
): ReportRange {
  const tz = filter.tz ?? 'UTC';
  if (typeof tz !== 'string' || !isZone(tz)) {
    throw new ReportInputError(`unknown time zone "${String(tz)}" (expected an IANA zone such as Europe/Berlin)`);
  }
  const from = checkDate(filter.from, 'from');
  const to = checkDate(filter.to, 'to');
  const range = completeRange(from, to, () => latestDay(tz) ?? new Date().toISOString().slice(0, 10));
  if (range.from > range.to) throw new ReportInputError(`from (${range.from}) is after to (${range.to})`);
  if (daysBetween(range.from, range.to) >= MAX_DAYS) {
    throw new ReportInputError(`the range ${range.from} to ${range.to} is longer than ${MAX_DAYS} days`);
  }
  return { ...range, tz };
}

function checkDate(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isDate(value)) {
    throw new ReportInputError(`invalid ${name} date "${String(value)}" (expected YYYY-MM-DD)`);
  }
  return value;
}

function completeRange(
  from: string | undefined,
  to: string | undefined,
  lastDay: () => string,
): { from: string; to: string } {
  if (from !== undefined && to !== undefined) return { from, to };
  if (to !== undefined) return { from: addDays(to, 1 - DEFAULT_DAYS), to };
  if (from !== undefined) return { from, to: addDays(from, DEFAULT_DAYS - 1) };
  const last = lastDay();
  return { from: addDays(last, 1 - DEFAULT_DAYS), to: last };
}

/**
 * The latest day (in tz) with data that is not partial; when every day with data is partial, the
 * latest day with data; null in an empty case. Partial days lie only at the data span's two ends,
 * so the walk back takes a few steps.
 */
export function latestDataDay(db: Database.Database, tz: string): string | null {
  const span = readCaseSpans(db).data;
  const summaries = summaryDays(db, tz);
  const summarySet = new Set(summaries);
  const spanFirst = span === null ? null : dayOf(span.first, tz);
  const spanLast = span === null ? null : dayOf(span.last, tz);
  const lastSummary = summaries.at(-1) ?? null;
  const latest =
    spanLast === null ? lastSummary : lastSummary === null || spanLast > lastSummary ? spanLast : lastSummary;
  if (latest === null) return null;

  const inSpan = (date: string): boolean =>
    spanFirst !== null && spanLast !== null && date >= spanFirst && date <= spanLast;
  let date: string | null = latest;
  while (date !== null) {
    const day = dayRanges(date, date, tz)[0];
    if ((summarySet.has(date) || inSpan(date)) && day !== undefined && partialDay(day, span, summarySet) === null) {
      return date;
    }
    // The day before with data: the previous day of the span, else the latest summary day before.
    const previous = addDays(date, -1);
    date = inSpan(previous) ? previous : (summaries.findLast((d) => d <= previous) ?? null);
  }
  return latest;
}

/** Values parsed leniently (case, `ios`), deduplicated, in taxonomy order; empty or absent → all. */
function pick<T extends string>(
  values: readonly string[] | undefined,
  all: readonly T[],
  parse: (text: string) => T | undefined,
  name: string,
): readonly T[] {
  if (values === undefined || values.length === 0) return all;
  const chosen = new Set<T>();
  for (const value of values) {
    const parsed = typeof value === 'string' ? parse(value) : undefined;
    if (parsed === undefined) {
      throw new ReportInputError(`unknown ${name} "${String(value)}" (expected one of: ${all.join(', ')})`);
    }
    chosen.add(parsed);
  }
  return all.filter((item) => chosen.has(item));
}
