/**
 * Day arithmetic and time-zone offsets for the views, and (for code not yet in a language) the
 * locale formats in English. The app window formats through its translator instead
 * (`const { f } = useT()`: numbers, rates, days and ranges as the chosen language writes them);
 * the exports below are `localeFormats('en')`'s, kept for the callers that have no translator.
 */
import { addDays } from '../src-main/shared/calendar-day';
import { localeFormats } from '../src-main/shared/i18n/formats';

const english = localeFormats('en');

export const formatCount = english.count;
/** The spec's rate format: a percentage with one decimal; an em dash when there is no rate. */
export const formatRate = english.rate;
export const formatShare = english.share;
export const formatBytes = english.bytes;
/** `2025-06-01` -> `Jun 1, 2025`. */
export const formatDay = english.day;
export const formatShortDay = english.shortDay;
export const formatLongDay = english.longDay;
export const formatRange = english.range;
/** A range as short as the locale writes it (`Nov 1 – 14, 2025`), for the chips. */
export const formatCompactRange = english.compactRange;
/** Collapses sorted days into runs: ['2025-06-03', '2025-06-04', '2025-06-09'] -> 'Jun 3, 2025 – Jun 4, 2025, Jun 9, 2025'. */
export const formatDayRuns = english.dayRuns;

const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Number of days in an inclusive range. */
export function daysInRange(from: string, to: string): number {
  return Math.round((asDate(to).getTime() - asDate(from).getTime()) / 86_400_000) + 1;
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
