/**
 * The drill-down, funnel and failures commands end to end (`node bin/enrollscope.js`, built): attempts, funnel, failures
 * and report --compare, on generated logs and on Intune's failure exports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../../src-main/shared/taxonomy';
import { syntheticEvents, writeSyntheticLog, type SyntheticOptions } from '../../../src-main/tools/synthetic-log';
import { completedAttempt, writeEventLog, type TestEvent } from '../../helpers/event-log';
import {
  deviceEnrollmentFailuresZip,
  enrollmentActivityCsv,
  troubleshootingEventsJson,
} from '../../helpers/failure-files';
import { funnelAttempts, referenceFunnel } from '../../helpers/reference-funnel';
import { runCli, type CliResult } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

/** A refusal: non-zero exit, one line on stderr, nothing on stdout. */
function expectRefusal(result: CliResult, pattern: RegExp, code?: number): void {
  if (code === undefined) expect(result.code).not.toBe(0);
  else expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

function ok(result: CliResult): string {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const json = (result: CliResult) => JSON.parse(ok(result));

const small: TestEvent[] = [
  ...completedAttempt('bob@contoso.example', 'Android', '2025-06-01T10:00:00Z', 'bob-pixel'),
  { time: '2025-06-02T09:00:00Z', user: 'ann@contoso.example', platform: 'iOS', event: 'start', device: 'ann-iphone' },
  {
    time: '2025-06-02T09:01:00Z',
    user: 'ann@contoso.example',
    platform: 'iOS',
    event: 'step',
    action: 'iOSProfileLaunch',
    device: 'ann-iphone',
  },
  { time: '2025-06-02T09:02:00Z', user: 'ann@contoso.example', platform: 'iOS', event: 'ignore', device: 'ann-iphone' },
  { time: '2025-06-03T09:00:00Z', user: 'cy@contoso.example', platform: 'Android', event: 'start' },
  {
    time: '2025-06-03T09:05:00Z',
    user: 'cy@contoso.example',
    platform: 'Android',
    event: 'step',
    action: 'TermsofUse',
  },
  { time: '2025-06-03T09:06:00Z', user: 'cy@contoso.example', platform: 'Android', event: 'declineall' },
];

describe('enrollscope attempts', () => {
  const temp = useTempDir();

  it('prints the incomplete attempts of the report range as JSON', () => {
    const file = writeEventLog(join(temp(), 'export.csv'), small);
    const out = json(runCli(['attempts', file]));
    // Revision 2: the data ends 06-03 09:06, a partial day, so the default range ends 06-02.
    expect(out.range).toEqual({ from: '2025-05-20', to: '2025-06-02', tz: 'UTC' });
    expect(out.coverage).toEqual({ unknownInitiatedDays: [], partialDays: ['2025-06-01'] });
    expect(out.total).toBe(1);
    expect(out.rows[0]).toEqual({
      user: 'ann@contoso.example',
      device: 'ann-iphone',
      platform: 'iOS/iPadOS',
      started: '2025-06-02T09:00:00.000Z',
      startedLocal: '2025-06-02T09:00:00.000Z',
      day: '2025-06-02',
      ended: '2025-06-02T09:02:00.000Z',
      durationMs: 120000,
      outcome: 'incomplete',
      actionName: 'iOSProfileLaunch',
      screen: 'Prompt to show a configuration profile',
      userAction: 'Ignore',
      section: 'Platform Screens',
      source: 'event log',
      sourceFile: 'export.csv',
      sourceLine: 7,
    });
  });

  it('filters by row, section, platform, date, outcome, search, and masks', () => {
    const file = writeEventLog(join(temp(), 'export.csv'), small);
    const users = (...args: string[]) =>
      json(runCli(['attempts', file, '--to', '2025-06-03', ...args])).rows.map((r: { user: string }) => r.user);
    expect(users('--action', 'termsofuse', '--user-action', 'decline all')).toEqual(['cy@contoso.example']);
    expect(users('--section', 'Platform Screens')).toEqual(['ann@contoso.example']);
    expect(users('--platform', 'android')).toEqual(['cy@contoso.example']);
    expect(users('--date', '2025-06-02')).toEqual(['ann@contoso.example']);
    expect(users('--outcome', 'all', '--sort', 'user', '--desc')).toEqual([
      'cy@contoso.example',
      'bob@contoso.example',
      'ann@contoso.example',
    ]);
    expect(users('--outcome', 'complete')).toEqual(['bob@contoso.example']);
    expect(users('--search', 'ANN-IPH')).toEqual(['ann@contoso.example']);
    // Keyed by the (temporary) case's own key: two distinct pseudonyms, nothing of the names.
    const masked = users('--mask');
    expect(masked).toHaveLength(2);
    for (const name of masked) expect(name).toMatch(/^user-[0-9a-z]{7}$/);
    expect(new Set(masked).size).toBe(2);
    expect(users('--outcome', 'all', '--limit', '1', '--offset', '1')).toEqual(['ann@contoso.example']);
    expect(users('--tz', 'Pacific/Kiritimati', '--date', '2025-06-02')).toEqual(['ann@contoso.example']);
    expect(users('--section', 'Unclassified')).toEqual([]);
  });

  it('writes CSV (no BOM, like report --format csv), to stdout or --out', () => {
    const dir = temp();
    const file = writeEventLog(join(dir, 'export.csv'), small);
    const csv = ok(runCli(['attempts', file, '--to', '2025-06-03', '--format', 'csv']));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'user,device,platform,started,startedLocal,day,ended,durationMs,outcome,actionName,screen,userAction,section,source,sourceFile,sourceLine,timeZone',
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      'cy@contoso.example,,Android,2025-06-03T09:00:00.000Z,2025-06-03T09:00:00.000Z,2025-06-03,2025-06-03T09:06:00.000Z,360000,incomplete,TermsofUse,Terms of use (if admin configured),Decline All,Terms of Use,event log,export.csv,10,UTC',
    );
    const out = join(dir, 'attempts.csv');
    expect(ok(runCli(['attempts', file, '--to', '2025-06-03', '--format', 'csv', '--out', out]))).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(csv);
  });

  it('refuses bad arguments in one line', () => {
    const file = writeEventLog(join(temp(), 'export.csv'), small);
    expectRefusal(runCli(['attempts', file, '--outcome', 'maybe']), /--outcome maybe/, 2);
    expectRefusal(runCli(['attempts', file, '--action', 'WorkProfile']), /--action WorkProfile/, 2);
    expectRefusal(runCli(['attempts', file, '--user-action', 'Shrug']), /--user-action Shrug/, 2);
    expectRefusal(
      runCli(['attempts', file, '--from', '2025-06-01', '--to', '2025-06-02', '--date', '2025-06-03']),
      /outside/,
      2,
    );
    expectRefusal(runCli(['attempts', file, '--format', 'pdf']), /--format pdf/, 2);
    expectRefusal(runCli(['attempts', file, '--limit', '-3']), /--limit/, 2);
    expectRefusal(runCli(['attempts', file, '--sort', 'colour']), /--sort colour/, 2);
    expectRefusal(
      runCli(['attempts', file, '--section', 'Unclassified', '--section', 'Terms of Use']),
      /Unclassified/,
      2,
    );
    expectRefusal(runCli(['attempts']), /FILE|--db/, 2);
    expectRefusal(runCli(['attempts', join(temp(), 'missing.csv')]), /missing\.csv/, 1);
  });
});

describe('the command line on generated logs', () => {
  const temp = useTempDir();
  const options: SyntheticOptions = { seed: 5, events: 12_000, days: 16, endDay: '2025-04-30', badRowRate: 0.01 };

  it('attempts: the listed rows group into exactly the report tables and daily series', async () => {
    const dir = temp();
    const file = join(dir, 'log.csv');
    await writeSyntheticLog(file, options);
    const db = join(dir, 'case.enrollscope');
    const filter = ['--from', '2025-04-15', '--to', '2025-04-30', '--tz', 'America/Chicago'];
    const report = json(runCli(['report', file, '--db', db, ...filter]));
    const listed = json(runCli(['attempts', '--db', db, ...filter]));
    expect(listed.total).toBe(report.rollup.incomplete);
    expect(listed.rows).toHaveLength(listed.total);
    const key = (section: string, actionName: string, screen: string, userAction: string) =>
      `${section}|${actionName}|${screen.trim().toLowerCase()}|${userAction}`;
    const grouped = new Map<string, number>();
    const daily = new Map<string, number>();
    for (const row of listed.rows) {
      if (row.section === null) continue;
      grouped.set(
        key(row.section, row.actionName, row.screen, row.userAction),
        (grouped.get(key(row.section, row.actionName, row.screen, row.userAction)) ?? 0) + 1,
      );
      daily.set(`${row.day}|${row.section}`, (daily.get(`${row.day}|${row.section}`) ?? 0) + 1);
    }
    for (const table of report.sections) {
      for (const row of table.rows)
        expect(grouped.get(key(table.section, row.actionName, row.screen, row.userAction)) ?? 0).toBe(row.count);
    }
    for (const point of report.daily)
      for (const section of SECTIONS) expect(daily.get(`${point.date}|${section}`) ?? 0).toBe(point[section]);
    expect(listed.rows.filter((r: { section: string | null }) => r.section === null)).toHaveLength(
      report.rollup.unclassified,
    );

    // And row by row through the command's own filters, for the largest rows.
    const rows = report.sections
      .flatMap((t: { rows: { count: number }[] }) => t.rows)
      .sort((a: { count: number }, b: { count: number }) => b.count - a.count);
    for (const row of rows.slice(0, 4)) {
      const one = json(
        runCli([
          'attempts',
          '--db',
          db,
          ...filter,
          '--action',
          row.actionName,
          '--screen',
          row.screen,
          '--user-action',
          row.userAction,
          '--limit',
          '0',
        ]),
      );
      expect(one.total).toBe(row.count);
      expect(one.rows).toEqual([]);
    }
    const all = json(runCli(['attempts', '--db', db, ...filter, '--outcome', 'all', '--limit', '0']));
    expect(all.total).toBe(report.rollup.initiated);
  });

  it('funnel: equals an independent reading of spec 7 of the same log', async () => {
    const dir = temp();
    const file = join(dir, 'log.csv');
    await writeSyntheticLog(file, options);
    const funnel = json(runCli(['funnel', file, '--from', '2025-04-01', '--to', '2025-04-30']));
    const expected = referenceFunnel(
      funnelAttempts(syntheticEvents(options)),
      Date.parse('2025-04-01T00:00:00Z'),
      Date.parse('2025-05-01T00:00:00Z'),
    );
    expect(funnel).toEqual({
      range: { from: '2025-04-01', to: '2025-04-30', tz: 'UTC' },
      platforms: ['iOS/iPadOS', 'Android'],
      completionRate: expected.initiated === 0 ? null : expected.completed / expected.initiated,
      ...expected,
      // Revision 2: the base is the known Initiated; one event log knows every day of its span.
      attempts: expected.initiated,
      caveats: [],
    });
    expect(funnel.initiated).toBeGreaterThan(100);
    const text = ok(runCli(['funnel', file, '--from', '2025-04-01', '--to', '2025-04-30', '--format', 'text']));
    expect(text).toMatch(/^Section funnel\n/);
    for (const section of SECTIONS) expect(text).toContain(section);
  });

  it('report --compare previous adds previous and delta, and leaves the rest as report prints it', async () => {
    const dir = temp();
    const file = join(dir, 'log.csv');
    await writeSyntheticLog(file, options);
    const db = join(dir, 'case.enrollscope');
    const plain = json(runCli(['report', file, '--db', db, '--from', '2025-04-23', '--to', '2025-04-30']));
    const compared = json(
      runCli(['report', '--db', db, '--from', '2025-04-23', '--to', '2025-04-30', '--compare', 'previous']),
    );
    const previous = json(runCli(['report', '--db', db, '--from', '2025-04-15', '--to', '2025-04-22']));
    const { previous: gotPrevious, delta, caveats, ...current } = compared;
    expect(current).toEqual(plain);
    // Every initiated count is known inside the log's span; the log's last day is partial.
    expect(caveats.map((c: { period: string; kind: string; days: string[] }) => [c.period, c.kind, c.days])).toEqual([
      ['current', 'partial-days', ['2025-04-30']],
    ]);
    expect(plain.coverage).toEqual({ unknownInitiatedDays: [], partialDays: ['2025-04-30'] });
    // `previous` is the other period's report; its own findings are printed only when it is reported itself.
    expect(gotPrevious).toEqual({ ...previous, findings: undefined });
    expect(delta.initiated).toBe(plain.rollup.initiated - previous.rollup.initiated);
    expect(delta.incomplete).toBe(plain.rollup.incomplete - previous.rollup.incomplete);
    expect(delta.incompleteRate).toBe(plain.rollup.incompleteRate - previous.rollup.incompleteRate);
    for (const section of delta.sections) {
      const now = plain.sections.find((s: { section: string }) => s.section === section.section);
      const then = previous.sections.find((s: { section: string }) => s.section === section.section);
      expect(section.incomplete).toBe(now.incomplete - then.incomplete);
    }
    const chosen = json(
      runCli([
        'report',
        '--db',
        db,
        '--from',
        '2025-04-23',
        '--to',
        '2025-04-30',
        '--compare',
        '2025-04-01..2025-04-10',
      ]),
    );
    expect(chosen.previous.range).toEqual({ from: '2025-04-01', to: '2025-04-10', tz: 'UTC' });
    const text = ok(
      runCli([
        'report',
        '--db',
        db,
        '--from',
        '2025-04-23',
        '--to',
        '2025-04-30',
        '--compare',
        'previous',
        '--format',
        'text',
      ]),
    );
    expect(text).toContain('Compared with 2025-04-15 to 2025-04-22 (UTC)\n');
    expect(text).toContain(
      'Before reading the change\n- The current period holds a partial day (2025-04-30): the data covers only part of it, so a change may come from that.\n',
    );
    expectRefusal(runCli(['report', '--db', db, '--compare', 'previous', '--format', 'csv']), /--compare/, 2);
    expectRefusal(runCli(['report', '--db', db, '--compare', 'lastyear']), /--compare lastyear/, 2);
    expectRefusal(runCli(['report', '--db', db, '--compare', '2025-04-10..2025-04-01']), /starts after/, 2);
  });
});

describe('enrollscope funnel and failures: arguments', () => {
  const temp = useTempDir();

  it('funnel narrows its steps to --section, refuses a bad one; failures refuse a bad zone', () => {
    const file = writeEventLog(join(temp(), 'export.csv'), small);
    const whole = json(runCli(['funnel', file]));
    const narrowed = json(runCli(['funnel', file, '--section', 'Terms of Use']));
    expect(narrowed.sections).toEqual(whole.sections.filter((s: { section: string }) => s.section === 'Terms of Use'));
    expect(narrowed.initiated).toBe(whole.initiated);
    expectRefusal(runCli(['funnel', file, '--section', 'Nope']), /--section Nope/, 2);
    expectRefusal(runCli(['funnel', file, '--format', 'csv']), /--format csv/, 2);
    expectRefusal(runCli(['failures', file, '--tz', 'Mars/Base']), /--tz Mars\/Base/, 2);
    expectRefusal(runCli(['failures', file, '--platform', 'ios']), /platform/, 2);
  });

  it('failures: Intune exports (ZIP, _loc twins, Graph value), de-duplicated, as JSON and text', () => {
    const dir = temp();
    const files = [deviceEnrollmentFailuresZip(dir), enrollmentActivityCsv(dir), troubleshootingEventsJson(dir)];
    const view = json(runCli(['failures', ...files, '--from', '2025-06-01', '--to', '2025-06-04']));
    expect(view.total).toBe(9);
    expect(view.daily.map((d: { count: number }) => d.count)).toEqual([2, 4, 3, 0]);
    expect(view.byCategory).toContainEqual({ category: 'userAbandonment', count: 2 });
    expect(view.byReason[0]).toEqual({ reason: 'User canceled', count: 3 });
    const db = join(dir, 'case.enrollscope');
    ok(runCli(['imports', ...files, '--db', db]));
    const text = ok(runCli(['failures', '--db', db, '--from', '2025-06-01', '--to', '2025-06-04', '--format', 'text']));
    expect(text).toMatch(/^Enrollment failures \(Intune\)\nRange: 2025-06-01 to 2025-06-04 \(UTC\)\nTotal: 9\n/);
    // --lang: the headings in German; the reasons are Intune's own words, as the export wrote them.
    const german = ok(
      runCli([
        'failures',
        '--db',
        db,
        '--from',
        '2025-06-01',
        '--to',
        '2025-06-04',
        '--format',
        'text',
        '--lang',
        'de',
      ]),
    );
    expect(german).toMatch(
      /^Registrierungsfehler \(Intune\)\nZeitraum: 2025-06-01 bis 2025-06-04 \(UTC\)\nGesamt: 9\n/,
    );
    expect(german).toMatch(/\nGrund +Fehler\n/);
    expect(german).toMatch(/\nUser canceled +3\n/);
    // Failures stay out of the abandonment report.
    // No abandonment data at all: Initiated is unknown (revision 2), never 0.
    expect(
      json(runCli(['report', '--db', db, '--from', '2025-06-01', '--to', '2025-06-04'])).rollup.initiated,
    ).toBeNull();
  });
});
