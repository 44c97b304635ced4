/**
 * Spec 5, revision 2, rule by rule at its boundaries, on real case files: what the data knows
 * (known and unknown initiated cells), summary-only incomplete counts, the rate's basis, partial
 * days, the default range.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import type { Report } from '../../../src-main/shared/report-types';
import { SECTIONS } from '../../../src-main/shared/taxonomy';
import {
  importRows,
  removeTempCases,
  tempCase,
  type DetailsInput,
  type EventInput,
  type SummaryInput,
} from '../../helpers/case-builder';

afterEach(removeTempCases);

const cancel = (user: string, time: string, platform: 'ios' | 'android' = 'ios'): DetailsInput => ({
  user,
  time,
  platform,
  userAction: 'Cancel',
  action: 'EnrollmentWrapUp',
});
const complete = (user: string, time: string, platform: 'ios' | 'android' = 'ios'): EventInput => ({
  user,
  time,
  platform,
  event: 'complete',
});
const summary = (
  day: string,
  initiated: number,
  incomplete: number | null,
  platform?: 'ios' | 'android',
): SummaryInput => ({
  day,
  initiated,
  incomplete,
  ...(platform === undefined ? {} : { platform }),
});

/** The spec 5 invariants, which every report here must hold. */
function invariants(report: Report): void {
  let sections = 0;
  for (const table of report.sections) {
    const daily = report.daily.reduce((sum, day) => sum + Number(day[table.section] ?? 0), 0);
    expect(daily).toBe(table.incomplete);
    expect(table.rows.reduce((sum, row) => sum + row.count, 0)).toBe(table.incomplete);
    sections += table.incomplete;
  }
  expect(sections).toBe(report.rollup.incomplete - report.rollup.unclassified);
}

const JUNE_1_3 = { from: '2025-06-01', to: '2025-06-03' };

describe('what the data knows', () => {
  it('details only: Initiated and the rate are unknown (null), the days with attempts are listed', () => {
    const db = tempCase();
    importRows(db, { details: [cancel('a', '2025-06-01T10:00:00'), cancel('b', '2025-06-03T10:00:00', 'android')] });
    const report = computeReport(db, JUNE_1_3);
    invariants(report);
    expect(report.rollup).toEqual({
      initiated: null,
      incomplete: 2,
      incompleteRate: null,
      inProgress: 0,
      unclassified: 0,
      fromSummary: 0,
    });
    expect(report.coverage.unknownInitiatedDays).toEqual(['2025-06-01', '2025-06-03']);
    expect(report.dataQuality.knownInitiatedDays).toBe(0);
    expect(report.dataQuality.incompleteOutsideRate).toBe(2);
    expect(report.dataQuality.notes[0]).toMatch(/^Initiated is unknown/);
  });

  it('summary only: Incomplete is the summary’s, from the summary and unclassified; the rate is its own', () => {
    const db = tempCase();
    importRows(db, { summaries: [summary('2025-06-01', 100, 30), summary('2025-06-02', 50, 10)] });
    const report = computeReport(db, JUNE_1_3);
    invariants(report);
    expect(report.rollup).toEqual({
      initiated: 150,
      incomplete: 40,
      incompleteRate: 40 / 150,
      inProgress: 0,
      unclassified: 40,
      fromSummary: 40,
    });
    expect(report.coverage).toEqual({ unknownInitiatedDays: [], partialDays: [] });
    expect(report.dataQuality.summaryMismatches).toEqual([]);
    expect(report.sections.every((t) => t.incomplete === 0)).toBe(true);
    // A section filter counts neither (their sections are unknown); naming all four is no filter.
    const filtered = computeReport(db, { ...JUNE_1_3, sections: ['Terms of Use'] });
    expect(filtered.rollup).toMatchObject({
      initiated: 150,
      incomplete: 0,
      unclassified: 0,
      fromSummary: 0,
      incompleteRate: 0,
    });
    expect(computeReport(db, { ...JUNE_1_3, sections: [...SECTIONS] }).rollup).toEqual(report.rollup);
  });

  it('a summary cell with attempts is only compared; one without attempts adds its incomplete count', () => {
    const db = tempCase();
    importRows(db, {
      summaries: [summary('2025-06-01', 10, 3, 'ios'), summary('2025-06-02', 5, 2, 'ios')],
      details: [cancel('a', '2025-06-02T10:00:00')],
    });
    const report = computeReport(db, JUNE_1_3);
    invariants(report);
    // 06-01: 3 from the summary; 06-02: the attempt (1), the summary's 2 only compared.
    expect(report.rollup).toMatchObject({ initiated: 15, incomplete: 4, fromSummary: 3, unclassified: 3 });
    expect(report.rollup.incompleteRate).toBe(4 / 15);
    expect(report.dataQuality.summaryMismatches).toEqual([
      { date: '2025-06-02', platform: 'iOS/iPadOS', summaryIncomplete: 2, attemptsIncomplete: 1 },
    ]);
    // 06-03 and Android: no summary, no event log → unknown, but they hold no attempt.
    expect(report.coverage.unknownInitiatedDays).toEqual([]);
  });

  it('a summary without platform covers the day for both platforms; under a platform filter it is left out', () => {
    const db = tempCase();
    importRows(db, {
      summaries: [summary('2025-06-01', 7, 2)],
      details: [cancel('a', '2025-06-01T10:00:00', 'ios')],
    });
    const both = computeReport(db, JUNE_1_3);
    expect(both.rollup).toMatchObject({ initiated: 7, incomplete: 1, fromSummary: 0 });
    expect(both.dataQuality.summaryMismatches).toHaveLength(1);
    const ios = computeReport(db, { ...JUNE_1_3, platforms: ['iOS/iPadOS'] });
    invariants(ios);
    // Left out, and no event log: the iOS cell of 06-01 is unknown.
    expect(ios.rollup).toMatchObject({ initiated: null, incomplete: 1, incompleteRate: null, fromSummary: 0 });
    expect(ios.dataQuality.summaryRowsLeftOut).toBe(1);
    expect(ios.coverage.unknownInitiatedDays).toEqual(['2025-06-01']);
    expect(ios.dataQuality.notes.join(' ')).toMatch(/1 summary row covers both platforms together .* left out/);
    // 06-01 holds a summary row: never partial, whatever the filter.
    expect(ios.coverage.partialDays).toEqual([]);
  });

  it('two summary rows for one cell in one file: the later line stands', () => {
    const db = tempCase();
    importRows(db, { summaries: [summary('2025-06-01', 4, 1, 'android'), summary('2025-06-01', 9, 5, 'android')] });
    expect(computeReport(db, JUNE_1_3).rollup).toMatchObject({ initiated: 9, incomplete: 5, fromSummary: 5 });
  });

  it('a platformless row and rows of both platforms for one day: the ones imported last stand', () => {
    const later = tempCase();
    importRows(later, { summaries: [summary('2025-06-01', 20, 4)] });
    importRows(later, { summaries: [summary('2025-06-01', 13, 2, 'ios'), summary('2025-06-01', 9, 1, 'android')] });
    expect(computeReport(later, JUNE_1_3).rollup).toMatchObject({ initiated: 22, incomplete: 3, fromSummary: 3 });
    const earlier = tempCase();
    importRows(earlier, { summaries: [summary('2025-06-01', 13, 2, 'ios'), summary('2025-06-01', 9, 1, 'android')] });
    importRows(earlier, { summaries: [summary('2025-06-01', 20, 4)] });
    expect(computeReport(earlier, JUNE_1_3).rollup).toMatchObject({ initiated: 20, incomplete: 4, fromSummary: 4 });
    // Under a platform filter the platformless row cannot be split: the platform's own row stands.
    expect(computeReport(earlier, { ...JUNE_1_3, platforms: ['Android'] }).rollup).toMatchObject({
      initiated: 9,
      incomplete: 1,
    });
  });

  it('summary of one platform, details of the other: the details’ cells are unknown and left out of the rate', () => {
    const db = tempCase();
    importRows(db, {
      summaries: [summary('2025-06-01', 40, 10, 'ios'), summary('2025-06-02', 60, 20, 'ios')],
      details: [cancel('a', '2025-06-01T10:00:00', 'android'), cancel('b', '2025-06-02T11:00:00', 'android')],
    });
    const report = computeReport(db, JUNE_1_3);
    invariants(report);
    expect(report.rollup).toEqual({
      initiated: 100,
      incomplete: 32,
      incompleteRate: 30 / 100,
      inProgress: 0,
      unclassified: 30,
      fromSummary: 30,
    });
    expect(report.coverage.unknownInitiatedDays).toEqual(['2025-06-01', '2025-06-02']);
    expect(report.dataQuality.incompleteOutsideRate).toBe(2);
    expect(report.dataQuality.knownInitiatedDays).toBe(0);
    expect(computeReport(db, { ...JUNE_1_3, platforms: ['Android'] }).rollup).toMatchObject({
      initiated: null,
      incomplete: 2,
      incompleteRate: null,
    });
  });

  it('one event-log span for the whole case, all platforms: inside it a cell without attempts is a real zero', () => {
    const db = tempCase();
    importRows(db, {
      events: [complete('a', '2025-06-01T08:00:00', 'ios'), complete('b', '2025-06-03T08:00:00', 'ios')],
      details: [cancel('c', '2025-06-02T10:00:00', 'android')],
    });
    const report = computeReport(db, JUNE_1_3);
    invariants(report);
    // Android's details row on 06-02 lies in the iOS event log's span: known, counted in Initiated.
    expect(report.rollup).toMatchObject({ initiated: 3, incomplete: 1, incompleteRate: 1 / 3 });
    expect(report.coverage.unknownInitiatedDays).toEqual([]);
    expect(report.dataQuality.knownInitiatedDays).toBe(3);
    const android = computeReport(db, { ...JUNE_1_3, platforms: ['Android'] });
    expect(android.rollup).toMatchObject({ initiated: 1, incomplete: 1, incompleteRate: 1 });
  });
});

describe('partial days', () => {
  const dataFromTo = (first: string, last: string): { events: EventInput[] } => ({
    events: [complete('a', first), complete('b', last)],
  });
  const partial = (report: Report): string[] => report.coverage.partialDays as string[];

  it('exactly 60 minutes outside the span is whole; 61 is partial (at the end and at the start)', () => {
    const end60 = tempCase();
    importRows(end60, dataFromTo('2025-06-01T00:00:00', '2025-06-02T23:00:00'));
    expect(partial(computeReport(end60, JUNE_1_3))).toEqual([]);
    const end61 = tempCase();
    importRows(end61, dataFromTo('2025-06-01T00:00:00', '2025-06-02T22:59:00'));
    const report = computeReport(end61, JUNE_1_3);
    expect(partial(report)).toEqual(['2025-06-02']);
    expect(report.daily.map((d) => d.partial)).toEqual([undefined, true, undefined]);
    expect('partial' in report.daily[0]!).toBe(false);
    expect(report.dataQuality.partialDays).toEqual([
      {
        date: '2025-06-02',
        dataStart: '2025-06-02T00:00:00.000Z',
        dataEnd: '2025-06-02T22:59:00.000Z',
        minutesOutside: 61,
      },
    ]);
    const start60 = tempCase();
    importRows(start60, dataFromTo('2025-06-01T01:00:00', '2025-06-02T23:59:00'));
    expect(partial(computeReport(start60, JUNE_1_3))).toEqual([]);
    const start61 = tempCase();
    importRows(start61, dataFromTo('2025-06-01T01:01:00', '2025-06-02T23:59:00'));
    expect(partial(computeReport(start61, JUNE_1_3))).toEqual(['2025-06-01']);
  });

  it('30 minutes missing at each end of one day add up: 60 whole, 61 partial', () => {
    const whole = tempCase();
    importRows(whole, dataFromTo('2025-06-01T00:30:00', '2025-06-01T23:30:00'));
    expect(partial(computeReport(whole, JUNE_1_3))).toEqual([]);
    const part = tempCase();
    importRows(part, dataFromTo('2025-06-01T00:30:00', '2025-06-01T23:29:00'));
    expect(partial(computeReport(part, JUNE_1_3))).toEqual(['2025-06-01']);
  });

  it('a DST day of 23 hours and one of 25 (Europe/Berlin): the hour outside is measured on the local day', () => {
    const spring = { from: '2025-03-30', to: '2025-03-30', tz: 'Europe/Berlin' };
    // 2025-03-30 runs 03-29T23:00Z to 03-30T22:00Z (23 hours); 23:00 local is 21:00Z.
    const whole = tempCase();
    importRows(whole, dataFromTo('2025-03-29T12:00:00Z', '2025-03-30T21:00:00Z'));
    expect(partial(computeReport(whole, spring))).toEqual([]);
    const part = tempCase();
    importRows(part, dataFromTo('2025-03-29T12:00:00Z', '2025-03-30T20:59:00Z'));
    expect(partial(computeReport(part, spring))).toEqual(['2025-03-30']);

    const autumn = { from: '2025-10-26', to: '2025-10-26', tz: 'Europe/Berlin' };
    // 2025-10-26 runs 10-25T22:00Z to 10-26T23:00Z (25 hours); 23:00 local is 22:00Z.
    const whole25 = tempCase();
    importRows(whole25, dataFromTo('2025-10-25T12:00:00Z', '2025-10-26T22:00:00Z'));
    expect(partial(computeReport(whole25, autumn))).toEqual([]);
    const part25 = tempCase();
    importRows(part25, dataFromTo('2025-10-25T12:00:00Z', '2025-10-26T21:59:00Z'));
    expect(partial(computeReport(part25, autumn))).toEqual(['2025-10-26']);
    // Its first local hour is 22:00Z-23:00Z the day before: data from 23:00Z leaves 60 minutes out.
    const late = tempCase();
    importRows(late, dataFromTo('2025-10-25T23:00:00Z', '2025-10-27T12:00:00Z'));
    expect(partial(computeReport(late, autumn))).toEqual([]);
  });

  it('partial days at both ends, in two time zones; details rows are in the data span too', () => {
    const db = tempCase();
    importRows(db, {
      events: [complete('a', '2025-06-01T06:00:00Z')],
      details: [cancel('b', '2025-06-05T18:00:00Z')],
    });
    const range = { from: '2025-05-31', to: '2025-06-06' };
    const utc = computeReport(db, { ...range, tz: 'UTC' });
    expect(partial(utc)).toEqual(['2025-06-01', '2025-06-05']);
    invariants(utc);
    // Tokyo (+09:00): 06:00Z is 15:00 on 06-01, 18:00Z is 03:00 on 06-06.
    const tokyo = computeReport(db, { ...range, tz: 'Asia/Tokyo' });
    expect(partial(tokyo)).toEqual(['2025-06-01', '2025-06-06']);
    expect(tokyo.daily.filter((d) => d.partial === true).map((d) => d.date)).toEqual(['2025-06-01', '2025-06-06']);
    expect(tokyo.dataQuality.partialDays.at(-1)).toMatchObject({
      date: '2025-06-06',
      dataStart: '2025-06-05T15:00:00.000Z',
      dataEnd: '2025-06-05T18:00:00.000Z',
    });
  });

  it('a day holding a summary row is never partial', () => {
    const db = tempCase();
    importRows(db, {
      events: [complete('a', '2025-06-01T00:00:00'), complete('b', '2025-06-02T06:05:00')],
      summaries: [summary('2025-06-02', 3, 1, 'android')],
    });
    expect(partial(computeReport(db, JUNE_1_3))).toEqual([]);
  });
});

describe('the default range', () => {
  it('ends at the latest day with data that is not partial', () => {
    const db = tempCase();
    importRows(db, { events: [complete('a', '2025-05-20T00:00:00'), complete('b', '2025-06-14T06:05:00')] });
    const report = computeReport(db);
    expect(report.range).toEqual({ from: '2025-05-31', to: '2025-06-13', tz: 'UTC' });
    expect(report.coverage.partialDays).toEqual([]);
    // A summary on the partial day makes it whole: the range ends there.
    importRows(db, { summaries: [summary('2025-06-14', 10, 2, 'ios')] });
    expect(computeReport(db).range.to).toBe('2025-06-14');
  });

  it('when every day with data is partial, it ends at the latest day with data', () => {
    const db = tempCase();
    importRows(db, { events: [complete('a', '2025-06-10T09:00:00'), complete('b', '2025-06-11T06:00:00')] });
    const report = computeReport(db);
    expect(report.range.to).toBe('2025-06-11');
    expect(report.coverage.partialDays).toEqual(['2025-06-10', '2025-06-11']);
  });

  it('steps back over a partial last day to an earlier summary day', () => {
    const db = tempCase();
    importRows(db, {
      summaries: [summary('2025-06-01', 5, 1, 'ios')],
      details: [cancel('a', '2025-06-09T10:00:00')],
    });
    // The data span is one instant (06-09 10:00): partial; the latest whole day with data is 06-01.
    expect(computeReport(db).range.to).toBe('2025-06-01');
  });
});
