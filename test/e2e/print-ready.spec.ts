/**
 * The print route's ready mark does not hang on a frame that never comes (a never-shown Electron
 * window may produce none): with requestAnimationFrame stalled in the print page, Print to PDF
 * still prints, marked ready by the fallback (after-frame.ts), and the PDF holds the report.
 * With frames, the frame marks it.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PRINT_READY_BY_ATTRIBUTE } from '../../src-main/shared/print-types';
import { pdfPages, requirePoppler } from '../helpers/pdf';
import { comparePdfWithReport } from '../helpers/pdf-report';
import { engineReport, expect, expectReportShown, test, type OpenApp } from './fixtures';

test.beforeAll(() => requirePoppler());

async function printOnce(
  openApp: OpenApp,
  userDataDir: string,
  pdf: string,
  stallFrames: boolean,
): Promise<{ readyBy: string | null; pages: string[]; report: ReturnType<typeof engineReport> }> {
  let readyBy: string | null = null;
  const app = await openApp({
    printPage: {
      beforeLoad: async (page: Page) => {
        // A compositor that produces no frames: callbacks are taken and never called.
        if (stallFrames) await page.addInitScript({ content: 'window.requestAnimationFrame = () => 1;' });
      },
      inspect: async (page: Page) => {
        readyBy = await page.getAttribute('html', PRINT_READY_BY_ATTRIBUTE);
      },
    },
  });
  const report = engineReport(join(userDataDir, 'Sample case.enrollscope'), { tz: 'UTC' });
  await expectReportShown(app.page, report);
  await app.page.getByTestId('print-button').click();
  const dialog = app.page.getByTestId('print-dialog');
  app.dialogs.pdfPaths.push(pdf);
  await dialog.getByTestId('print-save').click();
  await expect(app.page.getByTestId('notice')).toContainText(`PDF saved: ${pdf}`);
  return { readyBy, pages: pdfPages(pdf), report };
}

test('a print page whose frames never come is printed anyway, marked ready by the fallback', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const started = Date.now();
  const { readyBy, pages, report } = await printOnce(openApp, userDataDir, testInfo.outputPath('stalled.pdf'), true);
  expect(readyBy).toBe('fallback');
  expect(comparePdfWithReport(pages, report)).toEqual([]);
  // Far below the printer's 60 s timeout that a stalled frame used to become.
  expect(Date.now() - started).toBeLessThan(30_000);
});

test('with frames, the next frame marks the print page ready', async ({ openApp, userDataDir }, testInfo) => {
  const { readyBy, pages, report } = await printOnce(openApp, userDataDir, testInfo.outputPath('framed.pdf'), false);
  expect(readyBy).toBe('frame');
  expect(comparePdfWithReport(pages, report)).toEqual([]);
});
