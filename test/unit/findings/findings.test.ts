/**
 * The findings of real case files (planted attempts stored and sessionized as an import does):
 * each rule says what the data supports and nothing else, and each finding's numbers are the
 * report's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeFindings } from '../../../src-main/findings/compute-findings';
import { gatherFindingsInput, reportWithFindings } from '../../../src-main/findings/gather';
import { twoProportionTest } from '../../../src-main/findings/stats';
import { computeReport } from '../../../src-main/report/compute-report';
import type { Finding, FindingKind } from '../../../src-main/shared/findings-types';
import { renderFindingText } from '../../../src-main/shared/findings-text';
import type { ReportFilter } from '../../../src-main/shared/report-types';
import { importRows, removeTempCases, tempCase, type Db } from '../../helpers/case-builder';
import { everyDay, importPlanned, type Stop } from '../../helpers/findings-case';

afterEach(removeTempCases);

const CURRENT: ReportFilter = { from: '2025-05-15', to: '2025-05-28', tz: 'UTC' };
const ignore = (count: number): Stop => ({ action: 'iOSProfileLaunch', event: 'ignore', count });
const decline = (count: number): Stop => ({ action: 'TermsofUse', event: 'declineall', count });
const cancel = (count: number): Stop => ({ action: 'AndroidPermissions', event: 'cancel', count });

/** 28 days (1-28 May 2025), 20 attempts a day on each platform; `ios`/`android` stops per day. */
function planted(ios: (i: number) => Stop[], android: (i: number) => Stop[]): Db {
  const db = tempCase();
  importPlanned(
    db,
    everyDay('2025-05-01', 28, (_date, i) => [
      { platform: 'ios', started: 20, stops: ios(i) },
      { platform: 'android', started: 20, stops: android(i) },
    ]),
  );
  return db;
}

/** 1-28 May 2025 on iOS alone, 20 attempts a day; 28 May's data ends at 10:00 (a partial day). */
function iosWithPartialLastDay(stops: (i: number) => Stop[]): Db {
  const db = tempCase();
  importPlanned(
    db,
    everyDay('2025-05-01', 28, (_date, i) => ({
      platform: 'ios',
      started: 20,
      stops: stops(i),
      ...(i === 27 ? { endMinute: 600 } : {}),
    })),
  );
  return db;
}

const ofKind = <K extends FindingKind>(findings: readonly Finding[], kind: K): Extract<Finding, { kind: K }>[] =>
  findings.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);

describe('where users stop', () => {
  it('the top rows by count, with share, platform split and rate per platform, as the report has them', () => {
    const db = planted(
      () => [ignore(5), decline(3)],
      () => [cancel(3), decline(1)],
    );
    const { report, findings } = reportWithFindings(db, CURRENT);
    const stops = ofKind(findings, 'where-users-stop');
    expect(stops.map((f) => [f.filter.actionName, f.filter.userAction, f.numbers.count])).toEqual([
      ['iOSProfileLaunch', 'Ignore', 70],
      ['TermsofUse', 'Decline All', 56],
      ['AndroidPermissions', 'Cancel', 42],
    ]);
    const ios = computeReport(db, { ...CURRENT, platforms: ['iOS/iPadOS'] });
    const android = computeReport(db, { ...CURRENT, platforms: ['Android'] });
    for (const finding of stops) {
      const table = report.sections.find((t) => t.section === finding.filter.section)!;
      const row = table.rows.find(
        (r) => r.actionName === finding.filter.actionName && r.userAction === finding.filter.userAction,
      )!;
      expect(finding.numbers.count).toBe(row.count);
      expect(finding.numbers.incomplete).toBe(report.rollup.incomplete);
      expect(finding.numbers.share).toBe(row.count / report.rollup.incomplete);
      expect(finding.numbers.ios).toBe(row.byPlatform['iOS/iPadOS']);
      expect(finding.numbers.android).toBe(row.byPlatform.Android);
      expect(finding.numbers.iosInitiated).toBe(ios.rollup.initiated);
      expect(finding.numbers.androidInitiated).toBe(android.rollup.initiated);
      expect(finding.numbers.iosRate).toBe(row.byPlatform['iOS/iPadOS'] / ios.rollup.initiated!);
      expect(finding.numbers.androidRate).toBe(row.byPlatform.Android / android.rollup.initiated!);
      expect(finding.filter).toMatchObject({ from: '2025-05-15', to: '2025-05-28', tz: 'UTC', screen: row.screen });
    }
    expect(stops[0]!.text).toBe(
      'Where users stop #1: iOSProfileLaunch, Ignore at "Prompt to show a configuration profile" (Platform Screens), ' +
        '70 incomplete enrollments, 41.7% of 168 (iOS/iPadOS 70, Android 0; 25.0% of iOS/iPadOS enrollments, 0.0% of Android enrollments).',
    );
  });

  it('a finding re-renders to its own text from kind, numbers and filter', () => {
    const db = planted(
      () => [ignore(5), decline(3)],
      () => [cancel(3), decline(1)],
    );
    for (const finding of reportWithFindings(db, CURRENT).findings) {
      expect(renderFindingText(JSON.parse(JSON.stringify(finding)) as Finding)).toBe(finding.text);
    }
  });
});

describe('platform gap', () => {
  it('a planted significant gap (40% against 20%) is said, with its p-value and the report rates', () => {
    const db = planted(
      () => [ignore(5), decline(3)],
      () => [cancel(3), decline(1)],
    );
    const gaps = ofKind(reportWithFindings(db, CURRENT).findings, 'platform-gap');
    expect(gaps).toHaveLength(1);
    const gap = gaps[0]!;
    const ios = computeReport(db, { ...CURRENT, platforms: ['iOS/iPadOS'] }).rollup;
    const android = computeReport(db, { ...CURRENT, platforms: ['Android'] }).rollup;
    expect(gap.worse).toBe('iOS/iPadOS');
    expect(gap.numbers).toMatchObject({
      iosIncomplete: ios.incomplete,
      iosInitiated: ios.initiated,
      iosRate: ios.incompleteRate,
      androidIncomplete: android.incomplete,
      androidInitiated: android.initiated,
      androidRate: android.incompleteRate,
      knownDays: 14,
      rangeDays: 14,
    });
    expect([ios.incomplete, ios.initiated, android.incomplete, android.initiated]).toEqual([112, 280, 56, 280]);
    expect(gap.numbers.difference).toBeCloseTo(0.2, 10);
    expect(gap.numbers.pValue).toBeLessThan(0.001);
    expect(gap.filter.platform).toBe('iOS/iPadOS');
    expect(gap.text).toContain('(p < 0.001)');
  });

  it('a planted non-significant gap (25% against 20%, p = 0.16) is not said', () => {
    const db = planted(
      () => [ignore(3), decline(2)],
      () => [cancel(2), decline(2)],
    );
    const input = gatherFindingsInput(db, CURRENT);
    const [ios, android] = [input.byPlatform['iOS/iPadOS']!.rollup, input.byPlatform.Android!.rollup];
    // The gap is 5 points on 280 enrollments each: large enough, only the test holds it back.
    expect([ios.incomplete, ios.initiated, android.incomplete, android.initiated]).toEqual([70, 280, 56, 280]);
    expect(twoProportionTest(70, 280, 56, 280)!.pValue).toBeGreaterThan(0.05);
    expect(ofKind(computeFindings(input), 'platform-gap')).toEqual([]);
  });

  it('never said when one platform is filtered out or its initiated count is unknown', () => {
    const db = planted(
      () => [ignore(5), decline(3)],
      () => [cancel(3), decline(1)],
    );
    expect(ofKind(reportWithFindings(db, { ...CURRENT, platforms: ['iOS/iPadOS'] }).findings, 'platform-gap')).toEqual(
      [],
    );
    // Abandonment details alone: incomplete attempts, but no initiated count on either platform.
    const details = tempCase();
    importRows(details, {
      details: everyDay('2025-05-15', 14, () => ({ platform: 'ios', started: 0 })).flatMap((plan, i) => [
        ...Array.from({ length: 8 }, (_, k) => ({
          user: `i${i}-${k}`,
          platform: 'ios' as const,
          time: `${plan.date}T09:0${k}:00`,
          action: 'iOSProfileLaunch' as const,
          userAction: 'Ignore' as const,
        })),
        ...Array.from({ length: 2 }, (_, k) => ({
          user: `a${i}-${k}`,
          platform: 'android' as const,
          time: `${plan.date}T09:0${k}:00`,
          action: 'AndroidPermissions' as const,
          userAction: 'Cancel' as const,
        })),
      ]),
    });
    const detailsFindings = reportWithFindings(details, CURRENT).findings;
    expect(ofKind(detailsFindings, 'platform-gap')).toEqual([]);
    expect(ofKind(detailsFindings, 'where-users-stop')[0]!.text).toContain(
      '— of iOS/iPadOS enrollments, — of Android enrollments (— where the number of enrollments begun is not known for every day)',
    );
    expect(ofKind(detailsFindings, 'where-users-stop')[0]!.numbers).toMatchObject({
      count: 112,
      iosRate: null,
      androidRate: null,
    });
    expect(ofKind(detailsFindings, 'caveat-no-initiated')[0]!.numbers).toEqual({ incomplete: 140 });
  });
});

describe('change against the previous period', () => {
  it('a planted significant rise of the rate (20% to 27.5%) and of the row behind it', () => {
    const db = planted(
      (i) => [ignore(i < 14 ? 4 : 7)],
      () => [cancel(4)],
    );
    const { findings } = reportWithFindings(db, CURRENT);
    const rate = ofKind(findings, 'rate-change');
    expect(rate).toHaveLength(1);
    const previous = computeReport(db, { from: '2025-05-01', to: '2025-05-14', tz: 'UTC' }).rollup;
    const current = computeReport(db, CURRENT).rollup;
    expect(rate[0]!.numbers).toMatchObject({
      currentIncomplete: current.incomplete,
      currentInitiated: current.initiated,
      currentRate: current.incompleteRate,
      previousIncomplete: previous.incomplete,
      previousInitiated: previous.initiated,
      previousRate: previous.incompleteRate,
      partialDays: 0,
      unknownDays: 0,
    });
    expect([previous.incomplete, current.incomplete]).toEqual([112, 154]);
    expect(rate[0]!.numbers.pValue).toBeLessThan(0.05);
    expect(rate[0]!.previous).toEqual({ from: '2025-05-01', to: '2025-05-14' });
    expect(rate[0]!.text).toMatch(
      /^The incomplete rate rose from 20\.0% \(1 May 2025 – 14 May 2025\) to 27\.5% \(15 May 2025 – 28 May 2025\), 7\.5 percentage points \(p = 0\.0\d\d\)\.$/,
    );

    const rows = ofKind(findings, 'row-change');
    expect(rows.map((f) => [f.filter.actionName, f.numbers.previous, f.numbers.current])).toEqual([
      ['iOSProfileLaunch', 56, 98],
    ]);
    expect(rows[0]!.numbers.pValue).toBeGreaterThanOrEqual(rows[0]!.numbers.rawPValue!);
    // The cancels did not change: tested, not said.
    expect(ofKind(findings, 'count-change')).toEqual([]);
  });

  it('a rate change across a partial day is still said, and says so', () => {
    const db = iosWithPartialLastDay((i) => [ignore(i < 14 ? 4 : 7)]);
    const { report, findings } = reportWithFindings(db, CURRENT);
    expect(report.coverage.partialDays).toEqual(['2025-05-28']);
    const rate = ofKind(findings, 'rate-change');
    expect(rate).toHaveLength(1);
    expect(rate[0]!.numbers).toMatchObject({
      partialDays: 1,
      unknownDays: 0,
      currentRate: report.rollup.incompleteRate,
    });
    expect(rate[0]!.text).toContain('(the two periods hold 1 partial day)');
  });

  it('a planted non-significant rise (20% to 25% on iOS alone, p = 0.16) is not said', () => {
    const db = planted(
      (i) => [ignore(i < 14 ? 4 : 5)],
      () => [],
    );
    const findings = reportWithFindings(db, { ...CURRENT, platforms: ['iOS/iPadOS'] }).findings;
    expect(ofKind(findings, 'rate-change')).toEqual([]);
    expect(ofKind(findings, 'row-change')).toEqual([]);
  });

  it('held back with a caveat when the previous period lies before the case data', () => {
    const db = planted(
      () => [ignore(5)],
      () => [],
    );
    const findings = reportWithFindings(db, { from: '2025-05-01', to: '2025-05-14', tz: 'UTC' }).findings;
    const held = ofKind(findings, 'caveat-change-held-back');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({
      reason: 'no-data-before',
      numbers: { days: 14 },
      previous: { from: '2025-04-17', to: '2025-04-30' },
    });
    expect(findings.filter((f) => f.kind.includes('change') && f.kind !== 'caveat-change-held-back')).toEqual([]);
  });
});

describe('change of counts (initiated unknown: abandonment details alone)', () => {
  function detailsCase(perDay: (i: number) => number, lastDayHour?: number): Db {
    const db = tempCase();
    const rows = everyDay('2025-05-01', 28, () => ({ platform: 'ios', started: 0 })).flatMap((plan, i) =>
      Array.from({ length: perDay(i) }, (_, k) => ({
        user: `u${i}-${k}`,
        platform: 'ios' as const,
        time: `${plan.date}T${String(i === 27 && lastDayHour !== undefined ? lastDayHour : 1 + k).padStart(2, '0')}:00:00`,
        action: 'TermsofUse' as const,
        userAction: 'Decline All' as const,
      })),
    );
    // Whole first and last days: a row just after midnight on 1 May and just before midnight on 28 May.
    rows.push({
      user: 'first',
      platform: 'ios',
      time: '2025-05-01T00:05:00',
      action: 'TermsofUse',
      userAction: 'Decline All',
    });
    if (lastDayHour === undefined)
      rows.push({
        user: 'last',
        platform: 'ios',
        time: '2025-05-28T23:55:00',
        action: 'TermsofUse',
        userAction: 'Decline All',
      });
    importRows(db, { details: rows });
    return db;
  }

  it('a planted significant rise of the count (exact binomial test) is said as counts', () => {
    const db = detailsCase((i) => (i < 14 ? 1 : 3));
    const { report, findings } = reportWithFindings(db, CURRENT);
    const previous = computeReport(db, { from: '2025-05-01', to: '2025-05-14', tz: 'UTC' });
    expect(report.rollup.initiated).toBeNull();
    const counts = ofKind(findings, 'count-change').filter((f) => f.filter.actionName === undefined);
    expect(counts).toHaveLength(1);
    expect(counts[0]!.numbers).toMatchObject({
      current: report.rollup.incomplete,
      previous: previous.rollup.incomplete,
    });
    expect([previous.rollup.incomplete, report.rollup.incomplete]).toEqual([15, 43]);
    expect(counts[0]!.numbers.pValue).toBeLessThan(0.001);
    expect(counts[0]!.text).toContain('counts compared, the number of enrollments begun is unknown');
    expect(ofKind(findings, 'rate-change')).toEqual([]);
  });

  it('a planted non-significant rise of the count (15 to 20) is not said', () => {
    const db = detailsCase((i) => (i < 14 ? 1 : i < 19 ? 2 : 1));
    const { report, findings } = reportWithFindings(db, CURRENT);
    expect(report.rollup.incomplete).toBe(20);
    expect(ofKind(findings, 'count-change')).toEqual([]);
  });

  it('held back with a caveat when a period holds a partial day', () => {
    const db = detailsCase((i) => (i < 14 ? 1 : 3), 8);
    const { report, findings } = reportWithFindings(db, CURRENT);
    expect(report.coverage.partialDays).toEqual(['2025-05-28']);
    expect(ofKind(findings, 'count-change')).toEqual([]);
    const held = ofKind(findings, 'caveat-change-held-back');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ reason: 'partial-days', numbers: { days: 1 } });
  });
});

describe('unusual days', () => {
  it('a planted spike is found against the previous 14 days; a spike with too short a baseline is not', () => {
    const db = planted(
      (i) => [decline(i === 24 || i === 3 ? 12 : 1)],
      () => [],
    );
    const days = ofKind(reportWithFindings(db, CURRENT).findings, 'unusual-day');
    expect(
      days.map((f) => [f.filter.date, f.filter.section, f.numbers.count, f.numbers.median, f.numbers.baselineDays]),
    ).toEqual([['2025-05-25', 'Terms of Use', 12, 1, 14]]);
    const report = computeReport(db, CURRENT);
    expect(report.daily.find((p) => p.date === '2025-05-25')!['Terms of Use']).toBe(12);
    expect(days[0]!.numbers.z).toBe(11);
    // 4 May: 3 days of data before it, fewer than 7: no baseline, no finding.
    const early = ofKind(
      reportWithFindings(db, { from: '2025-05-01', to: '2025-05-14', tz: 'UTC' }).findings,
      'unusual-day',
    );
    expect(early).toEqual([]);
  });

  it('a partial day is never flagged, nor counted in a later baseline', () => {
    // One decline a day; 28 May (partial) holds 12.
    const db = iosWithPartialLastDay((i) => [decline(i === 27 ? 12 : 1)]);
    const { report, findings } = reportWithFindings(db, CURRENT);
    expect(report.coverage.partialDays).toEqual(['2025-05-28']);
    expect(report.daily.find((p) => p.date === '2025-05-28')).toMatchObject({ 'Terms of Use': 12, partial: true });
    expect(ofKind(findings, 'unusual-day')).toEqual([]);
    const partial = ofKind(findings, 'caveat-partial-days');
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ days: ['2025-05-28'], numbers: { days: 1 } });
  });

  it('a day of ordinary noise is not unusual', () => {
    const db = planted(
      (i) => [decline([1, 3, 2, 0, 4, 2, 1][i % 7]!)],
      () => [],
    );
    expect(ofKind(reportWithFindings(db, CURRENT).findings, 'unusual-day')).toEqual([]);
  });
});

describe('caveats', () => {
  it('unclassified above 5% and rows skipped on import, each with its number', () => {
    const db = planted(
      () => [ignore(4), { action: null, event: 'cancel', count: 1 }],
      () => [],
    );
    db.prepare(`UPDATE imports SET skipped_json = ? WHERE id = (SELECT min(id) FROM imports)`).run(
      JSON.stringify({ 'unknown platform': 7 }),
    );
    const { report, findings } = reportWithFindings(db, CURRENT);
    const unclassified = ofKind(findings, 'caveat-unclassified');
    expect(unclassified[0]!.numbers).toEqual({
      unclassified: report.rollup.unclassified,
      fromSummary: report.rollup.fromSummary,
      incomplete: report.rollup.incomplete,
      share: report.rollup.unclassified / report.rollup.incomplete,
    });
    expect(report.rollup.unclassified).toBe(14);
    const skipped = ofKind(findings, 'caveat-skipped-rows');
    expect(skipped[0]!.numbers).toEqual({ skippedRows: 7, files: 1 });
    expect(skipped[0]!.text).toBe('7 rows were skipped on import (in 1 file; see the imports).');
    // Caveats come after the findings about enrollments.
    const firstCaveat = findings.findIndex((f) => f.kind.startsWith('caveat-'));
    expect(findings.slice(firstCaveat).every((f) => f.kind.startsWith('caveat-'))).toBe(true);
  });

  it('days of unknown initiated count and a summary row that disagrees, each with its number', () => {
    const db = planted(
      () => [ignore(4)],
      () => [],
    );
    // Android details on two days outside the event log's span (before it): unknown initiated there.
    importRows(db, {
      details: [
        {
          user: 'a1',
          platform: 'android',
          time: '2025-04-20T10:00:00',
          action: 'AndroidPermissions',
          userAction: 'Cancel',
        },
        {
          user: 'a2',
          platform: 'android',
          time: '2025-04-21T10:00:00',
          action: 'AndroidPermissions',
          userAction: 'Cancel',
        },
      ],
      // A summary for 20 May on iOS that says 9 incomplete where the attempts hold 4.
      summaries: [{ day: '2025-05-20', platform: 'ios', initiated: 20, incomplete: 9 }],
    });
    const range = { from: '2025-04-20', to: '2025-05-20', tz: 'UTC' };
    const { report, findings } = reportWithFindings(db, range);
    expect(report.coverage.unknownInitiatedDays).toEqual(['2025-04-20', '2025-04-21']);
    const unknown = ofKind(findings, 'caveat-unknown-initiated');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({
      days: ['2025-04-20', '2025-04-21'],
      numbers: { days: 2, rangeDays: 31, incompleteOutsideRate: report.dataQuality.incompleteOutsideRate },
    });
    expect(report.dataQuality.incompleteOutsideRate).toBe(2);
    const mismatch = ofKind(findings, 'caveat-summary-mismatch');
    expect(report.dataQuality.summaryMismatches).toHaveLength(1);
    expect(mismatch[0]!.numbers).toEqual({ cells: 1 });
    // The rates per platform of a row are not stated while Android has attempts of unknown base.
    const stop = ofKind(findings, 'where-users-stop')[0]!;
    expect(stop.numbers.androidRate).toBeNull();
  });

  it('no unclassified caveat at or under 5%', () => {
    const db = planted(
      () => [ignore(19), { action: null, event: 'cancel', count: 1 }],
      () => [],
    );
    expect(ofKind(reportWithFindings(db, CURRENT).findings, 'caveat-unclassified')).toEqual([]);
  });
});

describe('the reports the findings read', () => {
  it('a 14-day range: the baseline is the previous period itself, equal to the baseline days’ own report', () => {
    const db = planted(
      (i) => [ignore(i % 4)],
      (i) => [cancel(i % 3)],
    );
    const input = gatherFindingsInput(db, CURRENT);
    expect(input.history).toBe(input.previous);
    expect(input.history).toEqual(computeReport(db, { from: '2025-05-01', to: '2025-05-14', tz: 'UTC' }));
  });

  it('a 7-day range: the 14 baseline days are a report of their own', () => {
    const db = planted(
      (i) => [ignore(i % 4)],
      (i) => [cancel(i % 3)],
    );
    const input = gatherFindingsInput(db, { from: '2025-05-22', to: '2025-05-28', tz: 'UTC' });
    expect(input.history).not.toBe(input.previous);
    expect(input.previous?.range).toMatchObject({ from: '2025-05-15', to: '2025-05-21' });
    expect(input.history).toEqual(computeReport(db, { from: '2025-05-08', to: '2025-05-21', tz: 'UTC' }));
  });
});
