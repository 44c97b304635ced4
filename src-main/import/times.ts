/**
 * Time values (spec 3): ISO 8601 with `Z` or an offset; ISO 8601 without an offset is UTC; an
 * integer is an epoch time in seconds, milliseconds, microseconds or nanoseconds, told apart by its
 * magnitude (epochMsOf); a date alone (`YYYY-MM-DD`) is midnight UTC. Anything else is not a time.
 *
 * The product accepts times from FIRST_TIME_MS to LAST_TIME_MS (2000-01-01T00:00:00.000Z to
 * 2100-12-31T23:59:59.999Z): Intune's reports did not exist before 2000, and a year past 2100 is a
 * typo or a unit mistake. A time outside is a time all the same (parseTime returns it) but the
 * import skips its row as "time out of range", so no stored time ever has a year of other than four
 * digits and days compare as text. Hand-rolled over char codes because it runs once per row (a million times per import) and
 * because `Date.parse` accepts non-ISO text ("6/1/2025") in the computer's local zone, which would
 * make imports depend on the laptop they run on.
 */

export const MS_PER_DAY = 86_400_000;
/** The first and last instant the product accepts: 2000-01-01T00:00:00.000Z, 2100-12-31T23:59:59.999Z. */
export const FIRST_TIME_MS = Date.UTC(2000, 0, 1);
export const LAST_TIME_MS = Date.UTC(2101, 0, 1) - 1;
/** The same range as days (`YYYY-MM-DD` compare as text): for summary rows that give a date only. */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2100-12-31';

export const isTimeInRange = (ms: number): boolean => ms >= FIRST_TIME_MS && ms <= LAST_TIME_MS;
export const isDayInRange = (day: string): boolean => day >= FIRST_DAY && day <= LAST_DAY;

/**
 * Epoch milliseconds of an epoch number whose unit is not given: seconds, milliseconds,
 * microseconds or nanoseconds, whichever maps into the accepted range. The four ranges do not
 * overlap (each spans a factor of ~4.4, units differ by 1000), so the magnitude decides:
 *   seconds       946,684,800 ..         4,133,980,799  (10 digits)
 *   milliseconds  9.5e11      ..         4.1e12         (12-13 digits)
 *   microseconds  9.5e14      ..         4.1e15         (15-16 digits)
 *   nanoseconds   9.5e17      ..         4.1e18         (18-19 digits)
 * A number in none of them is returned as milliseconds, which are out of range (the row is skipped).
 */
export function epochMsOf(value: number): number {
  if (!Number.isFinite(value)) return NaN;
  const seconds = Math.trunc(value * 1000);
  if (isTimeInRange(seconds)) return seconds;
  const ms = Math.trunc(value);
  if (isTimeInRange(ms)) return ms;
  const micro = Math.trunc(value / 1000);
  if (isTimeInRange(micro)) return micro;
  const nano = Math.trunc(value / 1e6);
  if (isTimeInRange(nano)) return nano;
  return ms;
}
/** The ECMAScript time range: ±100,000,000 days around the epoch. */
export const MAX_EPOCH_MS = 8.64e15;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Value of the two decimal digits at `at`, or -1. */
function two(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Epoch days of `YYYY-MM-DD` at `start` (a real calendar date), or NaN. */
function dateAt(s: string, start: number): number {
  const y1 = two(s, start);
  const y2 = two(s, start + 2);
  const month = two(s, start + 5);
  const day = two(s, start + 8);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return NaN;
  if (s.charCodeAt(start + 4) !== 45 || s.charCodeAt(start + 7) !== 45) return NaN; // '-'
  const year = y1 * 100 + y2;
  if (day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff;
}

/**
 * Epoch milliseconds of a time text, or NaN when it is not one of the accepted forms. Fractions of a
 * second beyond milliseconds are truncated. Surrounding whitespace is ignored.
 */
export function parseTime(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end - start >= 10 && text.charCodeAt(start + 4) === 45) return parseIso(text, start, end);
  return parseEpoch(text, start, end);
}

/** An integer (at most 19 digits: nanoseconds until 2286), in the unit its magnitude says. */
function parseEpoch(s: string, start: number, end: number): number {
  let at = start;
  if (s.charCodeAt(at) === 45) at++; // '-': before 1970, odd but an integer all the same
  if (at === end || end - at > 19) return NaN;
  for (let i = at; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
  }
  return epochMsOf(Number(s.slice(start, end)));
}

function parseIso(s: string, start: number, end: number): number {
  const days = dateAt(s, start);
  if (Number.isNaN(days)) return NaN;
  let at = start + 10;
  if (at === end) return days * MS_PER_DAY;

  const sep = s.charCodeAt(at);
  if (sep !== 84 && sep !== 116 && sep !== 32) return NaN; // 'T', 't', ' '
  const hour = two(s, at + 1);
  const minute = two(s, at + 4);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || s.charCodeAt(at + 3) !== 58) return NaN;
  at += 6;
  let second = 0;
  let ms = 0;
  if (at < end && s.charCodeAt(at) === 58) {
    second = two(s, at + 1);
    if (second < 0 || second > 59) return NaN;
    at += 3;
    const dot = s.charCodeAt(at);
    if (at < end && (dot === 46 || dot === 44)) {
      // '.' or ',': any number of digits, milliseconds are the first three.
      at++;
      const first = at;
      for (; at < end; at++) {
        const d = s.charCodeAt(at) - 48;
        if (d < 0 || d > 9) break;
        const place = at - first;
        if (place < 3) ms += d * (place === 0 ? 100 : place === 1 ? 10 : 1);
      }
      if (at === first) return NaN;
    }
  }

  let offsetMinutes = 0;
  if (at < end) {
    const zone = s.charCodeAt(at);
    if (zone === 90 || zone === 122) {
      at++; // 'Z' or 'z'
    } else if (zone === 43 || zone === 45 || zone === 0x2212) {
      // '+', '-' or the minus sign U+2212 that ISO 8601 allows
      const oh = two(s, at + 1);
      if (oh < 0 || oh > 23) return NaN;
      at += 3;
      let om = 0;
      if (at < end) {
        if (s.charCodeAt(at) === 58) at++;
        om = two(s, at);
        if (om < 0 || om > 59) return NaN;
        at += 2;
      }
      offsetMinutes = (zone === 43 ? 1 : -1) * (oh * 60 + om);
    } else {
      return NaN;
    }
  }
  if (at !== end) return NaN;
  const value = days * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offsetMinutes * 60_000;
  return Math.abs(value) <= MAX_EPOCH_MS ? value : NaN;
}

/** `YYYY-MM-DD` (a real calendar date, whitespace around it ignored), else null. */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length === 10 && !Number.isNaN(dateAt(trimmed, 0)) ? trimmed : null;
}

/** A time from a JSON number: an epoch time in the unit its magnitude says (epochMsOf); a fraction of a millisecond is dropped. */
export function timeOfNumber(value: number): number {
  return epochMsOf(value);
}
