/**
 * The PDF's per-platform figures and its comparison: the tiles' iOS/iPadOS and Android split on
 * page 1, the section tables' rate per platform (the row's count on a platform ÷ that platform's
 * initiated), and `--compare previous`: the tiles' changes, the previous period's numbers and the
 * dashed line's legend. A planted event log on disk, the built command line, a real browser, the
 * PDF read back with pdftotext and set against the command line's own JSON for the same filter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src-main/shared/report-types';
import { PLATFORMS, type Platform } from '../../../src-main/shared/taxonomy';
import { writeDetailsOnly } from '../../helpers/coverage-inputs';
import { writeEventLog } from '../../helpers/event-log';
import { plannedEvents, plantedMonth } from '../../helpers/findings-case';
import { pdfPages, requirePoppler } from '../../helpers/pdf';
import { comparePdfWithReport, count, printedRows, rate } from '../../helpers/pdf-report';
import { runCli } from '../../helpers/run-cli';

const flat = (text: string): string => text.replace(/\s+/g, ' ');
const RANGE = ['--from', '2025-05-15', '--to', '2025-05-28'];

describe('the PDF per platform, and compared with the previous period', () => {
  let dir = '';
  let casePath = '';
  let report: Report;
  const byPlatform = new Map<Platform, Report>();

  const json = (args: readonly string[]): Report => {
    const result = runCli(['report', '--db', casePath, ...RANGE, ...args]);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Report;
  };
  const print = (name: string, args: readonly string[] = []): string[] => {
    const pdf = join(dir, `${name}.pdf`);
    const result = runCli([
      'report',
      '--db',
      casePath,
      ...RANGE,
      ...args,
      '--format',
      'pdf',
      '--out',
      pdf,
      '--customer',
      'Contoso',
      '--consultant',
      'A. Consultant',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return pdfPages(pdf);
  };

  beforeAll(() => {
    requirePoppler();
    dir = mkdtempSync(join(tmpdir(), 'enrollscope-platform-pdf-'));
    casePath = join(dir, 'case.enrollscope');
    const log = writeEventLog(join(dir, 'planted.csv'), plannedEvents(plantedMonth()));
    expect(runCli(['imports', log, '--db', casePath]).code).toBe(0);
    report = json([]);
    for (const platform of PLATFORMS) byPlatform.set(platform, json(['--platform', platform]));
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("page 1 holds each tile's iOS/iPadOS and Android figures", () => {
    const page1 = flat(print('split')[0]!);
    const ios = byPlatform.get('iOS/iPadOS')!.rollup;
    const android = byPlatform.get('Android')!.rollup;
    expect(page1).toContain(`iOS/iPadOS ${count(ios.initiated)} · Android ${count(android.initiated)}`);
    expect(page1).toContain(`iOS/iPadOS ${count(ios.incomplete)} · Android ${count(android.incomplete)}`);
    expect(page1).toContain(`iOS/iPadOS ${rate(ios.incompleteRate)} · Android ${rate(android.incompleteRate)}`);
    // The planted gap is visible on paper: iOS's rate is about twice Android's.
    expect(ios.incompleteRate!).toBeGreaterThan(android.incompleteRate! * 1.5);
  }, 120_000);

  it("every row's rate per platform is its count ÷ that platform's initiated", () => {
    const pages = print('rates');
    expect(comparePdfWithReport(pages, report)).toEqual([]);
    const rows = printedRows(
      pages,
      report.sections.map((s) => s.section),
    );
    let checked = 0;
    for (const table of report.sections) {
      const printed = rows.get(table.section)!;
      table.rows.forEach((row, i) => {
        const want = report.filters.platforms.map((platform) => {
          const initiated = byPlatform.get(platform)!.rollup.initiated!;
          return rate(row.byPlatform[platform] / initiated);
        });
        expect(printed[i]!.rates, `${table.section} row ${i + 1}`).toEqual(want);
        if (row.count > 0) checked++;
      });
    }
    expect(checked).toBeGreaterThanOrEqual(3);
    expect(flat(pages.join('\n'))).toContain("Rate: the row's incomplete enrollments on a platform ÷ the enrollments");
  }, 120_000);

  it('--compare previous: the tiles show the change and the previous period, the chart its dashed line', () => {
    const compared = runCli(['report', '--db', casePath, ...RANGE, '--compare', 'previous']);
    expect(compared.code).toBe(0);
    const { previous, delta } = JSON.parse(compared.stdout) as {
      previous: Report;
      delta: { incomplete: number; initiated: number };
    };
    expect(previous.range).toMatchObject({ from: '2025-05-01', to: '2025-05-14' });
    const pages = print('compare', ['--compare', 'previous']);
    expect(comparePdfWithReport(pages, report)).toEqual([]);
    const page1 = flat(pages[0]!);
    const sign = (n: number): string => (n > 0 ? `+${count(n)}` : n < 0 ? `−${count(-n)}` : '±0');
    expect(delta.incomplete).not.toBe(0);
    expect(page1).toContain(`${sign(delta.incomplete)} vs ${count(previous.rollup.incomplete)} before`);
    expect(page1).toContain(`vs ${count(previous.rollup.initiated)} before`);
    expect(page1).toContain(`vs ${rate(previous.rollup.incompleteRate)} before`);
    expect(flat(pages.join('\n'))).toContain('Dashed: previous period, May 1, 2025 – May 14, 2025');
  }, 120_000);

  it('without --compare the PDF says nothing of another period', () => {
    const all = flat(print('plain').join('\n'));
    expect(all).not.toMatch(/vs \S+ before/);
    expect(all).not.toContain('Dashed: previous period');
  }, 120_000);

  it('a details export alone: every rate is "—", and the note beside the tables says why', () => {
    const file = join(dir, 'IncompleteEnrollmentDetails.csv');
    writeDetailsOnly(file, '2025-06-01', 5);
    const detailsCase = join(dir, 'details.enrollscope');
    const details = JSON.parse(runCli(['report', file, '--db', detailsCase]).stdout) as Report;
    const pdf = join(dir, 'details.pdf');
    expect(runCli(['report', '--db', detailsCase, '--format', 'pdf', '--out', pdf]).code).toBe(0);
    const pages = pdfPages(pdf);
    expect(comparePdfWithReport(pages, details)).toEqual([]);
    const rows = [
      ...printedRows(
        pages,
        details.sections.map((s) => s.section),
      ).values(),
    ].flat();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.rates).toEqual(details.filters.platforms.map(() => '—'));
    expect(flat(pages.join('\n'))).toContain(
      'for iOS/iPadOS and Android: their initiated count is not known for every day that holds attempts, so no rate is given.',
    );
  }, 120_000);
});
