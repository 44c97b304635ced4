/** computeReport (spec 5) on real case files: roll-up, filters, defaults, summaries, data quality. */
import { afterEach, describe, expect, it } from 'vitest';
import { computeReport, ReportInputError } from '../../../src-main/report/compute-report';
import { SECTIONS } from '../../../src-main/shared/taxonomy';
import { openCase } from '../../../src-main/store/case-file';
import {
  addImport,
  importRows,
  removeTempCases,
  tempCase,
  type DetailsInput,
  type EventInput,
} from '../../helpers/case-builder';

afterEach(removeTempCases);

/** One incomplete attempt as a details row. */
const cancelAt = (user: string, time: string, platform: 'ios' | 'android' = 'ios'): DetailsInput => ({
  user,
  time,
  platform,
  userAction: 'Cancel',
  action: 'EnrollmentWrapUp',
});
/** A completed attempt from events. */
const completedAt = (user: string, time: string, platform: 'ios' | 'android' = 'ios'): EventInput => ({
  user,
  time,
  platform,
  event: 'complete',
});

const JUNE = { from: '2025-06-01', to: '2025-06-03' };

describe('computeReport: roll-up and daily series', () => {
  it('counts initiated (all outcomes, both sources), incomplete, in progress and the rate', () => {
    const db = tempCase();
    importRows(db, {
      events: [
        completedAt('a', '2025-06-01T08:00:00'),
        { user: 'b', time: '2025-06-01T09:00:00', event: 'step', action: 'TermsofUse' },
        { user: 'b', time: '2025-06-01T09:01:00', event: 'declineall' },
        // In progress: the case's latest event is 09:30 on 06-02, 10 minutes after it.
        { user: 'c', time: '2025-06-02T09:20:00', event: 'start' },
        completedAt('d', '2025-06-02T09:30:00', 'android'),
      ],
      details: [cancelAt('e', '2025-06-03T10:00:00', 'android')],
    });
    const report = computeReport(db, JUNE);
    expect(report.range).toEqual({ ...JUNE, tz: 'UTC' });
    expect(report.filters).toEqual({ platforms: ['iOS/iPadOS', 'Android'], sections: [...SECTIONS] });
    // Revision 2: the event logs span 06-01 08:00 to 06-02 09:30, so 06-03's cells (reached only by a
    // details row) have an unknown initiated count: its attempt counts in Incomplete, not in the rate.
    expect(report.rollup).toEqual({
      initiated: 4,
      incomplete: 2,
      incompleteRate: 0.25,
      inProgress: 1,
      unclassified: 0,
      fromSummary: 0,
    });
    // The data span (events and details) runs 06-01 08:00 to 06-03 10:00: both end days are partial.
    expect(report.coverage).toEqual({
      unknownInitiatedDays: ['2025-06-03'],
      partialDays: ['2025-06-01', '2025-06-03'],
    });
    expect(report.daily).toEqual([
      {
        date: '2025-06-01',
        'Setup Checklist': 0,
        'Platform Screens': 0,
        'Terms of Use': 1,
        'Compliance/Activation': 0,
        partial: true,
      },
      {
        date: '2025-06-02',
        'Setup Checklist': 0,
        'Platform Screens': 0,
        'Terms of Use': 0,
        'Compliance/Activation': 0,
      },
      {
        date: '2025-06-03',
        'Setup Checklist': 1,
        'Platform Screens': 0,
        'Terms of Use': 0,
        'Compliance/Activation': 0,
        partial: true,
      },
    ]);
  });

  it('rate is null when nothing was initiated, and not rounded otherwise', () => {
    const db = tempCase();
    // Revision 2: an empty case knows no cell, so Initiated is unknown (null), not 0.
    expect(computeReport(db, JUNE).rollup).toEqual({
      initiated: null,
      incomplete: 0,
      incompleteRate: null,
      inProgress: 0,
      unclassified: 0,
      fromSummary: 0,
    });
    importRows(db, {
      details: [cancelAt('a', '2025-06-01T01:00:00')],
      events: [completedAt('b', '2025-06-01T02:00:00'), completedAt('c', '2025-06-01T03:00:00')],
    });
    expect(computeReport(db, JUNE).rollup.incompleteRate).toBe(1 / 3);
  });

  it('filters by platform: only that platform’s attempts count anywhere', () => {
    const db = tempCase();
    importRows(db, {
      details: [cancelAt('a', '2025-06-01T01:00:00', 'ios'), cancelAt('b', '2025-06-01T01:00:00', 'android')],
      events: [completedAt('c', '2025-06-01T02:00:00', 'android')],
    });
    const android = computeReport(db, { ...JUNE, platforms: ['Android'] });
    expect(android.filters.platforms).toEqual(['Android']);
    expect(android.rollup).toMatchObject({ initiated: 2, incomplete: 1 });
    expect(android.sections[0]!.rows[0]!.byPlatform).toEqual({ 'iOS/iPadOS': 0, Android: 1 });
  });

  it('the section filter changes Incomplete and the tables, not Initiated', () => {
    const db = tempCase();
    importRows(db, {
      details: [
        cancelAt('a', '2025-06-01T01:00:00'),
        { user: 'b', time: '2025-06-01T01:00:00', userAction: 'Decline All', action: 'TermsofUse' },
      ],
      // An event log on the day makes its initiated count known (revision 2).
      events: [completedAt('c', '2025-06-01T02:00:00')],
    });
    const report = computeReport(db, { ...JUNE, sections: ['Terms of Use'] });
    expect(report.rollup).toMatchObject({ initiated: 3, incomplete: 1 });
    expect(report.sections.map((s) => s.section)).toEqual(['Terms of Use']);
    // 06-01 is a partial day (data 01:00 to 02:00) and carries `partial`; 06-02 does not.
    expect(Object.keys(report.daily[0]!)).toEqual(['date', 'Terms of Use', 'partial']);
    expect(Object.keys(report.daily[1]!)).toEqual(['date', 'Terms of Use']);
  });

  it('unclassified attempts count in Incomplete only when all four sections are selected', () => {
    const db = tempCase();
    importRows(db, {
      details: [
        cancelAt('a', '2025-06-01T01:00:00'),
        { user: 'b', time: '2025-06-01T02:00:00', userAction: 'Postpone' },
      ],
      events: [
        { user: 'c', time: '2025-06-01T03:00:00', event: 'start' },
        { user: 'c', time: '2025-06-01T03:01:00', event: 'appclosed' },
      ],
    });
    const all = computeReport(db, JUNE);
    expect(all.rollup).toMatchObject({ incomplete: 3, unclassified: 2 });
    expect(all.dataQuality.notes.join(' ')).toMatch(/2 incomplete attempts ended before any action name was known/);
    const filtered = computeReport(db, { ...JUNE, sections: ['Setup Checklist'] });
    expect(filtered.rollup).toMatchObject({ incomplete: 1, unclassified: 0 });
    expect(filtered.dataQuality.notes.join(' ')).toMatch(/2 unclassified incomplete attempts are not counted/);
    // Selecting all four explicitly is the same as no filter.
    expect(computeReport(db, { ...JUNE, sections: [...SECTIONS].reverse() }).rollup).toEqual(all.rollup);
  });

  it('platforms and sections are deduplicated, parsed leniently and put in taxonomy order', () => {
    const db = tempCase();
    const report = computeReport(db, {
      ...JUNE,
      platforms: ['Android', 'iOS/iPadOS', 'Android'],
      sections: ['Terms of Use', 'Setup Checklist', 'terms of use'] as never,
    });
    expect(report.filters).toEqual({
      platforms: ['iOS/iPadOS', 'Android'],
      sections: ['Setup Checklist', 'Terms of Use'],
    });
  });
});

describe('computeReport: range and input checks', () => {
  it('defaults to the 14 days ending at the latest day with data, in the zone', () => {
    const db = tempCase();
    importRows(db, {
      events: [completedAt('a', '2025-06-10T23:30:00')],
      details: [cancelAt('b', '2025-06-09T12:00:00')],
    });
    expect(computeReport(db).range).toEqual({ from: '2025-05-28', to: '2025-06-10', tz: 'UTC' });
    // 23:30 UTC is already the 11th in Berlin, but the data covers only its first 90 minutes: a
    // partial day (revision 2), so the range ends on the 10th.
    expect(computeReport(db, { tz: 'Europe/Berlin' }).range).toEqual({
      from: '2025-05-28',
      to: '2025-06-10',
      tz: 'Europe/Berlin',
    });
    expect(
      computeReport(db, { from: '2025-06-11', to: '2025-06-11', tz: 'Europe/Berlin' }).coverage.partialDays,
    ).toEqual(['2025-06-11']);
  });

  it('the latest day counts details rows and summary days too', () => {
    const db = tempCase();
    importRows(db, {
      events: [completedAt('a', '2025-06-01T10:00:00')],
      details: [cancelAt('b', '2025-06-05T12:00:00')],
    });
    // The data ends 06-05 12:00: 06-05 is partial (revision 2), so the range ends on 06-04.
    expect(computeReport(db).range.to).toBe('2025-06-04');
    importRows(db, { summaries: [{ day: '2025-06-20', initiated: 3 }] });
    expect(computeReport(db).range.to).toBe('2025-06-20');
    importRows(db, { summaries: [{ time: '2025-06-25T22:00:00Z', initiated: 3 }] });
    expect(computeReport(db, { tz: 'Asia/Tokyo' }).range.to).toBe('2025-06-26');
  });

  it('only `to`: the 14 days ending there; only `from`: the 14 days starting there', () => {
    const db = tempCase();
    expect(computeReport(db, { to: '2025-03-01' }).range).toMatchObject({ from: '2025-02-16', to: '2025-03-01' });
    expect(computeReport(db, { from: '2024-02-20' }).range).toMatchObject({ from: '2024-02-20', to: '2024-03-04' });
    expect(computeReport(db, { to: '2025-03-01' }).daily).toHaveLength(14);
  });

  it('an empty case reports the 14 days ending today (UTC date)', () => {
    const db = tempCase();
    const today = new Date().toISOString().slice(0, 10);
    const report = computeReport(db);
    expect(report.range.to).toBe(today);
    expect(report.daily).toHaveLength(14);
    expect(report.dataQuality.daysWithoutData).toHaveLength(14);
  });

  it('refuses bad input with a ReportInputError and a one-line message', () => {
    const db = tempCase();
    const refusal = (filter: Parameters<typeof computeReport>[1]): string => {
      try {
        computeReport(db, filter);
      } catch (error) {
        expect(error).toBeInstanceOf(ReportInputError);
        const message = (error as Error).message;
        expect(message).not.toContain('\n');
        return message;
      }
      throw new Error('no error');
    };
    expect(refusal({ tz: 'Mars/Olympus' })).toMatch(/time zone "Mars\/Olympus"/);
    expect(refusal({ tz: '' })).toMatch(/time zone/);
    expect(refusal({ from: '2025-02-30', to: '2025-03-01' })).toMatch(/from date "2025-02-30"/);
    expect(refusal({ to: '2025/03/01' })).toMatch(/to date/);
    expect(refusal({ from: '2025-06-05', to: '2025-06-01' })).toMatch(/after/);
    expect(refusal({ platforms: ['Windows' as never] })).toMatch(/platform "Windows"/);
    expect(refusal({ sections: ['Nope' as never] })).toMatch(/section "Nope"/);
    expect(refusal({ from: '1900-01-01', to: '2100-01-01' })).toMatch(/longer than/);
  });
});

describe('computeReport: summary rows', () => {
  it('a per-platform summary is the authority for its cell; other cells count attempts', () => {
    const db = tempCase();
    importRows(db, {
      details: [cancelAt('a', '2025-06-01T01:00:00', 'ios'), cancelAt('b', '2025-06-01T01:00:00', 'android')],
      events: [completedAt('c', '2025-06-02T01:00:00', 'ios')],
      summaries: [{ day: '2025-06-01', platform: 'ios', initiated: 10, incomplete: 1 }],
    });
    const report = computeReport(db, JUNE);
    // 06-01 iOS: 10 (summary); 06-02 iOS: 1, Android: 0 (the event log spans 06-02). Revision 2:
    // 06-01 Android is reached only by a details row, so its initiated count is unknown.
    expect(report.rollup).toMatchObject({ initiated: 11, incomplete: 2, incompleteRate: 1 / 11 });
    expect(report.coverage.unknownInitiatedDays).toEqual(['2025-06-01']);
    expect(report.dataQuality.summaryMismatches).toEqual([]);
  });

  it('several rows for the same cell: the one imported last stands (revision 2; they were summed)', () => {
    const db = tempCase();
    importRows(db, { summaries: [{ day: '2025-06-01', platform: 'ios', initiated: 4, incomplete: 1 }] });
    importRows(db, { summaries: [{ day: '2025-06-01', platform: 'ios', initiated: 6, incomplete: 2 }] });
    const report = computeReport(db, JUNE);
    expect(report.rollup).toMatchObject({ initiated: 6, incomplete: 2, fromSummary: 2, unclassified: 2 });
    expect(report.dataQuality.summaryMismatches).toEqual([]);
  });

  it('a platformless summary covers its day for both platforms together', () => {
    const db = tempCase();
    importRows(db, {
      details: [cancelAt('a', '2025-06-01T01:00:00', 'ios'), cancelAt('b', '2025-06-01T01:00:00', 'android')],
      summaries: [{ day: '2025-06-01', initiated: 7, incomplete: 2 }],
    });
    const report = computeReport(db, JUNE);
    expect(report.rollup.initiated).toBe(7);
    expect(report.dataQuality.summaryMismatches).toEqual([]);
    expect(report.dataQuality.summaryRowsLeftOut).toBe(0);
  });

  it('under a one-platform filter a platformless summary is left out, noted, and the cell counts attempts', () => {
    const db = tempCase();
    importRows(db, {
      details: [cancelAt('a', '2025-06-01T01:00:00', 'ios'), cancelAt('b', '2025-06-01T01:00:00', 'android')],
      events: [completedAt('c', '2025-06-01T02:00:00', 'ios')],
      summaries: [{ day: '2025-06-01', initiated: 7, incomplete: 9 }],
    });
    const report = computeReport(db, { ...JUNE, platforms: ['iOS/iPadOS'] });
    expect(report.rollup).toMatchObject({ initiated: 2, incomplete: 1 });
    expect(report.dataQuality.summaryRowsLeftOut).toBe(1);
    expect(report.dataQuality.summaryMismatches).toEqual([]);
    expect(report.dataQuality.notes.join(' ')).toMatch(/1 summary row covers both platforms together .* left out/);
  });

  it('a day with both kinds: the platformless row covers both platforms, per-platform rows cover a filtered cell', () => {
    const db = tempCase();
    importRows(db, {
      details: [cancelAt('a', '2025-06-01T01:00:00', 'android')],
      summaries: [
        { day: '2025-06-01', initiated: 20 },
        { day: '2025-06-01', platform: 'ios', initiated: 12 },
        { day: '2025-06-01', platform: 'android', initiated: 8 },
      ],
    });
    expect(computeReport(db, JUNE).rollup.initiated).toBe(20);
    const ios = computeReport(db, { ...JUNE, platforms: ['iOS/iPadOS'] });
    expect(ios.rollup.initiated).toBe(12);
    expect(ios.dataQuality.summaryRowsLeftOut).toBe(1);
    expect(computeReport(db, { ...JUNE, platforms: ['Android'] }).rollup.initiated).toBe(8);
  });

  it('mismatches compare the summary’s incomplete with all incomplete attempts of the cell, any section', () => {
    const db = tempCase();
    importRows(db, {
      details: [
        cancelAt('a', '2025-06-01T01:00:00', 'ios'),
        { user: 'b', time: '2025-06-01T01:00:00', userAction: 'Postpone', platform: 'ios' },
        cancelAt('c', '2025-06-02T01:00:00', 'android'),
      ],
      summaries: [
        { day: '2025-06-01', platform: 'ios', initiated: 5, incomplete: 2 }, // agrees (unclassified counts)
        { day: '2025-06-02', initiated: 5, incomplete: 4 }, // both platforms: 1 attempt
        { day: '2025-06-03', platform: 'android', initiated: 5 }, // no incomplete given: nothing to compare
      ],
    });
    const report = computeReport(db, { ...JUNE, sections: ['Terms of Use'] });
    expect(report.dataQuality.summaryMismatches).toEqual([
      { date: '2025-06-02', platform: null, summaryIncomplete: 4, attemptsIncomplete: 1 },
    ]);
    expect(report.dataQuality.notes.join(' ')).toMatch(/1 summary cell disagrees/);
    expect(report.rollup.initiated).toBe(15);
  });

  it('a summary time falls on its local day; summaries outside the range are ignored', () => {
    const db = tempCase();
    importRows(db, {
      summaries: [
        { time: '2025-05-31T23:30:00Z', initiated: 4 }, // 06-01 in Berlin
        { day: '2025-06-04', initiated: 100 },
      ],
    });
    expect(computeReport(db, { ...JUNE, tz: 'Europe/Berlin' }).rollup.initiated).toBe(4);
    // In UTC no summary falls in the range and there is no event log: unknown (revision 2).
    expect(computeReport(db, { ...JUNE, tz: 'UTC' }).rollup.initiated).toBeNull();
  });
});

describe('computeReport: connections', () => {
  it('reads a case opened read-only, and gives the same report as the writing connection', () => {
    const db = tempCase();
    importRows(db, {
      details: [cancelAt('a', '2025-06-01T01:00:00')],
      events: [completedAt('b', '2025-06-02T01:00:00')],
    });
    const expected = computeReport(db, JUNE);
    const readOnly = openCase(db.name, { readonly: true });
    expect(computeReport(readOnly, JUNE)).toEqual(expected);
    readOnly.close();
  });
});

describe('computeReport: data quality and imports', () => {
  it('lists days without data (no attempt of any platform, no summary)', () => {
    const db = tempCase();
    importRows(db, {
      details: [cancelAt('a', '2025-06-01T01:00:00', 'android')],
      summaries: [{ day: '2025-06-03', initiated: 0 }],
    });
    expect(computeReport(db, { ...JUNE, platforms: ['iOS/iPadOS'] }).dataQuality.daysWithoutData).toEqual([
      '2025-06-02',
    ]);
  });

  it('lists every import with its counts and sums skipped and duplicate rows', () => {
    const db = tempCase();
    addImport(db, { file: 'one.csv', rows: 10, imported: 7, duplicates: 1, skipped: { 'unknown platform': 2 } });
    addImport(db, {
      file: 'two.json',
      format: 'details/json',
      rows: 5,
      imported: 2,
      duplicates: 2,
      skipped: { 'no time': 1 },
    });
    const report = computeReport(db, JUNE);
    expect(report.imports.map((i) => [i.id, i.file, i.format, i.rows, i.imported, i.duplicates, i.skipped])).toEqual([
      [1, 'one.csv', 'event-log/csv', 10, 7, 1, { 'unknown platform': 2 }],
      [2, 'two.json', 'details/json', 5, 2, 2, { 'no time': 1 }],
    ]);
    expect(report.dataQuality).toMatchObject({ skippedRows: 3, duplicateRows: 3 });
  });
});
