/**
 * `--lang` on the command line: which language `report` prints its text, CSV headers and PDF in
 * (English by default; the JSON is English whatever it says), and the text and CSV renderings of a
 * real report (a case file built from rows) in German, French and Japanese.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError, type ReportArgs } from '../../../src-main/cli/args';
import { formatFindingsText } from '../../../src-main/findings/format-text';
import { reportWithFindings } from '../../../src-main/findings/gather';
import { computeReport } from '../../../src-main/report/compute-report';
import { CSV_HEADER, formatCsv } from '../../../src-main/report/format-csv';
import { displayWidth, formatText } from '../../../src-main/report/format-text';
import { computeComparison } from '../../../src-main/compare/compare';
import { formatComparisonText } from '../../../src-main/compare/format-text';
import { translator } from '../../../src-main/shared/i18n';
import { importRows, removeTempCases, tempCase } from '../../helpers/case-builder';
import { everyDay, importPlanned, type Stop } from '../../helpers/findings-case';

afterEach(removeTempCases);

const report = (argv: string[]): ReportArgs => parseCliArgs(argv) as ReportArgs;

/** 1,040 attempts on 2025-06-01 and 02, a few of them stopped at the terms of use. */
function bigReport() {
  const db = tempCase();
  importRows(db, {
    details: [{ user: 'a', time: '2025-06-01T10:00:00Z', action: 'TermsofUse', userAction: 'Decline All' }],
    summaries: [
      { day: '2025-06-01', initiated: 1040, incomplete: 1 },
      { day: '2025-06-02', initiated: 1200, incomplete: 0 },
    ],
  });
  return computeReport(db, { from: '2025-06-01', to: '2025-06-02' });
}

describe('--lang', () => {
  it('takes en, de, fr, es or ja (a region is dropped), English by default', () => {
    expect(report(['report', 'a.csv']).language).toBe('en');
    expect(report(['report', 'a.csv', '--lang', 'de']).language).toBe('de');
    expect(report(['report', 'a.csv', '--lang', 'ja', '--format', 'text']).language).toBe('ja');
    expect(report(['report', 'a.csv', '--lang', 'fr-CA', '--format', 'csv']).language).toBe('fr');
    expect(() => parseCliArgs(['report', 'a.csv', '--lang', 'pt'])).toThrow(
      new UsageError('--lang pt: expected en, de, fr, es, ja'),
    );
    expect((parseCliArgs(['imports', 'a.csv', '--db', 'c', '--lang', 'de']) as { language: string }).language).toBe(
      'de',
    );
  });

  it('German text: the words, the section names and the counts as German writes them; days stay ISO', () => {
    const text = formatText(bigReport(), translator('de'));
    expect(text).toMatch(/^Unvollständige Benutzerregistrierungen\nZeitraum: {4}2025-06-01 bis 2025-06-02 \(UTC\)\n/);
    expect(text).toContain(
      'Abschnitte:  Setup-Checkliste, Plattformbildschirme, Nutzungsbedingungen, Konformität/Aktivierung',
    );
    expect(text).toMatch(/Begonnene Registrierungen +2\.240\n/);
    expect(text).toMatch(/Abbruchquote +0,0\s%\n/);
    expect(text).toContain('Nutzungsbedingungen: 1 unvollständig\n');
    expect(text).toMatch(
      /TermsofUse +Nutzungsbedingungen \(sofern vom Administrator konfiguriert\) +iOS\/Android +Alle ablehnen +1/,
    );
    // English, the default, is the contract's text: plain digits.
    expect(formatText(bigReport())).toMatch(/Initiated enrollments +2240\n/);
  });

  it('Japanese text lines up its columns by their width in a terminal', () => {
    const lines = formatText(bigReport(), translator('ja')).split('\n');
    const header = lines.findIndex((line) => line.startsWith('集計'));
    expect(header).toBeGreaterThan(0);
    expect(lines[0]).toBe('不完全なユーザー登録');
    // The value column ends at the same terminal column on every row of the roll-up.
    const rows = lines.slice(header, header + 8).filter((line) => !line.startsWith('-'));
    const ends = new Set(rows.map((line) => displayWidth(line)));
    expect(ends.size).toBe(1);
    expect(displayWidth('開始された登録')).toBe(14);
  });

  it('CSV headers in the language; the values stay the engine English', () => {
    const csv = formatCsv(bigReport(), translator('fr')).split('\r\n');
    expect(csv[0]).toBe("section,nom de l'action,écran,plateforme,action de l'utilisateur,nombre,iOS/iPadOS,Android");
    expect(csv.some((line) => line.startsWith('Terms of Use,TermsofUse,Terms of use (if admin configured),'))).toBe(
      true,
    );
    expect(formatCsv(bigReport()).split('\r\n')[0]).toBe(CSV_HEADER.join(','));
    expect(formatCsv(bigReport(), translator('ja')).split('\r\n')[0]).toBe(
      'セクション,アクション名,画面,プラットフォーム,ユーザー操作,件数,iOS/iPadOS,Android',
    );
  });

  it("the findings block in the reader's language; English is the JSON's sentences", () => {
    const db = tempCase();
    const ignore = (count: number): Stop => ({ action: 'iOSProfileLaunch', event: 'ignore', count });
    importPlanned(
      db,
      everyDay('2025-05-01', 28, () => [
        { platform: 'ios', started: 20, stops: [ignore(5)] },
        { platform: 'android', started: 20 },
      ]),
    );
    const { findings } = reportWithFindings(db, { from: '2025-05-15', to: '2025-05-28', tz: 'UTC' });
    const english = formatFindingsText(findings);
    expect(english).toContain(`1. ${findings[0]!.text}`);
    const german = formatFindingsText(findings, translator('de'));
    expect(german).toMatch(/^Ergebnisse\n-{10}\n1\. Abbruchstelle Nr\. 1: iOSProfileLaunch, Ignorieren bei „/);
  });

  it('report --compare --format text: the comparison table in the language', () => {
    const db = tempCase();
    importRows(db, {
      summaries: [
        { day: '2025-06-01', initiated: 1500, incomplete: 30 },
        { day: '2025-06-02', initiated: 1200, incomplete: 60 },
      ],
    });
    const comparison = computeComparison(db, { from: '2025-06-02', to: '2025-06-02' }, 'previous');
    const german = formatComparisonText(comparison, translator('de'));
    expect(german).toContain('Verglichen mit 2025-06-01 bis 2025-06-01 (UTC)');
    expect(german).toMatch(/Begonnene Registrierungen +1\.200 +1\.500 +-300\n/);
    expect(german).toMatch(/Abbruchquote +5,0\s% +2,0\s% +\+3,0 Prozentpunkte\n/);
    const english = formatComparisonText(comparison);
    expect(english).toMatch(/Initiated enrollments +1200 +1500 +-300\n/);
    expect(english).toMatch(/Incomplete rate +5\.0% +2\.0% +\+3\.0 points\n/);
  });
});
