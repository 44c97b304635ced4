/** Number, size, percentage and date formatting for the report view. */
import { addDays } from '../src-main/shared/calendar-day';

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export const formatCount = (n: number): string => integer.format(n);

/** The spec's rate format: a percentage with one decimal; an em dash when there is no rate. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${((part / whole) * 100).toFixed(1)}%`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** `2025-06-01` -> `1 Jun 2025` (in the user's locale). */
export const formatDay = (day: string): string => dayFormat.format(asDate(day));
export const formatShortDay = (day: string): string => shortDayFormat.format(asDate(day));
export const formatLongDay = (day: string): string => weekdayFormat.format(asDate(day));

export function formatRange(from: string, to: string): string {
  if (from === to) return formatDay(from);
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** A range as short as the locale writes it (`Nov 1 – 14, 2025`), for the chips. */
export function formatCompactRange(from: string, to: string): string {
  if (from === to) return formatDay(from);
  return dayFormat.formatRange(asDate(from), asDate(to));
}

/** Number of days in an inclusive range. */
export function daysInRange(from: string, to: string): number {
  return Math.round((asDate(to).getTime() - asDate(from).getTime()) / 86_400_000) + 1;
}

/** Collapses sorted days into runs: ['2025-06-03', '2025-06-04', '2025-06-09'] -> '3–4 Jun 2025, 9 Jun 2025'. */
export function formatDayRuns(days: readonly string[]): string {
  const runs: [string, string][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs.map(([from, to]) => formatRange(from, to)).join(', ');
}

/** `1 file`, `3 files`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The UTC offset of a zone at an instant, e.g. `UTC+02:00`; '' when unknown. */
function offsetAt(zone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value === 'GMT' ? 'UTC+00:00' : (part?.value.replace('GMT', 'UTC') ?? '');
  } catch {
    return '';
  }
}

/** The UTC offset of a zone now, e.g. `UTC+02:00`; '' when unknown. */
const offsetCache = new Map<string, string>();
export function zoneOffset(zone: string): string {
  const cached = offsetCache.get(zone);
  if (cached !== undefined) return cached;
  const text = offsetAt(zone, new Date());
  offsetCache.set(zone, text);
  return text;
}

/**
 * The zone's offsets over the days `from`..`to` as they were then (not now), in order, each with
 * the first day it held: one entry for a range without a clock change, two (or more) across one.
 * Read at each day's noon UTC: clocks change at night, so a change day shows its new offset.
 * Empty when the zone is unknown.
 */
export function zoneOffsetsOver(zone: string, from: string, to: string): { offset: string; from: string }[] {
  const runs: { offset: string; from: string }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const offset = offsetAt(zone, new Date(`${day}T12:00:00Z`));
    if (!offset) return [];
    if (runs.at(-1)?.offset !== offset) runs.push({ offset, from: day });
  }
  return runs;
}
