/**
 * Local calendar days in a time zone as [start, end) instants, and their mapping onto the
 * 15-minute buckets of `attempt_buckets`.
 *
 * A day starts at its earliest instant whose local date is that day: local midnight; in a zone
 * whose clocks jump over midnight (America/Santiago, Asia/Beirut on their DST start days) the
 * first instant that exists, 01:00 (luxon does that when given a date without a time); in a zone
 * whose clocks go back at midnight so that it happens twice (America/Havana 2025-11-02,
 * Atlantic/Azores 2025-10-26) the first of the two midnights, where luxon picks the later one. A
 * day that a zone skipped entirely (Pacific/Apia, 2011-12-30) is empty.
 */
import type * as Luxon from 'luxon';
import { createRequire } from 'node:module';
import { addDays, isDate } from '../shared/calendar-day';

let luxonDateTime: typeof Luxon.DateTime | undefined;

/**
 * luxon, loaded the first time a zone other than UTC (or a date outside four-digit years) is asked
 * for: a report in UTC, the command line's default, never needs it, and loading it costs ~7 ms of
 * a command's start.
 */
function DateTime(): typeof Luxon.DateTime {
  luxonDateTime ??= (createRequire(import.meta.url)('luxon') as typeof Luxon).DateTime;
  return luxonDateTime;
}

export interface DayRange {
  /** `YYYY-MM-DD` in the zone. */
  readonly date: string;
  /** Epoch ms of the day's first instant. */
  readonly startMs: number;
  /** Epoch ms of the next day's first instant (exclusive). */
  readonly endMs: number;
}

/** The bucket width of attempt_buckets (migrations.ts): every modern zone's midnight is on one. */
export const BUCKET_MS = 900_000;

const DAY_MS = 86_400_000;
/** 0000-01-01 and 10000-01-01 (UTC): between them an ISO date is `YYYY-MM-DD`, as luxon writes it. */
const FOUR_DIGIT_YEARS: readonly [number, number] = [-62_167_219_200_000, 253_402_300_800_000];

/**
 * UTC, the command line's default zone, has days of exactly 24 hours that start at midnight, so
 * its days are plain date arithmetic: the same values luxon gives, without its cost when the code
 * is cold (most of a one-off report's day handling in a fresh process).
 */
const isUtc = (tz: string): boolean => tz === 'UTC';

/** Number of days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  if (isDate(from) && isDate(to)) return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
  return Math.round(
    DateTime()
      .fromISO(to, { zone: 'UTC' })
      .diff(DateTime().fromISO(from, { zone: 'UTC' }), 'days').days,
  );
}

/** The local date of an instant in a zone. */
export function dayOf(ms: number, tz: string): string {
  if (isUtc(tz) && ms >= FOUR_DIGIT_YEARS[0] && ms < FOUR_DIGIT_YEARS[1])
    return new Date(ms).toISOString().slice(0, 10);
  return DateTime().fromMillis(ms, { zone: tz }).toISODate() ?? '';
}

/** The first instant of a `YYYY-MM-DD` day in UTC. */
const utcMidnight = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Longest span searched back for an earlier midnight: above any clock change there has been. */
const SEARCH_BACK_MS = 4 * 3_600_000;

/** The earliest instant whose local date in `tz` is `date` (see the file comment). */
export function dayStart(date: string, tz: string): number {
  if (isUtc(tz) && isDate(date)) return utcMidnight(date);
  const luxonStart = DateTime().fromISO(date, { zone: tz }).toMillis();
  // Usually the instant before is on the day before. When it is on the same day, midnight came
  // twice and luxon took the later one: search back for the first instant of the date. Local
  // dates never go backwards over an instant range like this, so a binary search holds.
  if (dayOf(luxonStart - 1, tz) !== date) return luxonStart;
  let before = luxonStart - SEARCH_BACK_MS;
  while (dayOf(before, tz) >= date) before -= SEARCH_BACK_MS;
  let onDay = luxonStart;
  while (onDay - before > 1) {
    const mid = before + Math.floor((onDay - before) / 2);
    if (dayOf(mid, tz) === date) onDay = mid;
    else before = mid;
  }
  return onDay;
}

/** Every day from `from` to `to` inclusive, with its instants in `tz`. */
export function dayRanges(from: string, to: string, tz: string): DayRange[] {
  const days: DayRange[] = [];
  let date = from;
  let start = dayStart(from, tz);
  for (let i = daysBetween(from, to); i >= 0; i--) {
    const next = addDays(date, 1);
    // max(): a skipped day (Pacific/Apia 2011-12-30) would otherwise end before it starts.
    const end = Math.max(start, dayStart(next, tz));
    days.push({ date, startMs: start, endMs: end });
    date = next;
    start = end;
  }
  return days;
}

/**
 * The days as bucket ranges [lo, hi) when every boundary falls on a bucket boundary at or after
 * 1970 (SQLite's integer division truncates, so negative start times bucket differently); null
 * otherwise (historic local mean time offsets such as Africa/Monrovia before 1972).
 */
export function bucketRanges(days: readonly DayRange[]): [lo: number, hi: number][] | null {
  const ranges: [number, number][] = [];
  for (const day of days) {
    if (day.startMs < 0 || day.startMs % BUCKET_MS !== 0 || day.endMs % BUCKET_MS !== 0) return null;
    ranges.push([day.startMs / BUCKET_MS, day.endMs / BUCKET_MS]);
  }
  return ranges;
}
