import { join } from 'node:path';
import { engineReport, expect, expectReportShown, test } from './fixtures';

test('the chart: one line per selected section, gaps on days without data, legend toggles, a data table', async ({
  openApp,
  userDataDir,
}) => {
  const app = await openApp();
  const report = engineReport(join(userDataDir, 'Sample case.enrollscope'), { tz: 'UTC' });
  await expectReportShown(app.page, report);
  const chart = app.page.getByTestId('chart');
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /Line chart of daily incomplete enrollments/);
  // The sample has a day without data: a gap in every line ('—' in the table).
  const gap = report.dataQuality.daysWithoutData[0]!;
  await expect(chart.locator(`tr[data-day="${gap}"] td`).first()).toHaveText('—');
  await expect(chart).toContainText('Gaps: 1 day without data');

  // Legend items toggle their line (keyboard-operable buttons).
  const legend = chart.getByTestId('legend-item');
  await expect(legend).toHaveCount(4);
  await legend.nth(1).click();
  await expect(legend.nth(1)).toHaveAttribute('aria-pressed', 'false');
  await legend.nth(1).press('Enter');
  await expect(legend.nth(1)).toHaveAttribute('aria-pressed', 'true');

  // The text alternative can be shown to everyone.
  await expect(chart.getByTestId('chart-table')).not.toBeInViewport();
  await chart.getByTestId('chart-table-toggle').click();
  await expect(chart.getByTestId('chart-table')).toBeVisible();
  await expect(chart.getByTestId('chart-table').locator('tbody tr')).toHaveCount(report.daily.length);
});

test('section tables: every column sorts, both ways, and the catalog order comes back', async ({
  openApp,
  userDataDir,
}) => {
  const app = await openApp();
  const report = engineReport(join(userDataDir, 'Sample case.enrollscope'), { tz: 'UTC' });
  await expectReportShown(app.page, report);
  const section = report.sections.find((s) => s.section === 'Platform Screens')!;
  const table = app.page.locator('[data-testid="section-table"][data-section="Platform Screens"]');
  const counts = (): Promise<number[]> =>
    table
      .locator('[data-cell="count"]')
      .allTextContents()
      .then((t) => t.map((x) => Number(x.replace(/\D/g, ''))));

  await table.getByRole('button', { name: 'Incomplete' }).click();
  await expect(table.locator('th[aria-sort="descending"]')).toHaveText(/Incomplete/);
  expect(await counts()).toEqual(section.rows.map((r) => r.count).sort((a, b) => b - a));
  await table.getByRole('button', { name: 'Incomplete' }).click();
  await expect(table.locator('th[aria-sort="ascending"]')).toHaveText(/Incomplete/);
  expect(await counts()).toEqual(section.rows.map((r) => r.count).sort((a, b) => a - b));

  await table.getByRole('button', { name: 'Action name' }).click();
  const names = (await table.locator('td.action-name').allTextContents()).map((t) => t.replace('observed', ''));
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  await table.getByRole('button', { name: 'Android' }).click();
  const android = (await table.locator('[data-cell="Android"]').allTextContents()).map(Number);
  expect(android).toEqual([...android].sort((a, b) => b - a));

  await table.getByRole('button', { name: 'Catalog order' }).click();
  expect(await counts()).toEqual(section.rows.map((r) => r.count));
  // Shares of the section add up to 100% (rounded).
  const shares = (await table.locator('[data-cell="share"]').allTextContents()).map((t) => Number.parseFloat(t));
  expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(1);
});
