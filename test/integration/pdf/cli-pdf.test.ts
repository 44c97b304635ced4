/**
 * `enrollscope report ... --format pdf`, end to end as a user runs it: the built command line, a
 * real case made from generated files (the sample's synthetic event log and details rows, plus a
 * details export with hundreds of distinct screens so one section's table runs over many pages),
 * a real browser (/usr/bin/chromium), a real PDF read back with poppler-utils. Every number the
 * PDF shows is compared with the command line's own JSON for the same filter.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../src-main/shared/calendar-day';
import type { Report } from '../../../src-main/shared/report-types';
import { SAMPLE_END_DAY, writeSampleInputs } from '../../../src-main/tools/make-sample';
import {
  chartBox,
  inkShare,
  pageFill,
  pageGrey,
  pdfInfo,
  pdfOutline,
  pdfPages,
  pdfStructProblems,
  requirePoppler,
} from '../../helpers/pdf';
import { comparePdfWithReport, printedRows } from '../../helpers/pdf-report';
import { runCli, type CliResult } from '../../helpers/run-cli';

const LONG_ROWS = 320;

/** A details export whose Platform Screens table gets hundreds of observed rows (distinct screens). */
function longDetails(path: string): string {
  const lines = [
    'abandonmentDateTime,userPrincipalName,deviceName,platform,enrollmentSection,actionName,screenOrFlow,userAction',
  ];
  for (let i = 0; i < LONG_ROWS; i++) {
    const ios = i % 2 === 0;
    const repeats = 1 + ((i * 7) % 4);
    for (let k = 0; k < repeats; k++) {
      const day = String(1 + ((i + k * 3) % 14)).padStart(2, '0');
      const time = `2025-11-${day}T${String(7 + (k % 10)).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}:0${k}Z`;
      const screen = `Kiosk flow ${String(i).padStart(3, '0')}: custom enrollment screen shown by the line-of-business app`;
      lines.push(
        [
          time,
          `worker${i % 90}@fabrikam.example`,
          `KIOSK-${i}`,
          ios ? 'iPadOS' : 'Android',
          'Platform Screens',
          ios ? 'iOSProfileLaunch' : 'AndroidPermissions',
          `"${screen}"`,
          ios ? 'Cancel' : 'Exceeded 30 minutes',
        ].join(','),
      );
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function ok(result: CliResult): CliResult {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

describe('enrollscope report --format pdf', () => {
  let dir = '';
  let casePath = '';
  let a4 = '';
  let a4Report: Report;

  beforeAll(async () => {
    requirePoppler();
    dir = mkdtempSync(join(tmpdir(), 'enrollscope-pdf-'));
    const { log, details } = await writeSampleInputs(join(dir, 'inputs'));
    const long = longDetails(join(dir, 'inputs', 'fabrikam-kiosk-details.csv'));
    casePath = join(dir, 'case.enrollscope');
    a4Report = JSON.parse(ok(runCli(['report', log, details, long, '--db', casePath])).stdout) as Report;
    // Revision 2: the sample log's last day is a part-day, so the default range ends the day before.
    expect(a4Report.coverage.partialDays).toEqual([]);
    expect(a4Report.range.to).toBe(addDays(SAMPLE_END_DAY, -1));
    a4 = join(dir, 'report-a4.pdf');
    const printed = ok(
      runCli([
        'report',
        '--db',
        casePath,
        '--format',
        'pdf',
        '--out',
        a4,
        '--customer',
        'Fabrikam & Co <Retail>',
        '--consultant',
        'Jane Doe',
      ]),
    );
    expect(printed.stdout).toBe('');
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows every number of the JSON report on A4, tagged, with one outline entry per section', () => {
    const info = pdfInfo(a4);
    expect(info).toMatchObject({ sizeName: 'A4', tagged: true });
    // 210 x 297 mm is 595.3 x 841.9 points; Chromium rounds the page to whole device pixels.
    expect(Math.abs(info.width - 595.3)).toBeLessThan(1);
    expect(Math.abs(info.height - 841.9)).toBeLessThan(1.5);
    expect(info.title).toContain('Incomplete user enrollments – Fabrikam & Co <Retail>');

    const pages = pdfPages(a4);
    expect(pages).toHaveLength(info.pages);
    expect(comparePdfWithReport(pages, a4Report)).toEqual([]);
    // Customer text is escaped in the header template and shown as written in the document.
    expect(pages[0]).toContain('Fabrikam & Co <Retail>');
    expect(pages[1]).toMatch(/^\s*Incomplete user enrollments · Fabrikam & Co <Retail>/);

    // A structure tree without errors or warnings (Chromium tags <strong> as a Strong element
    // that poppler rejects: the printed document sets bold by style instead).
    expect(pdfStructProblems(a4)).toEqual([]);
    // No page left mostly empty by a break: every page but the last is filled at least halfway
    // down its body (read from its pixels: the chart is a picture).
    const fills = pages.slice(0, -1).map((_page, index) => pageFill(a4, index + 1, join(dir, `fill-${index + 1}`)));
    expect(fills.filter((fill) => fill < 0.5)).toEqual([]);

    const outline = pdfOutline(a4);
    expect(outline.filter((item) => item.level === 3).map((item) => item.title)).toEqual(
      a4Report.sections.map((s) => s.section),
    );
    expect(outline.filter((item) => item.level === 2).map((item) => item.title)).toEqual([
      // Page 1 tells the story: the numbers, the findings, what to change.
      'Summary',
      'Executive summary',
      // Guidance for the largest rows (the notes' block shows only when the case has notes).
      'Where most users stopped, and what to change',
      'Daily incomplete enrollments',
      'Where users stopped, by section',
      'How far attempts got: the section funnel',
      'Methods and definitions',
      // The appendix.
      'Data sources',
      'Daily counts',
      'Data quality',
    ]);
  });

  it('continues the long table on the next pages with its heading and column header repeated, never splitting a row', () => {
    const pages = pdfPages(a4);
    const section = a4Report.sections.find((s) => s.section === 'Platform Screens')!;
    // Revision 2: the Android wordings count on catalog row 11 (the one row of AndroidPermissions,
    // Exceeded 30 minutes); the 160 iPadOS ones (rows 7 and 8 share their pair) are observed rows,
    // of which the report shows 50 and folds the rest into one "other wordings" row.
    const observed = section.rows.filter((r) => !r.catalog);
    expect(observed).toHaveLength(51);
    // (The sample's own observed rows are folded in too.)
    expect(observed.at(-1)!.otherWordings).toBeGreaterThanOrEqual(LONG_ROWS / 2 - 50);
    const rows = printedRows(
      pages,
      a4Report.sections.map((s) => s.section),
    ).get('Platform Screens')!;
    const tablePages = [...new Set(rows.map((row) => row.page))];
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    // The folded row prints as such (its screen cell wraps over lines the other columns share).
    expect(pages[tablePages.at(-1)! - 1]).toMatch(
      new RegExp(`Other wordings\\s+${observed.at(-1)!.otherWordings} other observed`),
    );
    // Consecutive pages, each opening with the section's heading line and the column header.
    expect(tablePages).toEqual(tablePages.map((_, i) => tablePages[0]! + i));
    for (const page of tablePages) {
      const lines = pages[page - 1]!.split('\n').filter((line) => line.trim() !== '');
      const heading = lines.findIndex((line) => /^\s*Platform Screens\s+[\d,]+ incomplete/.test(line));
      expect(heading, `page ${page}`).toBeGreaterThanOrEqual(0);
      // (The iOS/iPadOS column's header may wrap after its slash; each platform's rate column
      // header, "iOS rate" and "Android rate", wraps after its platform.)
      expect(lines[heading + 1], `page ${page}`).toMatch(
        /Action name\s+Screen or flow\s+Platform\s+User action\s+Incomplete\s+Share\s+iOS\/(iPadOS)?\s+iOS\s+Android\s+Android/,
      );
    }
    // No row split: a split row would leave the start of its screen text on one page and the end
    // on the next, so on every page each screen's first, middle and last words come equally often.
    const occurrences = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
    let kiosks = 0;
    pages.forEach((text, index) => {
      const starts = occurrences(text, /Kiosk flow \d{3}:/g);
      kiosks += starts;
      expect(
        [occurrences(text, /\bcustom\b/g), occurrences(text, /\bshown\b/g), occurrences(text, /business/g)],
        `page ${index + 1}`,
      ).toEqual([starts, starts, starts]);
    });
    expect(kiosks).toBe(observed.filter((r) => r.screen.startsWith('Kiosk flow')).length);
    expect(kiosks).toBeGreaterThan(40);
  });

  it('draws the chart: its region of the page is not blank', () => {
    // After page 1's story (numbers, findings, guidance), on the first page that holds it: a chart is never split.
    const page = [1, 2, 3].find((n) => chartBox(a4, n) !== null) ?? 1;
    const box = chartBox(a4, page);
    expect(box).not.toBeNull();
    // At least 150 points tall: the canvas is there, sized for the page.
    expect(box!.y1 - box!.y0).toBeGreaterThan(150);
    const image = pageGrey(a4, page, 50, join(dir, `page${page}`));
    const ink = inkShare(image, 50, box!);
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.5);
  });

  it('prints Letter landscape with a filter, customer, consultant and masked user names', () => {
    const filter = [
      '--platform',
      'android',
      '--section',
      'Platform Screens',
      '--section',
      'Terms of Use',
      '--from',
      '2025-11-03',
      '--to',
      '2025-11-12',
    ];
    const report = JSON.parse(ok(runCli(['report', '--db', casePath, ...filter])).stdout) as Report;
    const out = join(dir, 'report-letter.pdf');
    const args = [
      '--paper',
      'letter',
      '--landscape',
      '--customer',
      'Fabrikam',
      '--consultant',
      'Jane Doe',
      '--mask-users',
    ];
    expect(ok(runCli(['report', '--db', casePath, ...filter, '--format', 'pdf', '--out', out, ...args])).stdout).toBe(
      '',
    );

    const info = pdfInfo(out);
    expect(info).toMatchObject({ width: 792, height: 612, sizeName: 'letter', tagged: true });
    const pages = pdfPages(out);
    expect(comparePdfWithReport(pages, report)).toEqual([]);
    const text = pages.join('\n');
    expect(text).toMatch(/Operating systems\s+Android/);
    expect(text).toMatch(/Sections\s+Platform Screens, Terms of Use/);
    expect(text).toMatch(/Prepared by\s+Jane Doe/);
    expect(text).toMatch(/Generated [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} \(UTC\) by Jane Doe with Enrollscope/);
    // The sample's skipped rows name users and devices: masked, with stable pseudonyms.
    expect(text).not.toMatch(/@contoso\.example/);
    expect(text).toMatch(/user-[0-9a-z]{7}/);
    const unmasked = pdfPages(a4).join('\n');
    expect(unmasked).toMatch(/user\d{4}@contoso\.example/);
  });

  it('refuses --format pdf without --out, and says in one line when there is no browser', () => {
    const noOut = runCli(['report', '--db', casePath, '--format', 'pdf']);
    expect(noOut.code).toBe(2);
    expect(noOut.stdout).toBe('');
    expect(noOut.stderr).toMatch(/^enrollscope: --format pdf needs --out PATH/);

    const out = join(dir, 'never.pdf');
    const missing = runCli([
      'report',
      '--db',
      casePath,
      '--format',
      'pdf',
      '--out',
      out,
      '--browser',
      join(dir, 'no-such-browser'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no such browser/);

    const env = runCli(['report', '--db', casePath, '--format', 'pdf', '--out', out], {
      env: { ENROLLSCOPE_BROWSER: join(dir, 'gone') },
    });
    expect(env.code).toBe(1);
    expect(env.stdout).toBe('');
    expect(env.stderr).toMatch(/^enrollscope: ENROLLSCOPE_BROWSER .*gone: no such browser/);
  });
});
