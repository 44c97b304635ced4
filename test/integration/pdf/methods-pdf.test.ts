/**
 * The PDF's "Methods and definitions": the attempt rules in plain words, and what this report's
 * own data adds to them (its partial days, its days of unknown initiated count). Cases made by the
 * built command line's real import of small exports, printed by a real browser, read back with
 * pdftotext.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src-main/shared/report-types';
import { writeDetailsOnly, writePartialDayLog } from '../../helpers/coverage-inputs';
import { pdfOutline, pdfPages, requirePoppler } from '../../helpers/pdf';
import { runCli } from '../../helpers/run-cli';

const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('the PDF methods and definitions', () => {
  let dir = '';

  beforeAll(() => {
    requirePoppler();
    dir = mkdtempSync(join(tmpdir(), 'enrollscope-methods-pdf-'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The report's JSON and the text of its "Methods and definitions" section, from its heading to the appendix. */
  function methodsOf(name: string, file: string, filter: readonly string[]): { report: Report; methods: string } {
    const casePath = join(dir, `${name}.enrollscope`);
    const json = runCli(['report', file, '--db', casePath, ...filter]);
    expect(json.code).toBe(0);
    const pdf = join(dir, `${name}.pdf`);
    expect(runCli(['report', '--db', casePath, ...filter, '--format', 'pdf', '--out', pdf]).code).toBe(0);
    expect(pdfOutline(pdf).map((item) => item.title)).toContain('Methods and definitions');
    // Without the running header and footer lines (a definition may continue on the next page).
    const all = flat(
      pdfPages(pdf)
        .map((page) =>
          page
            .split('\n')
            .filter((line) => !/^\s*(Generated .* with Enrollscope|Incomplete user enrollments\b.*·)/.test(line))
            .join('\n'),
        )
        .join('\n'),
    );
    const start = all.indexOf('Methods and definitions');
    expect(start).toBeGreaterThan(-1);
    return { report: JSON.parse(json.stdout) as Report, methods: all.slice(start, all.indexOf('Data sources', start)) };
  }

  it('says the rules in plain words, and names the partial day of a log that ends at 06:05', () => {
    const file = join(dir, 'enrollment-events.csv');
    const { last } = writePartialDayLog(file, '2025-06-01', 14);
    const { report, methods } = methodsOf('partial', file, ['--from', '2025-06-01', '--to', last]);
    expect(report.coverage.partialDays).toEqual([last]);
    expect(methods).toContain('When more than 30 minutes pass between two events of an attempt, it ends as incomplete');
    expect(methods).toContain('"Exceeded 30 minutes"');
    expect(methods).toContain('the open attempt ends as incomplete with "Closed app"');
    expect(methods).toContain("a row's share of that section's incomplete enrollments");
    expect(methods).toContain('A row marked "observed" is a step the data names that is not one of those known rows');
    expect(methods).toContain('"Other wordings"');
    expect(methods).toContain('Initiated is then unknown and printed "—" (never 0)');
    expect(methods).toContain("in the report's time zone (UTC)");
    expect(methods).toContain('A day of which more than one hour lies outside the data');
    expect(methods).toContain('In this report: Jun 14, 2025.');
    // Every initiated count is known here: nothing is said of unknown days.
    expect(methods).not.toContain('no known initiated count');
  }, 120_000);

  it('a details export alone: names the days whose initiated count is unknown', () => {
    const file = join(dir, 'IncompleteEnrollmentDetails.csv');
    writeDetailsOnly(file, '2025-06-01', 5);
    const { report, methods } = methodsOf('details', file, ['--from', '2025-06-01', '--to', '2025-06-05']);
    expect(report.coverage.unknownInitiatedDays).toHaveLength(5);
    expect(methods).toContain(
      'In this report: 5 days with attempts but no known initiated count (Jun 1, 2025 – Jun 5, 2025).',
    );
  }, 120_000);
});
