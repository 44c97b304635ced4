/**
 * Accessibility checked by a tool: axe-core (@axe-core/playwright) over every view and dialog of
 * the app, in light and dark, through the real handlers on real case files: the report, its data
 * table, filtered, compared, the funnel, the drill-down, the menus and the print dialog, the import
 * summary, the failures view, the empty state and the print route. No serious or critical
 * violation is allowed. Also: the chart's text alternative and its table follow the chart.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { engineReport, expect, expectReportShown, test } from './fixtures';
import { count, drillTotal, openOnSample, sampleCasePath } from './view-helpers';

const SCHEMES = ['light', 'dark'] as const;

// axe takes seconds over a whole report page; one test visits many states.
test.describe.configure({ timeout: 300_000 });

/**
 * axe over the page as it is now (or only the part `within`, when the rest was checked already);
 * every serious or critical violation, one line each.
 */
async function violations(page: Page, what: string, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (within ? builder.include(within) : builder).analyze();
  // The run really looked at the page: it passed checks as well.
  expect(result.passes.length, `axe checked nothing in ${what}`).toBeGreaterThan(5);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((node) => `${what}: ${v.id} (${v.impact}) at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    );
}

for (const colorScheme of SCHEMES) {
  test(`axe, ${colorScheme}: the report, its table, filtered, compared, funnel, drill-down, menus, print dialog`, async ({
    openApp,
    userDataDir,
  }) => {
    const app = await openApp({ colorScheme });
    const { page } = app;
    const casePath = sampleCasePath(userDataDir);
    const report = engineReport(casePath, { tz: 'UTC' });
    await expectReportShown(page, report);
    await expect(page.getByTestId('funnel')).toHaveAttribute('data-funnel-status', 'ready');
    const found: string[] = [];
    found.push(...(await violations(page, 'report')));

    await page.getByTestId('chart-table-toggle').click();
    await expect(page.getByTestId('chart-table')).toBeVisible();
    found.push(...(await violations(page, 'chart data table', '[data-testid="chart"]')));

    // Guidance open under a row.
    await page.getByTestId('guidance-toggle').first().click();
    found.push(...(await violations(page, 'guidance open', '[data-testid="section-tables"]')));

    await page.getByTestId('filter-platforms').getByLabel('Android').uncheck();
    for (const section of ['Setup Checklist', 'Terms of Use', 'Compliance/Activation'])
      await page.getByTestId('filter-sections').getByLabel(section).uncheck();
    const filtered = engineReport(casePath, {
      from: report.range.from,
      to: report.range.to,
      tz: 'UTC',
      platforms: ['iOS/iPadOS'],
      sections: ['Platform Screens'],
    });
    await expectReportShown(page, filtered);
    found.push(...(await violations(page, 'filtered (one OS, one section)')));
    await page.getByTestId('active-platforms-clear').click();
    await page.getByTestId('active-sections-clear').click();
    await expectReportShown(page, report);

    await page.getByTestId('compare-toggle').check();
    await expect(page.getByTestId('compare')).toHaveAttribute('data-compare-status', 'ready');
    await expect(page.getByTestId('delta-incomplete')).toBeVisible();
    found.push(...(await violations(page, 'compared')));
    await page.getByTestId('compare-toggle').uncheck();

    await page.locator('[data-testid="section-table"] [data-cell="count"] button').first().click();
    await drillTotal(page);
    found.push(...(await violations(page, 'drill-down', '[data-testid="drill-dialog"]')));
    await page.getByTestId('drill-outcome').selectOption('all');
    await drillTotal(page);
    found.push(...(await violations(page, 'drill-down, any outcome', '[data-testid="drill-dialog"]')));
    await page.keyboard.press('Escape');

    await page.getByTestId('export-menu').click();
    await expect(page.getByTestId('export-daily-csv')).toBeVisible();
    found.push(...(await violations(page, 'export menu', '[data-testid="report-toolbar"]')));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-daily-csv')).toBeHidden(); // Escape closes the menu

    await page.getByTestId('print-button').click();
    await expect(page.getByTestId('print-dialog')).toBeVisible();
    found.push(...(await violations(page, 'print dialog', '[data-testid="print-dialog"]')));
    await page.keyboard.press('Escape');

    expect(found).toEqual([]);
  });

  test(`axe, ${colorScheme}: the import summary and the failures view`, async ({ openApp, userDataDir }, testInfo) => {
    const app = await openApp({ colorScheme });
    const { page } = app;
    await expectReportShown(page, engineReport(sampleCasePath(userDataDir), { tz: 'UTC' }));
    const lines = ['User canceled', 'Device cap reached', 'Timeout'].map(
      (reason, i) =>
        `2025-11-1${i}T0${i}:00:00Z,4,Company Portal,g-${i},${reason},${i % 2 ? 'Android' : 'iOS'},17.${i},user${i}@contoso.example,u-${i}`,
    );
    const failures = testInfo.outputPath('DeviceEnrollmentFailures.csv');
    writeFileSync(
      failures,
      `EnrollmentFailureDateTime,EnrollmentMethod,EnrollmentMethod_loc,FailureGuid,FailureReason,OS,OSVersion,UPN,UserId\r\n${lines.join('\r\n')}\r\n`,
    );
    const refused = testInfo.outputPath('meeting-notes.txt');
    writeFileSync(refused, 'Bring the Company Portal logs.\n');
    await app.drop([failures, refused]);
    await expect(page.getByTestId('import-summary').getByRole('status')).toHaveText(/Import finished/);
    const found = await violations(page, 'import summary');

    await page.getByTestId('view-failures').click();
    await expect(page.getByTestId('failures-view')).toHaveAttribute('data-failures-total', '3');
    found.push(...(await violations(page, 'failures view')));
    expect(found).toEqual([]);
  });

  test(`axe, ${colorScheme}: the empty state`, async ({ openApp }) => {
    const app = await openApp({ colorScheme, sampleCase: null });
    await expect(app.page.getByTestId('empty-state')).toBeVisible();
    expect(await violations(app.page, 'empty state')).toEqual([]);
  });

  test(`axe, ${colorScheme}: the print route`, async ({ openApp }, testInfo) => {
    const found: string[] = [];
    let inspected = false;
    const app = await openApp({
      colorScheme,
      inspectPrint: async (printPage) => {
        await expect(printPage.locator('html')).toHaveAttribute('data-route', 'print');
        found.push(...(await violations(printPage as unknown as Page, 'print route')));
        inspected = true;
      },
    });
    const { page } = app;
    await expect(page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
    await page.getByTestId('print-button').click();
    app.dialogs.pdfPaths.push(testInfo.outputPath('report.pdf'));
    await page.getByTestId('print-dialog').getByTestId('print-save').click();
    await expect(page.getByTestId('print-button')).toHaveAttribute('data-print-status', 'saved');
    expect(inspected).toBe(true);
    expect(found).toEqual([]);
  });
}

test("the chart's text alternative and its table follow the chart", async ({ openApp, userDataDir }) => {
  const { page, casePath, report } = await openOnSample(openApp, userDataDir);
  const label = async (): Promise<string> => (await page.getByTestId('chart-canvas').getAttribute('aria-label')) ?? '';
  const totals = (r: typeof report): string =>
    r.filters.sections
      .map((section) => `${section} ${count(r.daily.reduce((a, p) => a + Number(p[section] ?? 0), 0))}`)
      .join(', ');
  expect(await label()).toContain(`Totals: ${totals(report)}.`);
  expect(await label()).toContain(`from ${report.range.from} to ${report.range.to}`);

  await page.getByTestId('filter-sections').getByLabel('Terms of Use').uncheck();
  const narrowed = engineReport(casePath, {
    from: report.range.from,
    to: report.range.to,
    tz: 'UTC',
    sections: ['Setup Checklist', 'Platform Screens', 'Compliance/Activation'],
  });
  // expectReportShown compares the chart's table with the engine, cell by cell.
  await expectReportShown(page, narrowed);
  expect(await label()).toContain(`Totals: ${totals(narrowed)}.`);
  expect(await label()).not.toContain('Terms of Use');
  await expect(page.getByTestId('chart-table').locator('thead th')).toHaveText(['Day', ...narrowed.filters.sections]);

  // A line hidden with the legend: the alternative names it apart; the table keeps its numbers.
  await page.getByTestId('legend-item').filter({ hasText: 'Platform Screens' }).click();
  const drawn = {
    ...narrowed,
    filters: { ...narrowed.filters, sections: ['Setup Checklist', 'Compliance/Activation'] },
  };
  expect(await label()).toContain(`Totals: ${totals(drawn as typeof report)}.`);
  expect(await label()).toContain('Hidden in the chart (shown in the table): Platform Screens.');
  await expectReportShown(page, narrowed);
});
