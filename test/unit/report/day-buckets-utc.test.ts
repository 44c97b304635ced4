/**
 * Days in UTC are computed with plain date arithmetic (day-buckets.ts), not luxon: the values must
 * be luxon's, instant for instant, across the years a date is written with four digits, and luxon
 * must still answer outside them and for every other zone.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dayOf, dayRanges, dayStart, daysBetween } from '../../../src-main/report/day-buckets';

const luxonDay = (ms: number): string => DateTime.fromMillis(ms, { zone: 'UTC' }).toISODate() ?? '';
const luxonStart = (date: string): number => DateTime.fromISO(date, { zone: 'UTC' }).toMillis();
const luxonDaysBetween = (from: string, to: string): number =>
  Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);

/** Instants from 0000-01-01 to 9999-12-31 (UTC), with the edges. */
const instant = fc.oneof(
  fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
  fc.constantFrom(-62_167_219_200_000, 253_402_300_799_999, 0, -1, 946_684_800_000, 4_102_444_799_999),
);
const day = instant.map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('UTC days without luxon', () => {
  it('dayOf is luxon’s date of the instant', () => {
    fc.assert(
      fc.property(instant, (ms) => dayOf(ms, 'UTC') === luxonDay(ms)),
      { numRuns: 5_000 },
    );
  });

  it('dayStart is luxon’s start of the day, and dayOf of it is the day', () => {
    fc.assert(
      fc.property(
        day,
        (date) => dayStart(date, 'UTC') === luxonStart(date) && dayOf(dayStart(date, 'UTC'), 'UTC') === date,
      ),
      { numRuns: 5_000 },
    );
  });

  it('daysBetween is luxon’s whole days between two dates, either way round', () => {
    fc.assert(
      fc.property(day, day, (from, to) => daysBetween(from, to) === luxonDaysBetween(from, to)),
      {
        numRuns: 5_000,
      },
    );
  });

  it('dayRanges over a leap year: 366 days of exactly 24 hours, each starting at luxon’s midnight', () => {
    const days = dayRanges('2024-01-01', '2024-12-31', 'UTC');
    expect(days).toHaveLength(366);
    for (const range of days) {
      expect(range.startMs).toBe(luxonStart(range.date));
      expect(range.endMs - range.startMs).toBe(86_400_000);
    }
    expect(days[59]?.date).toBe('2024-02-29');
  });

  it('outside four-digit years, and in other zones, luxon answers as before', () => {
    const year10000 = 253_402_300_800_000;
    expect(dayOf(year10000, 'UTC')).toBe(luxonDay(year10000));
    expect(dayOf(year10000, 'UTC')).toMatch(/^\+010000-01-01$/);
    expect(dayOf(-62_167_219_200_001, 'UTC')).toBe(luxonDay(-62_167_219_200_001));
    const berlin = DateTime.fromISO('2024-03-31', { zone: 'Europe/Berlin' }).toMillis();
    expect(dayStart('2024-03-31', 'Europe/Berlin')).toBe(berlin);
    expect(dayOf(berlin - 1, 'Europe/Berlin')).toBe('2024-03-30');
    // Not a day: luxon's answer (invalid), not a date rolled over into March.
    expect(dayStart('2025-02-30', 'UTC')).toBeNaN();
  });
});
