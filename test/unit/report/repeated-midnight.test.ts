/**
 * Midnights that a zone skips or repeats. Where clocks go back at midnight (America/Havana
 * 2025-11-02, Atlantic/Azores 2025-10-26) local midnight happens twice and the day starts at the
 * first one; where clocks jump over midnight the day starts at the first instant that exists.
 * Checked for every zone the runtime knows, at every day near an offset change over several years:
 * the day's first instant is on the day (dayOf) and the instant before it is not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { computeReport } from '../../../src-main/report/compute-report';
import { dayOf, dayRanges, dayStart } from '../../../src-main/report/day-buckets';
import { addDays } from '../../../src-main/shared/calendar-day';
import { importRows, removeTempCases, tempCase } from '../../helpers/case-builder';

afterEach(removeTempCases);

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Days (local dates in tz) within a few days of an offset change between `fromYear` and `toYear`. */
function daysNearChanges(tz: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const offset = (ms: number): number => DateTime.fromMillis(ms, { zone: tz }).offset;
  const days = new Set<string>();
  let before = offset(start);
  for (let t = start + WEEK; t <= end; t += WEEK) {
    const now = offset(t);
    if (now !== before) {
      // The change lies in (t - WEEK, t]: every local day from a day before to a day after.
      for (let d = dayOf(t - WEEK - DAY, tz); d <= dayOf(t + DAY, tz); d = addDays(d, 1)) days.add(d);
    }
    before = now;
  }
  return [...days];
}

describe('dayStart: the earliest instant of the local day', () => {
  it('Havana 2025-11-02 and Azores 2025-10-26 start at the first of their two midnights', () => {
    expect(new Date(dayStart('2025-11-02', 'America/Havana')).toISOString()).toBe('2025-11-02T04:00:00.000Z');
    expect(new Date(dayStart('2025-10-26', 'Atlantic/Azores')).toISOString()).toBe('2025-10-26T00:00:00.000Z');
    // Luxon alone picks the second midnight, an hour later: the case this rule exists for.
    expect(DateTime.fromISO('2025-11-02', { zone: 'America/Havana' }).toMillis()).toBe(Date.UTC(2025, 10, 2, 5));
    const [havana] = dayRanges('2025-11-02', '2025-11-02', 'America/Havana');
    expect((havana!.endMs - havana!.startMs) / 3_600_000).toBe(25);
  });

  it('every zone, every day near an offset change in 2022-2026: the day starts at its first instant', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    let checked = 0;
    let repeated = 0;
    let skipped = 0;
    const repeatedSeen = new Set<string>();
    for (const tz of zones) {
      for (const date of daysNearChanges(tz, 2022, 2026)) {
        const start = dayStart(date, tz);
        checked++;
        if (dayOf(start, tz) !== date) {
          // Only a day the zone skipped entirely (none in these years) has no instant of its own.
          throw new Error(`${tz} ${date}: dayStart is on ${dayOf(start, tz)}`);
        }
        expect(dayOf(start - 1, tz) < date, `${tz} ${date}`).toBe(true);
        const luxon = DateTime.fromISO(date, { zone: tz });
        if (luxon.toMillis() !== start) {
          repeated++;
          repeatedSeen.add(`${tz} ${date}`);
        }
        if (luxon.hour !== 0) skipped++;
        // The day range agrees: its start is this instant and the days are contiguous.
        const [range] = dayRanges(date, date, tz);
        expect(range!.startMs).toBe(start);
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    // The branches ran: repeated midnights (the search back) and skipped ones (luxon's 01:00).
    expect(repeatedSeen.has('America/Havana 2025-11-02')).toBe(true);
    expect(repeatedSeen.has('Atlantic/Azores 2025-10-26')).toBe(true);
    expect(repeated).toBeGreaterThan(2);
    expect(skipped).toBeGreaterThan(2);
  });

  it('the report counts an attempt in the first hour of a repeated midnight on its own day (Havana)', () => {
    const db = tempCase();
    importRows(db, {
      events: [
        { user: 'a', platform: 'ios', time: '2025-11-02T04:30:00Z', event: 'complete' },
        { user: 'b', platform: 'ios', time: '2025-11-02T05:30:00Z', event: 'complete' },
      ],
    });
    const report = computeReport(db, { from: '2025-11-02', to: '2025-11-02', tz: 'America/Havana' });
    expect(report.rollup.initiated).toBe(2);
    // 11-01 holds neither attempt and lies outside the event log (initiated unknown, no data).
    const before = computeReport(db, { from: '2025-11-01', to: '2025-11-01', tz: 'America/Havana' });
    expect(before.rollup.initiated).toBeNull();
    expect(before.dataQuality.daysWithoutData).toEqual(['2025-11-01']);
  });
});
