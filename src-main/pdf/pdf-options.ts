/**
 * One set of PDF options for every printer: Electron's webContents.printToPDF (the app, and the
 * command line where Electron is installed) and Playwright's page.pdf (the command line with a
 * Chromium-family browser, and the tests). Paper, orientation, margins, background, header and
 * footer ("page x of y"), tagged PDF and a document outline made from the headings.
 */
import type { PrintToPDFOptions } from 'electron';
import type { Page } from 'playwright-core';
import { printedMoment, printedRange } from '../shared/print-dates';
import { translator } from '../shared/i18n/translator';
import { printFontStack } from '../shared/print-fonts';
import { MARGINS_MM, type PrintJob } from '../shared/print-types';

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
function band(left: string, right: string, edge: 'top' | 'bottom', fontStack: string): string {
  const padding =
    edge === 'top'
      ? `padding: 6mm ${MARGINS_MM.right}mm 0 ${MARGINS_MM.left}mm;`
      : `padding: 0 ${MARGINS_MM.right}mm 5mm ${MARGINS_MM.left}mm;`;
  return (
    `<div style="box-sizing: border-box; width: 100%; ${padding} display: flex; justify-content: space-between; align-items: ${edge === 'top' ? 'flex-start' : 'flex-end'}; gap: 12px;` +
    ` font-family: ${fontStack}; font-size: 8pt; color: #4f5866; -webkit-print-color-adjust: exact;">` +
    `<span style="white-space: nowrap; overflow: hidden; text-overflow: ellipsis;">${left}</span>` +
    `<span style="white-space: nowrap;">${right}</span></div>`
  );
}

export function pdfOptionsFor(job: PrintJob): PdfOptions {
  const { meta, report } = job;
  const tr = translator(meta.language);
  const fonts = printFontStack(meta.language);
  const { from, to, tz } = report.range;
  const range = printedRange(tr, from, to);
  const title = [tr.t('pdf.reportName'), meta.customer].filter(Boolean).map(escapeHtml).join(' · ');
  const moment = escapeHtml(printedMoment(tr, meta.generatedAt, tz));
  // The messages are the project's; only the values from outside are escaped.
  const generated = meta.consultant
    ? tr.t('pdf.header.generatedBy', { moment, consultant: escapeHtml(meta.consultant) })
    : tr.t('pdf.header.generated', { moment });
  return {
    paper: meta.page.paper,
    landscape: meta.page.orientation === 'landscape',
    headerTemplate: band(title, `${escapeHtml(range)} · ${escapeHtml(tz)}`, 'top', fonts),
    footerTemplate: band(
      generated,
      tr.t('pdf.header.page', {
        page: '<span class="pageNumber"></span>',
        total: '<span class="totalPages"></span>',
      }),
      'bottom',
      fonts,
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
