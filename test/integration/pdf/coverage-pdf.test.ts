/**
 * The PDF says what the numbers cover (spec 5, revision 2), on page 1 beside the numbers: cases
 * made by the built command line's real import of small exports, printed by a real browser, read
 * back with pdftotext and compared with the command line's own JSON for the same filter.
 * - a details export alone: Initiated and the rate print "—", with the reason beside them;
 * - a summary export alone: Incomplete says how much came from Intune's summary;
 * - an event log ending at 06:05 on its last day: that day is marked partial on page 1 and in the
 *   daily table (and no other day is).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src-main/shared/report-types';
import { writeDetailsOnly, writePartialDayLog, writeSummaryOnly } from '../../helpers/coverage-inputs';
import { pdfPages, requirePoppler } from '../../helpers/pdf';
import { comparePdfWithReport, count } from '../../helpers/pdf-report';
import { runCli, type CliResult } from '../../helpers/run-cli';

function ok(result: CliResult): CliResult {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

/** Imports `file` into a new case, and returns the JSON report and the printed pages for `filter`. */
function printCase(
  dir: string,
  name: string,
  file: string,
  filter: readonly string[] = [],
): { report: Report; pages: string[] } {
  const casePath = join(dir, `${name}.enrollscope`);
  const report = JSON.parse(ok(runCli(['report', file, '--db', casePath, ...filter])).stdout) as Report;
  const pdf = join(dir, `${name}.pdf`);
  const names = ['--customer', 'Contoso', '--consultant', 'Jane Doe'];
  expect(ok(runCli(['report', '--db', casePath, ...filter, '--format', 'pdf', '--out', pdf, ...names])).stdout).toBe(
    '',
  );
  return { report, pages: pdfPages(pdf) };
}

/** The text with runs of white space made one space (pdftotext lays columns out with many). */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('the PDF says what the numbers cover', () => {
  let dir = '';

  beforeAll(() => {
    requirePoppler();
    dir = mkdtempSync(join(tmpdir(), 'enrollscope-coverage-pdf-'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a details export alone: page 1 prints "—" for Initiated and the rate, with the reason beside them', () => {
    const file = join(dir, 'IncompleteEnrollmentDetails.csv');
    const written = writeDetailsOnly(file, '2025-06-01', 5);
    const { report, pages } = printCase(dir, 'details', file);
    expect(report.rollup.initiated).toBeNull();
    expect(report.rollup.incompleteRate).toBeNull();
    expect(comparePdfWithReport(pages, report)).toEqual([]);

    const page1 = pages[0]!;
    // The three figures in a row under their labels: "—", the incomplete count, "—".
    expect(page1).toMatch(new RegExp(`Incomplete rate\\s+—\\s+${count(written.rows)}\\s+—\\s`));
    expect(flat(page1)).toContain('not computed: initiated unknown');
    expect(flat(page1)).toContain('Initiated unknown: this export holds only abandoned enrollments');
    // Beside the numbers: on page 1 and before the chart, not at the end of the document.
    const all = pages.join('\n');
    expect(all.indexOf('Initiated unknown:')).toBeGreaterThan(-1);
    expect(all.indexOf('Initiated unknown:')).toBeLessThan(all.indexOf('Daily incomplete enrollments'));
  }, 120_000);

  it("a summary export alone: page 1 says how much of Incomplete is Intune's summary, without sections", () => {
    const file = join(dir, 'IncompleteEnrollmentSummary.csv');
    const written = writeSummaryOnly(file, '2025-06-01', 7);
    const { report, pages } = printCase(dir, 'summary', file);
    expect(report.rollup.fromSummary).toBe(written.incomplete);
    expect(comparePdfWithReport(pages, report)).toEqual([]);
    const page1 = flat(pages[0]!);
    expect(page1).toContain(`Incomplete includes ${count(written.incomplete)} from Intune's summary, without sections`);
    expect(page1).toContain(
      `Rate covers ${report.dataQuality.knownInitiatedDays} of ${report.dataQuality.rangeDays} days`,
    );
  }, 120_000);

  it('a log ending at 06:05: the partial day is named on page 1 and marked in the daily table', () => {
    const file = join(dir, 'enrollment-events.csv');
    const { last } = writePartialDayLog(file, '2025-06-01', 14);
    const { report, pages } = printCase(dir, 'partial', file, ['--from', '2025-06-01', '--to', last]);
    expect(report.coverage.partialDays).toEqual([last]);
    // comparePdfWithReport checks that the partial day's row, and only it, says "(partial)".
    expect(comparePdfWithReport(pages, report)).toEqual([]);
    expect(flat(pages[0]!)).toContain('Jun 14 is a partial day (data ends 06:05)');
    const all = pages.join('\n');
    // The chart's legend names the partial day's marking, on whichever page the chart is drawn.
    expect(flat(all)).toContain('partial day (hatched, open marker)');
    expect(all).toMatch(/^\s*Sat, Jun 14, 2025 \(partial\)\s+0\s+1\s+0\s+0\s*$/m);
    expect(all.match(/\(partial\)\s+[\d—]/g)).toHaveLength(1);
  }, 120_000);
});
