/**
 * Calendar days written `YYYY-MM-DD` and IANA time zones: the one check of each, and day
 * arithmetic, for the engine, the IPC schemas, the command line and the renderer (Node-free, no
 * luxon: the renderer loads it).
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for an existing calendar day written `YYYY-MM-DD` (2025-02-30 is not one). */
export function isDate(text: string): boolean {
  if (!DAY.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over to March: a real day comes back as itself.
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

const knownZones = new Set<string>();

/** A time zone this runtime knows (IANA names, plus UTC). Remembered: the check builds an Intl formatter, ~0.5 ms. */
export function isZone(tz: string): boolean {
  // Every runtime knows UTC (ECMA-402 requires it); the command line's default needs no formatter,
  // whose first construction starts ICU (~5-10 ms of a process's CPU).
  if (tz === 'UTC' || knownZones.has(tz)) return true;
  if (tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return false;
  }
  knownZones.add(tz);
  return true;
}

/** `YYYY-MM-DD` plus n days (n may be negative), zone-free. A text that is not a day comes back as is. */
export function addDays(day: string, n: number): string {
  if (!isDate(day)) return day;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
