/**
 * Print to PDF in the app: the toolbar button (and Ctrl/Cmd+P, and the menu's command) open the
 * dialog; saving prints the report as it is filtered, through the real handlers: the case keeps
 * the names, the save dialog is asked, the print route is rendered in a page of the same Chromium
 * and printed with the app's options. The PDF is read back with poppler-utils and compared with
 * the engine's report for the same filter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartBox, inkShare, pageGrey, pdfInfo, pdfOutline, pdfPages, requirePoppler } from '../helpers/pdf';
import { comparePdfWithReport } from '../helpers/pdf-report';
import { addDays, built, engineReport, expect, expectReportShown, test } from './fixtures';
import { count, delta, onCase, percent, points, sampleCasePath } from './view-helpers';

test.beforeAll(() => requirePoppler());

test('Print to PDF prints the report as filtered, in the light theme, and remembers customer and consultant', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  // The window in the dark theme: the document must be light anyway.
  const app = await openApp({ colorScheme: 'dark' });
  const page = app.page;
  const casePath = join(userDataDir, 'Sample case.enrollscope');
  const latest = engineReport(casePath, { tz: 'UTC' }).range.to;

  await page.getByTestId('preset-7').click();
  await page.getByTestId('filter-platforms').getByLabel('iOS/iPadOS').uncheck();
  const report = engineReport(casePath, { from: addDays(latest, -6), to: latest, tz: 'UTC', platforms: ['Android'] });
  await expectReportShown(page, report);

  await page.getByTestId('print-button').click();
  const dialog = page.getByTestId('print-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('print-dialog-what')).toContainText('Android');
  // The sample case names its customer; the consultant is not known yet.
  await expect(dialog.getByLabel('Customer')).toHaveValue('Contoso (synthetic sample)');
  await expect(dialog.getByLabel('Prepared by (consultant)')).toHaveValue('');
  await dialog.getByLabel('Letter').check();
  await dialog.getByLabel('Landscape').check();
  await dialog.getByLabel('Customer').fill('Contoso Ltd');
  await dialog.getByLabel('Prepared by (consultant)').fill('Jane Doe');
  await dialog.getByLabel(/Mask user names/).check();
  const pdf = testInfo.outputPath('contoso.pdf');
  app.dialogs.pdfPaths.push(pdf);
  await dialog.getByTestId('print-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText(`PDF saved: ${pdf}`);
  await expect(page.getByTestId('print-button')).toHaveAttribute('data-print-status', 'saved');

  const info = pdfInfo(pdf);
  expect(info).toMatchObject({ width: 792, height: 612, sizeName: 'letter', tagged: true });
  const pages = pdfPages(pdf);
  expect(comparePdfWithReport(pages, report)).toEqual([]);
  const text = pages.join('\n');
  expect(text).toMatch(/Customer\s+Contoso Ltd\s+Prepared by\s+Jane Doe/);
  expect(text).toMatch(/Case\s+Sample case/);
  expect(text).toContain('Sample data: this case holds synthetic data');
  expect(text).toMatch(/Date range\s+Nov 7, 2025 – Nov 13, 2025 \(the last 7 days with data\)/);
  expect(text).not.toMatch(/@contoso\.example/);
  expect(
    pdfOutline(pdf)
      .filter((item) => item.level === 3)
      .map((item) => item.title),
  ).toEqual(report.sections.map((s) => s.section));

  // Light: the page is mostly white paper; the chart (wherever it landed) has ink.
  const grey = pageGrey(pdf, 1, 40, testInfo.outputPath('page1'));
  expect(inkShare(grey, 40, { x0: 0, y0: 0, x1: info.width, y1: info.height })).toBeLessThan(0.2);
  const chartPage = pages.findIndex((p) => /Daily incomplete enrollments/.test(p)) + 1;
  const box = chartBox(pdf, chartPage);
  expect(box).not.toBeNull();
  expect(inkShare(pageGrey(pdf, chartPage, 40, testInfo.outputPath('chart')), 40, box!)).toBeGreaterThan(0.02);

  // Remembered in the case (main saved them), and offered again next time.
  expect(app.backend.session.info().settings).toMatchObject({ customer: 'Contoso Ltd', consultant: 'Jane Doe' });
  await page.keyboard.press('Control+p');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Customer')).toHaveValue('Contoso Ltd');
  await expect(dialog.getByLabel('Prepared by (consultant)')).toHaveValue('Jane Doe');
  await expect(dialog.getByLabel('Letter')).toBeChecked();
  await expect(dialog.getByLabel('Landscape')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the menu command opens the dialog; a cancelled save dialog prints nothing', async ({ openApp }) => {
  const app = await openApp();
  const page = app.page;
  await expect(page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
  await page.evaluate(() =>
    (globalThis as unknown as { __enrollscopeEmit(channel: string, payload: unknown): void }).__enrollscopeEmit(
      'menu:command',
      { command: 'print-pdf' },
    ),
  );
  const dialog = page.getByTestId('print-dialog');
  await expect(dialog).toBeVisible();
  // No answer queued: the save dialog is cancelled.
  await dialog.getByTestId('print-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('print-button')).toHaveAttribute('data-print-status', 'idle');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('Print to PDF follows the compare toggle: the tiles show the change and the previous period is dashed on the chart', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const app = await openApp();
  const page = app.page;
  const casePath = sampleCasePath(userDataDir);
  const report = engineReport(casePath, { tz: 'UTC' });
  await expectReportShown(page, report);
  const filter = { from: report.range.from, to: report.range.to, tz: 'UTC' };
  const { delta: d, previous } = onCase(casePath, (db) => built.computeComparison(db, filter, 'previous'));

  const printed = async (name: string): Promise<string> => {
    await page.getByTestId('print-button').click();
    const dialog = page.getByTestId('print-dialog');
    await expect(dialog).toBeVisible();
    const pdf = testInfo.outputPath(name);
    app.dialogs.pdfPaths.push(pdf);
    await dialog.getByTestId('print-save').click();
    await expect(page.getByTestId('notice')).toContainText(`PDF saved: ${pdf}`);
    return pdfPages(pdf).join('\n').replace(/\s+/g, ' ');
  };

  await page.getByTestId('compare-toggle').check();
  await expect(page.getByTestId('delta-incomplete')).toBeVisible();
  const compared = await printed('compared.pdf');
  expect(compared).toContain(`${delta(d.incomplete)} vs ${count(previous.rollup.incomplete)} before`);
  expect(compared).toContain(`${delta(d.initiated)} vs ${count(previous.rollup.initiated)} before`);
  expect(compared).toContain(`${points(d.incompleteRate)} vs ${percent(previous.rollup.incompleteRate)} before`);
  expect(compared).toContain('Dashed: previous period,');

  await page.getByTestId('compare-toggle').uncheck();
  const plain = await printed('plain.pdf');
  expect(plain).not.toMatch(/vs \S+ before/);
  expect(plain).not.toContain('Dashed: previous period');
});

test("the dialog's language: an English window prints the report in French, with the PDF's /Lang", async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const app = await openApp();
  const page = app.page;
  const casePath = join(userDataDir, 'Sample case.enrollscope');
  const report = engineReport(casePath, { tz: 'UTC' });
  await expectReportShown(page, report);

  await page.getByTestId('print-button').click();
  const dialog = page.getByTestId('print-dialog');
  // The app's language by default; the dialog itself speaks it.
  await expect(dialog.getByTestId('print-language')).toHaveValue('en');
  await dialog.getByTestId('print-language').selectOption('fr');
  const pdf = testInfo.outputPath('contoso-fr.pdf');
  app.dialogs.pdfPaths.push(pdf);
  await dialog.getByTestId('print-save').click();
  await expect(page.getByTestId('notice')).toContainText(`PDF saved: ${pdf}`);

  const text = pdfPages(pdf)
    .join('\n')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
  expect(text).toContain("Inscriptions d'utilisateurs incomplètes");
  expect(text).toContain('Où les utilisateurs se sont arrêtés, par section');
  expect(text).toContain('Méthodes et définitions');
  // Each section's total as French writes it (a narrow space between thousands).
  for (const table of report.sections) {
    const count = new Intl.NumberFormat('fr-FR').format(table.incomplete).replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(text).toContain(`${count} incomplètes`);
  }
  expect(readFileSync(pdf).toString('latin1')).toContain('/Lang (fr-FR)');
});
