/**
 * Day arithmetic and time-zone offsets for the views. Numbers, rates, days and ranges are formatted
 * through the translator (`const { f } = useT()`, src-main/shared/i18n/formats.ts), in the chosen
 * language.
 */
import { addDays } from '../src-main/shared/calendar-day';

const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Number of days in an inclusive range. */
export function daysInRange(from: string, to: string): number {
  return Math.round((asDate(to).getTime() - asDate(from).getTime()) / 86_400_000) + 1;
}

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
