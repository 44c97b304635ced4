/**
 * One set of PDF options for every printer: Electron's webContents.printToPDF (the app, and the
 * command line where Electron is installed) and Playwright's page.pdf (the command line with a
 * Chromium-family browser, and the tests). Paper, orientation, margins, background, header and
 * footer ("page x of y"), tagged PDF and a document outline made from the headings.
 */
import type { PrintToPDFOptions } from 'electron';
import type { Page } from 'playwright-core';
import { printedMoment, printedRange } from '../shared/print-dates';
import { MARGINS_MM, REPORT_NAME, type PrintJob } from '../shared/print-types';

export interface PdfOptions {
  readonly paper: 'A4' | 'Letter';
  readonly landscape: boolean;
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Header and footer are drawn by Chromium in the page margins, outside the document: their own
 * tiny HTML with inline styles only (no scripts, no outside resources). Every text is escaped.
 */
function band(left: string, right: string, edge: 'top' | 'bottom'): string {
  const padding =
    edge === 'top'
      ? `padding: 6mm ${MARGINS_MM.right}mm 0 ${MARGINS_MM.left}mm;`
      : `padding: 0 ${MARGINS_MM.right}mm 5mm ${MARGINS_MM.left}mm;`;
  return (
    `<div style="box-sizing: border-box; width: 100%; ${padding} display: flex; justify-content: space-between; align-items: ${edge === 'top' ? 'flex-start' : 'flex-end'}; gap: 12px;` +
    ` font-family: 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif; font-size: 8pt; color: #4f5866; -webkit-print-color-adjust: exact;">` +
    `<span style="white-space: nowrap; overflow: hidden; text-overflow: ellipsis;">${left}</span>` +
    `<span style="white-space: nowrap;">${right}</span></div>`
  );
}

export function pdfOptionsFor(job: PrintJob): PdfOptions {
  const { meta, report } = job;
  const { from, to, tz } = report.range;
  const range = printedRange(from, to);
  const title = [REPORT_NAME, meta.customer].filter(Boolean).map(escapeHtml).join(' · ');
  const generated = printedMoment(meta.generatedAt, tz);
  const by = meta.consultant ? ` by ${escapeHtml(meta.consultant)}` : '';
  return {
    paper: meta.page.paper,
    landscape: meta.page.orientation === 'landscape',
    headerTemplate: band(title, `${escapeHtml(range)} · ${escapeHtml(tz)}`, 'top'),
    footerTemplate: band(
      `Generated ${escapeHtml(generated)}${by} with Enrollscope`,
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
      'bottom',
    ),
  };
}

const MM_PER_INCH = 25.4;

/** Electron's printToPDF options (margins in inches). */
export function electronPdfOptions(options: PdfOptions): PrintToPDFOptions {
  return {
    pageSize: options.paper,
    landscape: options.landscape,
    margins: {
      top: MARGINS_MM.top / MM_PER_INCH,
      bottom: MARGINS_MM.bottom / MM_PER_INCH,
      left: MARGINS_MM.left / MM_PER_INCH,
      right: MARGINS_MM.right / MM_PER_INCH,
    },
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    preferCSSPageSize: false,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

/** Playwright's page.pdf options: the same page, tagged, with an outline. */
export function playwrightPdfOptions(options: PdfOptions): NonNullable<Parameters<Page['pdf']>[0]> {
  return {
    format: options.paper,
    landscape: options.landscape,
    margin: {
      top: `${MARGINS_MM.top}mm`,
      bottom: `${MARGINS_MM.bottom}mm`,
      left: `${MARGINS_MM.left}mm`,
      right: `${MARGINS_MM.right}mm`,
    },
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    preferCSSPageSize: false,
    tagged: true,
    outline: true,
  };
}
