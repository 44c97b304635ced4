import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { built, engineReport, expect, expectReportShown, test } from './fixtures';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

test('first start opens a copy of the bundled sample case and shows the engine’s numbers', async ({
  openApp,
  userDataDir,
}) => {
  const bundled = built.bundledSampleCase();
  const before = sha(bundled);
  const app = await openApp({ timezoneId: 'Europe/Berlin' });
  const copy = join(userDataDir, 'Sample case.enrollscope');

  await expect(app.page.getByTestId('case-title')).toContainText('Sample case');
  await expect(app.page.getByTestId('case-title')).toContainText('Sample data');
  expect(existsSync(copy)).toBe(true);
  // The sample remembers its zone (UTC); the default filters: the last 14 days with data, everything selected.
  await expect(app.page.getByTestId('tz-input')).toHaveValue('UTC');
  const report = engineReport(copy, { tz: 'UTC' });
  expect(report.rollup.initiated).toBeGreaterThan(0);
  await expectReportShown(app.page, report);
  await expect(app.page.getByTestId('preset-14')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.page.getByTestId('active-range')).toContainText('last 14 days');

  // Data quality of the sample: skipped rows with examples, a summary mismatch, a day without data.
  await expect(app.page.getByTestId('dq-skipped-count')).toHaveText(
    report.dataQuality.skippedRows.toLocaleString('en-US'),
  );
  await expect(app.page.getByTestId('dq-skipped')).toContainText(/line \d+/);
  await expect(app.page.getByTestId('dq-mismatches-count')).toHaveText(
    String(report.dataQuality.summaryMismatches.length),
  );
  await expect(app.page.getByTestId('dq-gaps-count')).toHaveText(String(report.dataQuality.daysWithoutData.length));
  expect(report.dataQuality.daysWithoutData.length).toBeGreaterThan(0);

  // The bundled file is never written to.
  await app.close();
  expect(sha(bundled)).toBe(before);
});

test('the last case is reopened at the next start; the recent list opens the others', async ({
  openApp,
  userDataDir,
}) => {
  const first = await openApp();
  await expect(first.page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
  const casePath = join(userDataDir, 'Acme pilot.enrollscope');
  first.dialogs.newCasePaths.push(casePath);
  await first.page.getByRole('button', { name: 'New case' }).click();
  await expect(first.page.getByTestId('empty-state')).toContainText('“Acme pilot” has no data yet');
  await expect(first.page.getByTestId('case-title')).toContainText('Acme pilot');
  expect(existsSync(casePath)).toBe(true);
  await first.close();

  const second = await openApp();
  await expect(second.page.getByTestId('case-title')).toContainText('Acme pilot');
  await expect(second.page.getByTestId('empty-state')).toBeVisible();
  // The recent list offers the sample case; opening it shows its report.
  await second.page.getByText('Recent', { exact: true }).click();
  await second.page.getByRole('menuitem', { name: /Sample case/ }).click();
  const report = engineReport(join(userDataDir, 'Sample case.enrollscope'), { tz: 'UTC' });
  await expectReportShown(second.page, report);
});
