/** Local days in time zones: DST, odd offsets, midnights that do not exist, and the bucket mapping. */
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { bucketRanges, dayRanges, type DayRange } from '../../../src-main/report/day-buckets';
import { aggregateDays } from '../../../src-main/report/aggregate';
import { computeReport } from '../../../src-main/report/compute-report';
import { importRows, removeTempCases, tempCase, type DetailsInput } from '../../helpers/case-builder';

afterEach(removeTempCases);

const HOUR = 3_600_000;
const hours = (d: DayRange): number => (d.endMs - d.startMs) / HOUR;
const iso = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toISO() ?? '';

describe('dayRanges', () => {
  it('America/New_York: the spring day has 23 hours, the autumn day 25', () => {
    const [before, spring] = dayRanges('2024-03-09', '2024-03-10', 'America/New_York');
    expect(hours(before!)).toBe(24);
    expect(hours(spring!)).toBe(23);
    expect(new Date(spring!.startMs).toISOString()).toBe('2024-03-10T05:00:00.000Z');
    expect(new Date(spring!.endMs).toISOString()).toBe('2024-03-11T04:00:00.000Z');
    const [autumn] = dayRanges('2024-11-03', '2024-11-03', 'America/New_York');
    expect(hours(autumn!)).toBe(25);
  });

  it('Europe/Berlin: 23 hours on 2024-03-31, 25 hours on 2024-10-27', () => {
    const days = dayRanges('2024-03-30', '2024-04-01', 'Europe/Berlin');
    expect(days.map(hours)).toEqual([24, 23, 24]);
    expect(dayRanges('2024-10-27', '2024-10-27', 'Europe/Berlin').map(hours)).toEqual([25]);
  });

  it('Asia/Kathmandu (+05:45): days start at 18:15 UTC, still on a 15-minute bucket', () => {
    const [day] = dayRanges('2024-06-01', '2024-06-01', 'Asia/Kathmandu');
    expect(new Date(day!.startMs).toISOString()).toBe('2024-05-31T18:15:00.000Z');
    expect(bucketRanges([day!])).not.toBeNull();
  });

  it('America/Santiago and Asia/Beirut: a midnight that does not exist starts the day at 01:00', () => {
    const [santiago] = dayRanges('2024-09-08', '2024-09-08', 'America/Santiago');
    expect(iso(santiago!.startMs, 'America/Santiago')).toBe('2024-09-08T01:00:00.000-03:00');
    expect(hours(santiago!)).toBe(23);
    const [beirut] = dayRanges('2024-03-31', '2024-03-31', 'Asia/Beirut');
    expect(iso(beirut!.startMs, 'Asia/Beirut')).toBe('2024-03-31T01:00:00.000+03:00');
    expect(hours(beirut!)).toBe(23);
  });

  it('Pacific/Apia skipped 2011-12-30: that day is empty, its neighbours are whole', () => {
    const days = dayRanges('2011-12-29', '2011-12-31', 'Pacific/Apia');
    expect(days.map(hours)).toEqual([24, 0, 24]);
  });

  it('days are contiguous and every modern zone maps onto buckets; historic LMT does not', () => {
    for (const zone of [
      'UTC',
      'America/New_York',
      'Europe/Berlin',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'America/St_Johns',
    ]) {
      const days = dayRanges('2024-01-01', '2024-12-31', zone);
      expect(days).toHaveLength(366);
      for (let i = 1; i < days.length; i++) expect(days[i]!.startMs).toBe(days[i - 1]!.endMs);
      expect(bucketRanges(days), zone).not.toBeNull();
    }
    // Liberia kept local mean time (-0:44:30) until 1972.
    expect(bucketRanges(dayRanges('1971-06-01', '1971-06-02', 'Africa/Monrovia'))).toBeNull();
  });
});

describe('attempts in local days', () => {
  const detailsAt = (times: string[]): DetailsInput[] =>
    times.map((time, i) => ({ user: `u${i}`, time, userAction: 'Cancel', action: 'EnrollmentWrapUp' }));
  const dailyCounts = (db: ReturnType<typeof tempCase>, from: string, to: string, tz: string) =>
    computeReport(db, { from, to, tz }).daily.map((d) => [d.date, d['Setup Checklist']]);

  it('New York across the spring change: 23:30 local belongs to the local day, before and after the change', () => {
    const db = tempCase();
    importRows(db, {
      details: detailsAt([
        '2024-03-10T04:59:59.999Z', // 23:59:59.999 EST, 03-09
        '2024-03-10T05:00:00.000Z', // 00:00 EST, 03-10
        '2024-03-11T03:30:00.000Z', // 23:30 EDT, 03-10
        '2024-03-11T04:00:00.000Z', // 00:00 EDT, 03-11
      ]),
    });
    expect(dailyCounts(db, '2024-03-09', '2024-03-11', 'America/New_York')).toEqual([
      ['2024-03-09', 1],
      ['2024-03-10', 2],
      ['2024-03-11', 1],
    ]);
  });

  it('Berlin across the autumn change: the 25-hour day holds both 02:30s', () => {
    const db = tempCase();
    importRows(db, {
      details: detailsAt([
        '2024-10-27T00:30:00Z', // 02:30 CEST
        '2024-10-27T01:30:00Z', // 02:30 CET
        '2024-10-27T22:59:00Z', // 23:59 CET, 10-27
        '2024-10-27T23:00:00Z', // 00:00 CET, 10-28
      ]),
    });
    expect(dailyCounts(db, '2024-10-27', '2024-10-28', 'Europe/Berlin')).toEqual([
      ['2024-10-27', 3],
      ['2024-10-28', 1],
    ]);
  });

  it('Kathmandu: 18:14 and 18:15 UTC fall on different local days', () => {
    const db = tempCase();
    importRows(db, { details: detailsAt(['2024-05-31T18:14:59.999Z', '2024-05-31T18:15:00Z']) });
    expect(dailyCounts(db, '2024-05-31', '2024-06-01', 'Asia/Kathmandu')).toEqual([
      ['2024-05-31', 1],
      ['2024-06-01', 1],
    ]);
  });

  it('Santiago: the day without a midnight starts at 01:00 -03 (04:00 UTC)', () => {
    const db = tempCase();
    importRows(db, { details: detailsAt(['2024-09-08T03:59:59Z', '2024-09-08T04:00:00Z']) });
    expect(dailyCounts(db, '2024-09-07', '2024-09-08', 'America/Santiago')).toEqual([
      ['2024-09-07', 1],
      ['2024-09-08', 1],
    ]);
  });

  it('a zone off the 15-minute grid falls back to attempts and counts the same as a brute-force placement', () => {
    const db = tempCase();
    const times: string[] = [];
    for (let m = 0; m < 48 * 60; m += 7) times.push(new Date(Date.UTC(1971, 5, 1, 0, m, 13)).toISOString());
    importRows(db, { details: detailsAt(times) });
    const days = dayRanges('1971-05-31', '1971-06-03', 'Africa/Monrovia');
    const aggregation = aggregateDays(db, days);
    expect(aggregation.source).toBe('attempts');
    const expected = days.map((d) => times.filter((t) => Date.parse(t) >= d.startMs && Date.parse(t) < d.endMs).length);
    expect(dailyCounts(db, '1971-05-31', '1971-06-03', 'Africa/Monrovia').map(([, n]) => n)).toEqual(expected);
    // And a day boundary really is off the grid there (00:44:30 UTC).
    expect(new Date(days[1]!.startMs).toISOString()).toBe('1971-06-01T00:44:30.000Z');
  });
});
