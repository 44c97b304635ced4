/**
 * The PDF's consistency, as a customer reads it: the zone's offsets as they were in the period
 * (not now), one date style in the header, the title block and the footer, a header and footer
 * of at least 8 pt, a title naming the filters, and without --customer/--consultant a notice on
 * stderr (exit 0) and no "Customer —" line. The built command line, a planted event log on disk,
 * a real browser, the PDF read back with poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEventLog } from '../../helpers/event-log';
import { everyDay, plannedEvents, type Stop } from '../../helpers/findings-case';
import { pdfInfo, pdfPages, pdfWords, requirePoppler } from '../../helpers/pdf';
import { runCli } from '../../helpers/run-cli';

const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('the PDF says dates, zones and names one way', () => {
  let dir = '';
  let casePath = '';

  beforeAll(() => {
    requirePoppler();
    dir = mkdtempSync(join(tmpdir(), 'enrollscope-consistency-pdf-'));
    casePath = join(dir, 'case.enrollscope');
    // October 2025 around Europe/Berlin's change from summer time (26 October).
    const cancel = (count: number): Stop => ({ action: 'AndroidPermissions', event: 'cancel', count });
    const log = writeEventLog(
      join(dir, 'october.csv'),
      plannedEvents(everyDay('2025-10-15', 20, () => [{ platform: 'android', started: 10, stops: [cancel(2)] }])),
    );
    expect(runCli(['imports', log, '--db', casePath]).code).toBe(0);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const print = (name: string, args: readonly string[]) => {
    const pdf = join(dir, `${name}.pdf`);
    const result = runCli(['report', '--db', casePath, ...args, '--format', 'pdf', '--out', pdf]);
    return { result, pdf };
  };

  it('names the offsets of the period across a clock change, never "now"; one date style in header, body and footer', () => {
    const { result, pdf } = print('berlin', [
      '--tz',
      'Europe/Berlin',
      '--from',
      '2025-10-20',
      '--to',
      '2025-11-02',
      '--customer',
      'Contoso',
      '--consultant',
      'Jane Doe',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pages = pdfPages(pdf);
    const page1 = flat(pages[0]!);
    expect(page1).toContain('Europe/Berlin (UTC+02:00; UTC+01:00 from Oct 26, 2025)');
    expect(flat(pages.join('\n'))).not.toMatch(/\bnow\)/);
    // Header, title block and footer: the same "Oct 20, 2025" style.
    expect(pages[0]).toMatch(/^\s*Incomplete user enrollments · Contoso\s+Oct 20, 2025 – Nov 2, 2025 · Europe\/Berlin/);
    expect(page1).toContain('Date range Oct 20, 2025 – Nov 2, 2025 (14 days)');
    expect(page1).toMatch(
      /Generated [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} \(Europe\/Berlin\) by Jane Doe with Enrollscope/,
    );
    expect(page1).toMatch(/Generated [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} \(Europe\/Berlin\) Date range/);
    expect(page1).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  }, 120_000);

  it('a range without a clock change names one offset', () => {
    const { pdf } = print('summer', ['--tz', 'Europe/Berlin', '--from', '2025-10-15', '--to', '2025-10-24']);
    expect(flat(pdfPages(pdf)[0]!)).toContain('Time zone Europe/Berlin (UTC+02:00): each attempt counts');
  }, 120_000);

  it('draws the header and footer at 8 pt or more', () => {
    const { pdf } = print('sizes', ['--customer', 'Contoso', '--consultant', 'Jane Doe']);
    const words = pdfWords(pdf, 1);
    const height = pdfInfo(pdf).height;
    const header = words.filter((w) => w.yMax < 45);
    const footer = words.filter((w) => w.yMin > height - 45);
    expect(header.map((w) => w.text)).toContain('Contoso');
    expect(footer.map((w) => w.text)).toContain('Page');
    // A glyph box is a little taller than the font size (6 pt text measures about 6.7).
    for (const word of [...header, ...footer]) expect(word.yMax - word.yMin, word.text).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('titles the PDF with the customer, the range and the filters', () => {
    const { pdf } = print('filtered', [
      '--from',
      '2025-10-20',
      '--to',
      '2025-11-02',
      '--platform',
      'Android',
      '--section',
      'Platform Screens',
      '--customer',
      'Contoso',
      '--consultant',
      'Jane Doe',
    ]);
    // The consultant is the PDF's Author (added after printing: Chromium cannot set it).
    const author = /^Author:\s*(.*)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
    expect(author).toBe('Jane Doe');
    expect(pdfInfo(pdf).title).toBe(
      'Incomplete user enrollments – Contoso – Oct 20, 2025 – Nov 2, 2025 – Android only – Platform Screens',
    );
  }, 120_000);

  it('without --customer and --consultant: a notice on stderr, exit 0, and no empty lines for them', () => {
    const { result, pdf } = print('nameless', ['--from', '2025-10-20', '--to', '2025-11-02']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'enrollscope: notice: the PDF names no customer and consultant (give --customer NAME and --consultant NAME, or remember them in the case in the app); printed without that line\n',
    );
    const page1 = flat(pdfPages(pdf)[0]!);
    expect(page1).not.toMatch(/Customer|Prepared by/);
    expect(page1).not.toContain(' by  with Enrollscope');

    // One of the two given: the notice names the other only.
    const half = print('consultant-only', ['--from', '2025-10-20', '--to', '2025-11-02', '--consultant', 'Jane Doe']);
    expect(half.result.code).toBe(0);
    expect(half.result.stderr).toMatch(/^enrollscope: notice: the PDF names no customer \(give --customer NAME,/);
    const text = flat(pdfPages(half.pdf)[0]!);
    expect(text).toContain('Prepared by Jane Doe');
    expect(text).not.toContain('Customer');
  }, 120_000);
});
