/**
 * The PDF's plain parts: choosing what prints (browser or Electron, and the one-line refusal when
 * nothing can), the app's PrintService over a real session and case (names remembered, save
 * dialog, the job the print route gets, atomic write, busy and cancel), the page geometry and
 * the header/footer templates, and masking of user names in skipped rows' examples.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportFilterOf } from '../../../src-main/findings/finding';
import { reportWithFindings } from '../../../src-main/findings/gather';
import { computeComparison } from '../../../src-main/compare/compare';
import { computeFunnel } from '../../../src-main/funnel/funnel';
import { HandlerError } from '../../../src-main/app/ipc';
import { AppSession } from '../../../src-main/app/session';
import { viewHandlers } from '../../../src-main/app/report-views';
import type { ReportRequest } from '../../../src-main/shared/ipc-contract';
import type { Report } from '../../../src-main/shared/report-types';
import { findPdfPrinter, PdfPrinterMissing } from '../../../src-main/pdf/cli-pdf';
import { electronPdfOptions, pdfOptionsFor, playwrightPdfOptions } from '../../../src-main/pdf/pdf-options';
import { pdfFileName, PrintService } from '../../../src-main/app/print-service';
import type { PrintDeps } from '../../../src-main/pdf/print-deps';
import { maskExampleDetail, maskReport, pseudonym } from '../../../src-main/shared/mask';
import { maskKeyOf } from '../../../src-main/store/mask-key';
import { contentBox, type PrintJob, type PrintRequest } from '../../../src-main/shared/print-types';

const SAMPLE = join(process.cwd(), 'resources', 'sample-case.enrollscope');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enrollscope-print-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findPdfPrinter', () => {
  const present =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it('uses --browser, else ENROLLSCOPE_BROWSER, and refuses one that is not there', () => {
    expect(
      findPdfPrinter({
        browser: '/opt/edge',
        env: {},
        platform: 'linux',
        exists: present('/opt/edge'),
        electron: null,
      }),
    ).toMatchObject({
      kind: 'browser',
      path: '/opt/edge',
    });
    expect(
      findPdfPrinter({
        env: { ENROLLSCOPE_BROWSER: '/opt/b' },
        platform: 'linux',
        exists: present('/opt/b', '/usr/bin/chromium'),
        electron: null,
      }),
    ).toMatchObject({
      kind: 'browser',
      path: '/opt/b',
    });
    expect(() =>
      findPdfPrinter({
        browser: '/nope',
        env: {},
        platform: 'linux',
        exists: present('/usr/bin/chromium'),
        electron: null,
      }),
    ).toThrow(/^--browser \/nope: no such browser/);
  });

  it('prefers Electron where it can open a window, else the first browser found; nothing: one line with the way out', () => {
    const electron = '/x/electron';
    const script = (path: string) => path.endsWith('pdf-electron.js');
    const withChromium = (path: string) => path === '/usr/bin/chromium' || script(path);
    expect(findPdfPrinter({ env: { DISPLAY: ':0' }, platform: 'linux', exists: withChromium, electron })).toMatchObject(
      {
        kind: 'electron',
        path: electron,
        fallback: '/usr/bin/chromium',
      },
    );
    // A Linux machine without a display (CI, a server): Electron cannot start, the browser prints.
    expect(findPdfPrinter({ env: {}, platform: 'linux', exists: withChromium, electron })).toMatchObject({
      kind: 'browser',
      path: '/usr/bin/chromium',
    });
    expect(
      findPdfPrinter({
        env: {},
        platform: 'darwin',
        exists: present('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
        electron: null,
      }),
    ).toMatchObject({
      kind: 'browser',
    });
    let error: unknown;
    try {
      findPdfPrinter({ env: {}, platform: 'linux', exists: () => false, electron: null });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PdfPrinterMissing);
    expect((error as Error).message).toMatch(
      /^no browser to print the PDF with: install Chromium .* --browser PATH or ENROLLSCOPE_BROWSER$/,
    );
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('page geometry and templates', () => {
  it('lays the page out at the printable width of each paper', () => {
    expect(contentBox({ paper: 'A4', orientation: 'portrait' })).toEqual({ width: 687, height: 997 });
    expect(contentBox({ paper: 'Letter', orientation: 'landscape' })).toEqual({ width: 950, height: 691 });
  });

  it('gives printToPDF and page.pdf the same page, header, footer, tagging and outline; escapes every text', () => {
    const job = {
      report: { range: { from: '2025-06-01', to: '2025-06-14', tz: 'Europe/Berlin' } },
      meta: {
        page: { paper: 'Letter', orientation: 'landscape' },
        customer: 'A&B <script>',
        consultant: 'Jo "JJ" O\'Neil',
        generatedAt: '2025-06-15T10:02:03.000Z',
        language: 'en',
      },
    } as unknown as PrintJob;
    const options = pdfOptionsFor(job);
    expect(options.headerTemplate).toContain('Incomplete user enrollments · A&amp;B &lt;script&gt;');
    expect(options.headerTemplate).toContain('Jun 1, 2025 – Jun 14, 2025 · Europe/Berlin');
    // At least 8 pt, readable on paper.
    expect(options.headerTemplate).toContain('font-size: 8pt;');
    expect(options.footerTemplate).toContain('font-size: 8pt;');
    expect(options.footerTemplate).toContain(
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    );
    expect(options.footerTemplate).toContain(
      'Generated Jun 15, 2025, 12:02 (Europe/Berlin) by Jo &quot;JJ&quot; O&#39;Neil',
    );
    expect(options.headerTemplate + options.footerTemplate).not.toMatch(/<script|src=|url\(/);
    expect(electronPdfOptions(options)).toMatchObject({
      pageSize: 'Letter',
      landscape: true,
      printBackground: true,
      displayHeaderFooter: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      margins: { top: 17 / 25.4, left: 14 / 25.4 },
    });
    expect(playwrightPdfOptions(options)).toMatchObject({
      format: 'Letter',
      landscape: true,
      printBackground: true,
      displayHeaderFooter: true,
      tagged: true,
      outline: true,
      margin: { top: '17mm', left: '14mm' },
    });
  });

  it('names the file after the customer (or the case) and the range, without path characters', () => {
    expect(pdfFileName('Sample case', 'Contoso: EMEA/Retail', '2025-06-01', '2025-06-14')).toBe(
      'Contoso EMEA Retail – Incomplete enrollments 2025-06-01 to 2025-06-14.pdf',
    );
    expect(pdfFileName('Sample case', '', '2025-06-01', '2025-06-01')).toBe(
      'Sample case – Incomplete enrollments 2025-06-01.pdf',
    );
    expect(pdfFileName(null, '', '2025-06-01', '2025-06-02')).toBe(
      'Incomplete enrollments 2025-06-01 to 2025-06-02.pdf',
    );
  });
});

describe('masking', () => {
  /** A case's masking key (src-main/store/mask-key.ts). */
  const KEY = '00112233445566778899aabbccddeeff';

  it('replaces users and devices in row excerpts by stable pseudonyms, keeping times and the taxonomy', () => {
    const detail =
      '2025-10-16T15:04:00.578Z, user0113@contoso.example, d84e7f6a-fef2-4bea-a4cd-8e77f907b727, , start, , ';
    const masked = maskExampleDetail(detail, KEY);
    expect(masked).toBe(
      `2025-10-16T15:04:00.578Z, ${pseudonym('user0113@contoso.example', KEY)}, ${pseudonym('d84e7f6a-fef2-4bea-a4cd-8e77f907b727', KEY)}, , start, , `,
    );
    expect(masked).toMatch(/^2025-10-16T15:04:00\.578Z, user-[0-9a-z]{7}, id-[0-9a-z]{7}, , start, , $/);
    // Stable: the same person everywhere; case does not matter.
    expect(pseudonym('User0113@Contoso.example', KEY)).toBe(pseudonym('user0113@contoso.example', KEY));
    expect(pseudonym('user0114@contoso.example', KEY)).not.toBe(pseudonym('user0113@contoso.example', KEY));
    // Keyed: another case's key gives another pseudonym, so a guessed name cannot be checked without the key.
    expect(pseudonym('user0113@contoso.example', 'ffeeddccbbaa99887766554433221100')).not.toBe(
      pseudonym('user0113@contoso.example', KEY),
    );
    // Platform, action names and catalog screens stay readable; anything unknown is masked.
    expect(
      maskExampleDetail(
        '2025-10-24T07:18:56Z, jdoe, PC-17, AndroidEnterprise, step, , Enrolling device screen until finish of Loading company resources',
        KEY,
      ),
    ).toMatch(
      /^2025-10-24T07:18:56Z, id-\w{7}, id-\w{7}, AndroidEnterprise, step, , Enrolling device screen until finish of Loading company resources$/,
    );
    // A cut excerpt's last field cannot be recognised: dropped.
    expect(maskExampleDetail('2025-10-17T14:04:54Z, , KIOSK-1, Android, step, Enrollm…', KEY)).toMatch(
      /, Android, step, …$/,
    );
    // One-field examples are masked too: a shifted row (an unquoted `Doe, John`) puts a device or a
    // name in the platform or time column. Known values, dates and the import's notes stay.
    expect(maskExampleDetail('Windows', KEY)).toBe('Windows');
    expect(maskExampleDetail('JOHN-LAPTOP', KEY)).toBe(pseudonym('JOHN-LAPTOP', KEY));
    expect(maskExampleDetail(' John', KEY)).toBe(pseudonym(' John', KEY));
    expect(maskExampleDetail('31/06/2025, 10:00', KEY)).toBe('31/06/2025, 10:00');
    expect(maskExampleDetail('initiated: Doe', KEY)).toBe(`initiated: ${pseudonym('Doe', KEY)}`);
    expect(maskExampleDetail('initiated: (empty)', KEY)).toBe('initiated: (empty)');
    expect(maskExampleDetail('a JSON string, not an object', KEY)).toBe('a JSON string, not an object');
    // A long number may be an employee or phone number; a short one is a count.
    expect(maskExampleDetail('0612345678, 12', KEY)).toBe(`${pseudonym('0612345678', KEY)}, 12`);
    // A detail cut at 200 characters ends inside a field: that field is left out.
    expect(maskExampleDetail(`${'x'.repeat(150)}, ${'Doe John '.repeat(6)}`.slice(0, 200), KEY)).toMatch(
      /^id-\w{7}, …$/,
    );
  });

  it('masks every example of every import of a report, and nothing else', () => {
    const report = {
      imports: [{ file: 'a.csv', examples: [{ line: 3, reason: 'no user', detail: 'x@y.z, ios' }] }],
      rollup: { initiated: 1 },
    };
    const masked = maskReport(report as never, KEY);
    expect(masked.imports[0]!.examples[0]!.detail).toBe(`${pseudonym('x@y.z', KEY)}, ios`);
    expect(masked.rollup).toBe(report.rollup);
  });
});

/** The report the app shows for a request: the report:get handler's. */
function shownReport(session: AppSession, request: ReportRequest): Report {
  const answer = viewHandlers(session)['report:get'](request);
  if (answer instanceof Promise) throw new Error('report:get answers at once');
  return answer.report;
}

describe('PrintService', () => {
  const request: PrintRequest = {
    report: {
      range: { kind: 'last', days: 7 },
      platforms: ['iOS/iPadOS', 'Android'],
      sections: ['Terms of Use'],
      tz: 'UTC',
    },
    page: { paper: 'A4', orientation: 'portrait' },
    language: 'en',
    customer: '  Contoso Ltd ',
    consultant: 'Jane Doe',
    maskUsers: true,
  };

  function started(deps: PrintDeps | null): { session: AppSession; print: PrintService } {
    const session = new AppSession({
      dialogs: {
        chooseNewCasePath: async () => null,
        chooseCaseToOpen: async () => null,
        chooseImportFiles: async () => [],
      },
      userDataDir: join(dir, 'user'),
      sampleCase: SAMPLE,
      emit: () => undefined,
    });
    session.start();
    return { session, print: new PrintService(session, deps) };
  }

  it('remembers the names, asks where to save, prints the job the print route asks for, writes the file whole', async () => {
    const jobs: PrintJob[] = [];
    const asked: string[] = [];
    const holder: { print?: PrintService } = {};
    const deps: PrintDeps = {
      choosePdfPath: async (name) => {
        asked.push(name);
        return join(dir, 'out.pdf');
      },
      render: async (job) => {
        // While printing, the print route gets this very job.
        jobs.push(holder.print!.job());
        expect(holder.print!.job()).toBe(job);
        return new TextEncoder().encode('%PDF-1.4 fake');
      },
      now: () => new Date('2025-11-20T08:00:00Z'),
    };
    const made = started(deps);
    const print = (holder.print = made.print);
    const result = await print.printPdf(request);
    expect(result.pdf).toEqual({ path: join(dir, 'out.pdf'), bytes: 13 });
    expect(result.case.settings).toMatchObject({ customer: 'Contoso Ltd', consultant: 'Jane Doe' });
    expect(made.session.info().settings).toMatchObject({ customer: 'Contoso Ltd', consultant: 'Jane Doe' });
    expect(asked).toEqual(['Contoso Ltd – Incomplete enrollments 2025-11-07 to 2025-11-13.pdf']);
    expect(readFileSync(join(dir, 'out.pdf'), 'utf8')).toBe('%PDF-1.4 fake');
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
    const job = jobs[0]!;
    // Masked in main with the case's key (the print route draws the job as it comes).
    const plain = shownReport(made.session, request.report);
    expect(job.report).toEqual(maskReport(plain, maskKeyOf(made.session.caseDb())));
    expect(JSON.stringify(plain)).toMatch(/@contoso\.example/);
    expect(JSON.stringify(job.report)).not.toMatch(/@contoso\.example/);
    expect(job.report.filters.sections).toEqual(['Terms of Use']);
    // The executive summary: the findings of the printed report, as the engine computes them.
    expect(job.findings).toEqual(reportWithFindings(made.session.caseDb(), reportFilterOf(plain)).findings);
    expect(job.findings!.length).toBeGreaterThan(0);
    expect(job.meta).toEqual({
      page: { paper: 'A4', orientation: 'portrait' },
      caseName: 'Sample case',
      customer: 'Contoso Ltd',
      consultant: 'Jane Doe',
      generatedAt: '2025-11-20T08:00:00.000Z',
      maskUsers: true,
      sampleData: true,
      lastDays: 7,
      language: 'en',
    });
    // Each platform's roll-up for the tiles' split and the tables' rates: the same filter, one platform.
    for (const platform of request.report.platforms) {
      const alone = shownReport(made.session, { ...request.report, platforms: [platform] }).rollup;
      expect(job.platformRollups?.[platform]).toMatchObject({
        initiated: alone.initiated,
        incomplete: alone.incomplete,
        incompleteRate: alone.incompleteRate,
      });
    }
    // The funnel of the range and platforms, every section (the section filter does not apply to it).
    const { from, to, tz } = plain.range;
    expect(job.funnel).toEqual(
      computeFunnel(made.session.caseDb(), { from, to, tz, platforms: request.report.platforms }),
    );
    expect(job.funnel!.sections).toHaveLength(4);
    // The compare toggle was off: no other period.
    expect(job.comparison).toBeUndefined();

    // With the toggle on, the job carries the comparison with the previous period, masked as the report is.
    await print.printPdf({ ...request, compare: 'previous' });
    const compared = jobs[1]!;
    const expected = computeComparison(made.session.caseDb(), reportFilterOf(plain), 'previous');
    expect(compared.comparison?.delta).toEqual(expected.delta);
    expect(compared.comparison?.previous.range).toEqual(expected.previous.range);
    expect(compared.comparison?.current).toEqual(job.report);
    expect(() => print.job()).toThrow(HandlerError);
    made.session.close();
  });

  it('prints nothing when the save dialog is cancelled (the names are kept), refuses a second print while one runs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const paths = [null, join(dir, 'second.pdf')];
    const { session, print } = started({
      choosePdfPath: async () => paths.shift() ?? null,
      render: async () => {
        await gate;
        return new Uint8Array([37, 80, 68, 70]);
      },
    });
    const cancelled = await print.printPdf(request);
    expect(cancelled.pdf).toBeNull();
    expect(cancelled.case.settings.consultant).toBe('Jane Doe');
    const running = print.printPdf(request);
    await expect(print.printPdf(request)).rejects.toMatchObject({ code: 'busy' });
    release();
    expect((await running).pdf?.path).toBe(join(dir, 'second.pdf'));
    expect(existsSync(join(dir, 'second.pdf'))).toBe(true);
    session.close();
  });

  it('without a printer, says that printing is not available', async () => {
    const { session, print } = started(null);
    await expect(print.printPdf(request)).rejects.toMatchObject({
      code: 'failed',
      message: 'Printing to PDF is not available here.',
    });
    session.close();
  });
});
