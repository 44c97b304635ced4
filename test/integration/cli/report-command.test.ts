import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completedAttempt, ignoredProfileAttempt, writeEventLog } from '../../helpers/event-log';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

const ignored = ignoredProfileAttempt('ann@contoso.example', 'iOS', '2025-06-02T09:00:00Z');
const events = [...completedAttempt('bob@contoso.example', 'Android', '2025-06-01T10:00:00Z'), ...ignored];

/** A refusal: non-zero exit, one line on stderr, nothing on stdout. */
function expectRefusal(result: ReturnType<typeof runCli>, pattern: RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
}

describe('enrollscope report', () => {
  const temp = useTempDir();

  it('prints the JSON report of the spec for a file', () => {
    const file = writeEventLog(join(temp(), 'export.csv'), events);
    const result = runCli(['report', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.range).toEqual({ from: '2025-05-20', to: '2025-06-02', tz: 'UTC' });
    expect(report.filters).toEqual({
      platforms: ['iOS/iPadOS', 'Android'],
      sections: ['Setup Checklist', 'Platform Screens', 'Terms of Use', 'Compliance/Activation'],
    });
    expect(report.rollup).toEqual({
      initiated: 2,
      incomplete: 1,
      incompleteRate: 0.5,
      inProgress: 0,
      unclassified: 0,
      fromSummary: 0,
    });
    // Revision 2: the data runs 06-01 10:00 to 06-02 09:02, so both days are partial; the range
    // still ends 06-02 because every day with data is partial.
    expect(report.coverage).toEqual({ unknownInitiatedDays: [], partialDays: ['2025-06-01', '2025-06-02'] });
    expect(report.daily).toHaveLength(14);
    expect(report.daily.at(-1)).toEqual({
      date: '2025-06-02',
      'Setup Checklist': 0,
      'Platform Screens': 1,
      'Terms of Use': 0,
      'Compliance/Activation': 0,
      partial: true,
    });
    const platformScreens = report.sections.find((s: { section: string }) => s.section === 'Platform Screens');
    expect(platformScreens.incomplete).toBe(1);
    expect(platformScreens.rows[0]).toMatchObject({
      actionName: 'iOSProfileLaunch',
      screen: 'Prompt to show a configuration profile',
      platform: 'iOS/iPadOS',
      userAction: 'Ignore',
      count: 1,
      byPlatform: { 'iOS/iPadOS': 1, Android: 0 },
    });
    expect(report.imports).toHaveLength(1);
    expect(report.imports[0]).toMatchObject({
      file: 'export.csv',
      sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      format: 'event-log/csv',
      rows: 8,
      imported: 8,
      duplicates: 0,
      skipped: {},
    });
  });

  it('filters by platform, section, dates and zone', () => {
    const file = writeEventLog(join(temp(), 'export.csv'), events);
    const result = runCli([
      'report',
      file,
      '--platform',
      'android',
      '--section',
      'Platform Screens',
      '--from',
      '2025-06-01',
      '--to',
      '2025-06-03',
      '--tz',
      'America/New_York',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.range).toEqual({ from: '2025-06-01', to: '2025-06-03', tz: 'America/New_York' });
    expect(report.filters).toEqual({ platforms: ['Android'], sections: ['Platform Screens'] });
    expect(report.rollup).toMatchObject({ initiated: 1, incomplete: 0, incompleteRate: 0 });
    expect(report.daily.map((d: { date: string }) => d.date)).toEqual(['2025-06-01', '2025-06-02', '2025-06-03']);
    // Revision 2: the data (06-01 10:00Z to 06-02 09:02Z) covers 06-01 and 06-02 in New York only in part.
    expect(Object.keys(report.daily[0])).toEqual(['date', 'Platform Screens', 'partial']);
    expect(Object.keys(report.daily[2])).toEqual(['date', 'Platform Screens']);
    expect(report.coverage).toEqual({ unknownInitiatedDays: [], partialDays: ['2025-06-01', '2025-06-02'] });
    // Android only: the iOS-only catalog rows of the section are left out.
    expect(
      report.sections[0].rows
        .filter((r: { catalog: boolean }) => r.catalog)
        .map((r: { actionName: string }) => r.actionName),
    ).toEqual(['AndroidPermissions', 'AndroidPermissions', 'KnoxActivation', 'KnoxActivation']);
  });

  it('prints text and CSV, and writes --out instead of stdout', () => {
    const file = writeEventLog(join(temp(), 'export.csv'), events);
    const text = runCli(['report', file, '--format', 'text']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Initiated/);
    expect(text.stdout).toMatch(/iOSProfileLaunch/);
    const csv = runCli(['report', file, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split(/\r?\n/)[0]).toMatch(/section,actionName,screen,platform,userAction,count/);
    const out = join(temp(), 'report.json');
    const written = runCli(['report', file, '--out', out]);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).rollup.initiated).toBe(2);
  });

  it('keeps a case with --db and reports on it without files', () => {
    const db = join(temp(), 'customer.enrollscope');
    const file = writeEventLog(join(temp(), 'export.csv'), events);
    expect(runCli(['report', file, '--db', db]).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const again = runCli(['report', '--db', db]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).rollup.initiated).toBe(2);
    const imports = runCli(['imports', '--db', db]);
    expect(imports.code).toBe(0);
    expect(JSON.parse(imports.stdout)).toHaveLength(1);
  });

  it('refuses bad arguments with one line and nothing on stdout', () => {
    const file = writeEventLog(join(temp(), 'export.csv'), events);
    expectRefusal(runCli(['report', file, '--from', '2025-13-01']), /--from 2025-13-01: not a date/);
    expectRefusal(runCli(['report', file, '--from', '2025-06-05', '--to', '2025-06-01']), /after --to/);
    expectRefusal(runCli(['report', file, '--platform', 'windows']), /--platform windows/);
    expectRefusal(runCli(['report', file, '--section', 'Nope']), /--section Nope/);
    expectRefusal(runCli(['report', file, '--tz', 'Mars/Olympus']), /--tz Mars\/Olympus/);
    expectRefusal(runCli(['report', file, '--format', 'xml']), /--format xml/);
    expectRefusal(runCli(['report', file, '--bogus']), /bogus/);
    expectRefusal(runCli(['report']), /FILE|--db/);
    expectRefusal(runCli(['frobnicate']), /unknown command/);
  });

  it('refuses unreadable files and foreign case files', () => {
    const junk = join(temp(), 'junk.csv');
    writeFileSync(junk, 'name,colour\npear,green\n');
    expectRefusal(runCli(['report', junk]), /junk\.csv: .*not an enrollment file/);
    expectRefusal(runCli(['report', join(temp(), 'missing.csv')]), /missing\.csv: no such file/);

    const foreign = join(temp(), 'other.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const before = readFileSync(foreign);
    expectRefusal(runCli(['report', '--db', foreign]), /another application/);
    expect(readFileSync(foreign).equals(before)).toBe(true);
  });
});
