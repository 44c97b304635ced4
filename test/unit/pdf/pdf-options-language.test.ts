/**
 * The page header and footer (drawn by Chromium from main's templates, outside the document) in
 * the job's language: its words, its days, the language's fonts; values from outside escaped.
 */
import { describe, expect, it } from 'vitest';
import { pdfOptionsFor } from '../../../src-main/pdf/pdf-options';
import { printFontStack } from '../../../src-main/shared/print-fonts';
import type { Language } from '../../../src-main/shared/i18n';
import type { PrintJob } from '../../../src-main/shared/print-types';

const job = (language: Language): PrintJob =>
  ({
    report: { range: { from: '2025-06-01', to: '2025-06-14', tz: 'Europe/Berlin' } },
    meta: {
      page: { paper: 'A4', orientation: 'portrait' },
      customer: 'Müller & Söhne',
      consultant: '<Jo>',
      generatedAt: '2025-06-15T10:02:03.000Z',
      language,
    },
  }) as unknown as PrintJob;

describe('the page header and footer in the PDF language', () => {
  it('German: words, days and the page count', () => {
    const { headerTemplate, footerTemplate } = pdfOptionsFor(job('de'));
    expect(headerTemplate).toContain('Unvollständige Benutzerregistrierungen · Müller &amp; Söhne');
    expect(headerTemplate).toContain('1. Juni 2025 – 14. Juni 2025 · Europe/Berlin');
    expect(footerTemplate).toContain('Erstellt am 15. Juni 2025, 12:02 (Europe/Berlin) von &lt;Jo&gt; mit Enrollscope');
    expect(footerTemplate).toContain('Seite <span class="pageNumber"></span> von <span class="totalPages"></span>');
  });

  it('Japanese: its days, and a font stack that starts with Japanese fonts', () => {
    const { headerTemplate, footerTemplate } = pdfOptionsFor(job('ja'));
    expect(headerTemplate).toContain('不完全なユーザー登録');
    expect(headerTemplate).toContain('2025年6月1日 – 2025年6月14日');
    expect(footerTemplate).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span> ページ');
    expect(headerTemplate).toContain(`font-family: ${printFontStack('ja')};`);
    expect(printFontStack('ja')).toMatch(/^'Yu Gothic UI'.*'Noto Sans CJK JP'.*'Segoe UI'/);
    expect(printFontStack('de')).not.toContain('CJK');
  });
});
