/**
 * Revision 2 of the contract through the command line, on files imported as a user would: a
 * details export alone, a summary export alone, a summary plus details of the other platform,
 * partial days at both ends in two zones, screens worded otherwise; in JSON, text, the funnel,
 * the drill-down and the comparison.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEventLog, type TestEvent } from '../../helpers/event-log';
import { runCli, type CliResult } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

function ok(result: CliResult): string {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}
const json = (result: CliResult) => JSON.parse(ok(result));

function detailsCsv(path: string, rows: readonly (readonly string[])[]): string {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    'abandonmentDateTime,userPrincipalName,platform,actionName,screenOrFlow,userAction',
    ...rows.map((r) => r.map(quote).join(',')),
  ];
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}
function summaryCsv(path: string, rows: readonly (readonly (string | number)[])[]): string {
  writeFileSync(
    path,
    ['date,platform,initiatedEnrollments,incompleteEnrollments', ...rows.map((r) => r.join(','))].join('\n'),
  );
  return path;
}
const RANGE = ['--from', '2025-06-01', '--to', '2025-06-03'];

describe('revision 2 through the command line', () => {
  const temp = useTempDir();

  it('a details export alone: Initiated and the rate unknown, said so, never 0 or 100%', () => {
    const dir = temp();
    const file = detailsCsv(join(dir, 'details.csv'), [
      [
        '2025-06-01T10:00:00Z',
        'ann@contoso.example',
        'iOS',
        'iOSProfileLaunch',
        'Prompt to "show" a configuration profile',
        'Ignore',
      ],
      [
        '2025-06-02T10:00:00Z',
        'bob@contoso.example',
        'Android',
        'TermsofUse',
        'Terms of use (if admin configured)',
        'Decline All',
      ],
    ]);
    const report = json(runCli(['report', file, ...RANGE]));
    expect(report.rollup).toEqual({
      initiated: null,
      incomplete: 2,
      incompleteRate: null,
      inProgress: 0,
      unclassified: 0,
      fromSummary: 0,
    });
    expect(report.coverage).toEqual({
      unknownInitiatedDays: ['2025-06-01', '2025-06-02'],
      partialDays: ['2025-06-01', '2025-06-02'],
    });
    // The screen worded otherwise counts on catalog row 6.
    const screens = report.sections.find((s: { section: string }) => s.section === 'Platform Screens');
    expect(screens.rows[0]).toMatchObject({ screen: 'Prompt to show a configuration profile', count: 1 });
    expect(screens.rows.filter((r: { catalog: boolean }) => !r.catalog)).toEqual([]);

    const text = ok(runCli(['report', file, ...RANGE, '--format', 'text']));
    expect(text).toMatch(/Initiated enrollments +unknown \(see Coverage\)\n/);
    expect(text).toMatch(/Incomplete rate +unknown \(initiated unknown\)\n/);
    expect(text).toContain('- Initiated unknown: no summary row or event log covers the range');
    expect(text).not.toMatch(/100\.0%|\b0\.0%/);

    const funnel = json(runCli(['funnel', file, ...RANGE]));
    expect(funnel.initiated).toBeNull();
    expect(funnel.completionRate).toBeNull();
    expect(funnel.sections.map((s: { overallConversion: null }) => s.overallConversion)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(funnel.caveats[0]).toMatch(/^Initiated is unknown/);
    const funnelText = ok(runCli(['funnel', file, ...RANGE, '--format', 'text']));
    expect(funnelText).toMatch(/Initiated \(known\) +unknown\n/);
    expect(funnelText).not.toMatch(/100\.0%|\b0\.0%/);

    // The drill-down of row 6 lists the attempt with its own screen text.
    const drill = json(
      runCli([
        'attempts',
        file,
        ...RANGE,
        '--action',
        'iOSProfileLaunch',
        '--screen',
        'Prompt to show a configuration profile',
        '--user-action',
        'Ignore',
      ]),
    );
    expect(drill.rows.map((r: { screen: string }) => r.screen)).toEqual(['Prompt to "show" a configuration profile']);
    expect(drill.coverage.unknownInitiatedDays).toEqual(['2025-06-01', '2025-06-02']);
  });

  it('a summary export alone: Incomplete is Intune’s own, from the summary, unclassified', () => {
    const file = summaryCsv(join(temp(), 'summary.csv'), [
      ['2025-06-01', 'iOS', 100, 30],
      ['2025-06-01', 'Android', 50, 5],
      ['2025-06-02', 'iOS', 80, 20],
    ]);
    const report = json(runCli(['report', file, ...RANGE]));
    expect(report.rollup).toEqual({
      initiated: 230,
      incomplete: 55,
      incompleteRate: 55 / 230,
      inProgress: 0,
      unclassified: 55,
      fromSummary: 55,
    });
    expect(report.coverage).toEqual({ unknownInitiatedDays: [], partialDays: [] });
    expect(report.dataQuality.summaryMismatches).toEqual([]);
    const text = ok(runCli(['report', file, ...RANGE, '--format', 'text']));
    expect(text).toContain("- Incomplete includes 55 from Intune's summary rows, without sections.\n");
    const funnel = json(runCli(['funnel', file, ...RANGE]));
    expect(funnel).toMatchObject({ initiated: 230, attempts: 0 });
    expect(funnel.caveats[0]).toMatch(/^230 of the 230 initiated enrollments come from Intune's summary rows/);
  });

  it('a summary of iOS plus details of Android: the Android days are unknown and left out of the rate', () => {
    const dir = temp();
    const summary = summaryCsv(join(dir, 'summary.csv'), [['2025-06-01', 'iOS', 40, 10]]);
    const details = detailsCsv(join(dir, 'details.csv'), [
      ['2025-06-01T10:00:00Z', 'cy@contoso.example', 'Android', 'KnoxActivation', '', 'Cancel'],
    ]);
    const report = json(runCli(['report', summary, details, ...RANGE]));
    expect(report.rollup).toEqual({
      initiated: 40,
      incomplete: 11,
      incompleteRate: 0.25,
      inProgress: 0,
      unclassified: 10,
      fromSummary: 10,
    });
    expect(report.coverage.unknownInitiatedDays).toEqual(['2025-06-01']);
    const text = ok(runCli(['report', summary, details, ...RANGE, '--format', 'text']));
    expect(text).toContain(
      '- The rate covers only the known days (0 of 3): 1 incomplete on 2025-06-01 (initiated unknown)',
    );
  });

  it('partial days at both ends in two zones: JSON, text, and the comparison’s caveats', () => {
    const dir = temp();
    const events: TestEvent[] = [
      { time: '2025-06-01T06:00:00Z', user: 'ann@contoso.example', platform: 'iOS', event: 'complete' },
      { time: '2025-06-03T12:00:00Z', user: 'bob@contoso.example', platform: 'iOS', event: 'complete' },
      { time: '2025-06-05T18:00:00Z', user: 'cy@contoso.example', platform: 'Android', event: 'complete' },
    ];
    const file = writeEventLog(join(dir, 'log.csv'), events);
    const db = join(dir, 'case.enrollscope');
    const range = ['--from', '2025-05-31', '--to', '2025-06-06'];
    const utc = json(runCli(['report', file, '--db', db, ...range]));
    expect(utc.coverage.partialDays).toEqual(['2025-06-01', '2025-06-05']);
    expect(
      utc.daily.filter((d: { partial?: true }) => d.partial === true).map((d: { date: string }) => d.date),
    ).toEqual(['2025-06-01', '2025-06-05']);
    expect(utc.daily.filter((d: object) => 'partial' in d)).toHaveLength(2);
    const tokyo = json(runCli(['report', '--db', db, ...range, '--tz', 'Asia/Tokyo']));
    expect(tokyo.coverage.partialDays).toEqual(['2025-06-01', '2025-06-06']);
    // The default range ends on the last day that is not partial (06-04 in UTC, 06-05 in Tokyo).
    expect(json(runCli(['report', '--db', db])).range.to).toBe('2025-06-04');
    expect(json(runCli(['report', '--db', db, '--tz', 'Asia/Tokyo'])).range.to).toBe('2025-06-05');

    const text = ok(runCli(['report', '--db', db, ...range, '--format', 'text']));
    expect(text).toMatch(/2025-06-05 +0 +0 +0 +0 +partial\n/);
    expect(text).toContain('- 2025-06-05 is a partial day: data from 00:00 to 18:00 UTC');

    const compared = json(
      runCli(['report', '--db', db, '--from', '2025-06-04', '--to', '2025-06-05', '--compare', 'previous']),
    );
    expect(
      compared.caveats.map((c: { period: string; kind: string; days: string[] }) => [c.period, c.kind, c.days]),
    ).toEqual([['current', 'partial-days', ['2025-06-05']]]);
    const comparedText = ok(
      runCli([
        'report',
        '--db',
        db,
        '--from',
        '2025-06-04',
        '--to',
        '2025-06-05',
        '--compare',
        'previous',
        '--format',
        'text',
      ]),
    );
    expect(comparedText).toContain('- The current period holds a partial day (2025-06-05)');
  });
});
