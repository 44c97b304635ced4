/**
 * The chart's views in the app, against the real handlers and the engine's report for the same
 * filter: a range over 31 days is drawn by ISO week (each week's counts the sum of its days, a week
 * cut by the range says how many days it holds) and the Daily toggle goes back to days; the rate
 * view shows each day's rate as the report's `dailyRate` gives it, and "—" (never 0%) where the
 * initiated count is unknown; a long range printed from the app carries the weekly chart, its
 * table and the rate chart (read back with pdftotext).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeDetailsOnly } from '../helpers/coverage-inputs';
import { pdfPages, requirePoppler } from '../helpers/pdf';
import { reportKey } from '../../src-main/shared/report-key';
import type { Report } from '../../src-main/shared/report-types';
import { addDays, engineReport, expect, expectReportShown, test } from './fixtures';
import { count, percent, sampleCasePath } from './view-helpers';

async function expectKey(page: Page, report: Report): Promise<void> {
  const view = page.getByTestId('report');
  await expect(view).toHaveAttribute('data-report-key', reportKey(report));
  await expect(view).toHaveAttribute('data-report-status', 'ready');
}

/** The days of `report` from `from` to `to` (inclusive), and the sum of a section over them. */
function sumOver(report: Report, from: string, to: string, section: string): number | null {
  const gaps = new Set(report.dataQuality.daysWithoutData);
  const days = report.daily.filter((p) => p.date >= from && p.date <= to && !gaps.has(p.date));
  return days.length === 0 ? null : days.reduce((sum, p) => sum + Number(p[section] ?? 0), 0);
}

test('over 31 days the chart is weekly (Monday to Sunday), and the Daily toggle goes back to days', async ({
  openApp,
  userDataDir,
}) => {
  const app = await openApp();
  const page = app.page;
  const casePath = sampleCasePath(userDataDir);
  const initial = engineReport(casePath, { tz: 'UTC' });
  await expectReportShown(page, initial);
  const chart = page.getByTestId('chart');
  await expect(chart).toHaveAttribute('data-granularity', 'day');

  const to = initial.range.to;
  const from = addDays(to, -59);
  await page.getByTestId('date-from').fill(from);
  const report = engineReport(casePath, { from, to, tz: 'UTC' });
  await expectKey(page, report);
  await expect(chart).toHaveAttribute('data-granularity', 'week');
  await expect(chart.getByRole('heading', { level: 2 })).toHaveText('Weekly incomplete enrollments');
  await expect(chart.getByTestId('chart-view-week')).toHaveAttribute('aria-pressed', 'true');
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /^Line chart of weekly incomplete enrollments/);

  const table = chart.getByTestId('chart-table');
  await expect(table).toHaveAttribute('data-view', 'week-count');
  const rows = table.locator('tbody tr');
  const weeks = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      from: tr.getAttribute('data-day')!,
      to: tr.getAttribute('data-to')!,
      days: Number(tr.getAttribute('data-days')),
    })),
  );
  // 60 days: whole weeks inside, cut only at the range's ends; every day in exactly one week.
  expect(weeks[0]!.from).toBe(from);
  expect(weeks.at(-1)!.to).toBe(to);
  expect(weeks.reduce((sum, w) => sum + w.days, 0)).toBe(60);
  for (const [i, week] of weeks.entries()) {
    expect(addDays(week.from, week.days - 1)).toBe(week.to);
    if (i > 0) expect(new Date(`${week.from}T00:00:00Z`).getUTCDay()).toBe(1); // a Monday
    if (i > 0 && i < weeks.length - 1) expect(week.days).toBe(7);
    const cells = await rows.nth(i).locator('td').allTextContents();
    expect(cells).toEqual(
      report.filters.sections.map((section) => count(sumOver(report, week.from, week.to, section))),
    );
  }
  const first = weeks[0]!;
  if (first.days < 7)
    await expect(rows.first().getByTestId('week-cut')).toHaveText(
      `${first.days} ${first.days === 1 ? 'day' : 'days'} of 7 in the range`,
    );

  // Back to days: one row per day, the daily counts.
  await chart.getByTestId('chart-view-day').click();
  await expect(chart).toHaveAttribute('data-granularity', 'day');
  await expect(table).toHaveAttribute('data-view', 'day-count');
  await expect(rows).toHaveCount(60);
  await expect(chart.getByRole('heading', { level: 2 })).toHaveText('Daily incomplete enrollments');
});

test('the rate view shows each day’s rate as the report gives it', async ({ openApp, userDataDir }) => {
  const app = await openApp();
  const page = app.page;
  const report = engineReport(sampleCasePath(userDataDir), { tz: 'UTC' });
  await expectReportShown(page, report);
  const chart = page.getByTestId('chart');
  await chart.getByTestId('chart-view-rate').click();
  await expect(chart).toHaveAttribute('data-measure', 'rate');
  await expect(chart.getByRole('heading', { level: 2 })).toHaveText('Daily incomplete rate');
  const table = chart.getByTestId('chart-table');
  await expect(table).toHaveAttribute('data-view', 'day-rate');
  const rates = report.dailyRate ?? [];
  expect(rates.some((day) => day.rate !== null)).toBe(true);
  expect(await table.locator('[data-cell="rate"]').allTextContents()).toEqual(rates.map((day) => percent(day.rate)));
  expect(await table.locator('[data-cell="initiated"]').allTextContents()).toEqual(
    rates.map((day) => count(day.initiated)),
  );
  await expect(chart.getByTestId('chart-rate-basis')).toContainText('Incomplete ÷ initiated');
  // The legend names the rate line; the section toggles are for the counts.
  await expect(chart.getByTestId('legend-rate')).toHaveText('Incomplete rate');
  await expect(chart.getByTestId('legend-item')).toHaveCount(0);
});

test('where the initiated count is unknown the rate is "—" and never 0%', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const file = testInfo.outputPath('IncompleteEnrollmentDetails.csv');
  writeDetailsOnly(file, '2025-06-01', 5);
  const app = await openApp({ sampleCase: null });
  await app.drop([file]);
  await expect(app.page.getByTestId('import-summary').getByRole('status')).toHaveText(
    'Import finished: 1 file imported',
  );
  const cases = readdirSync(join(userDataDir, 'Cases')).filter((name) => name.endsWith('.enrollscope'));
  const report = engineReport(join(userDataDir, 'Cases', cases[0]!), { tz: 'UTC' });
  await expectReportShown(app.page, report);
  expect(report.dailyRate?.every((day) => day.initiated === null && day.rate === null)).toBe(true);

  const chart = app.page.getByTestId('chart');
  await chart.getByTestId('chart-view-rate').click();
  const table = chart.getByTestId('chart-table');
  await expect(table).toHaveAttribute('data-view', 'day-rate');
  expect(await table.locator('[data-cell="rate"]').allTextContents()).toEqual(report.daily.map(() => '—'));
  // The day's incomplete attempts are still shown, beside the unknown initiated count.
  expect(await table.locator('[data-cell="incomplete"]').allTextContents()).toEqual(
    (report.dailyRate ?? []).map((day) => count(day.incomplete)),
  );
  await expect(table).not.toContainText('0.0%');
  await expect(chart.getByTestId('chart-rate-basis')).toHaveText(
    'No day of the range has a known initiated count: the rate cannot be drawn.',
  );
});

test('a long range printed from the app has the weekly chart, its table and the rate chart', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  requirePoppler();
  const app = await openApp();
  const page = app.page;
  const casePath = sampleCasePath(userDataDir);
  const initial = engineReport(casePath, { tz: 'UTC' });
  await expectReportShown(page, initial);
  const to = initial.range.to;
  const from = addDays(to, -59);
  await page.getByTestId('date-from').fill(from);
  const report = engineReport(casePath, { from, to, tz: 'UTC' });
  await expectKey(page, report);
  await expect(page.getByTestId('chart')).toHaveAttribute('data-granularity', 'week');

  await page.getByTestId('print-button').click();
  const pdf = testInfo.outputPath('weekly.pdf');
  app.dialogs.pdfPaths.push(pdf);
  await page.getByTestId('print-dialog').getByTestId('print-save').click();
  await expect(page.getByTestId('notice')).toContainText(`PDF saved: ${pdf}`);
  const pages = pdfPages(pdf);
  const text = pages.join('\n');
  // Page 1 is untouched: the chart starts later.
  expect(pages[0]).not.toContain('Weekly incomplete rate');
  expect(text).toContain('Weekly incomplete enrollments');
  expect(text).toContain('Weeks run Monday to Sunday; ranges over 31 days are shown by week.');
  expect(text).toContain('Weekly incomplete enrollments by section (Monday to Sunday)');
  expect(text).toContain('Weekly incomplete rate');
  expect(text).toContain('Incomplete ÷ initiated, all selected sections');
  // A full week of the table: its range, its section counts and its rate, on one line.
  const flat = text.replace(/\s+/g, ' ');
  const { chartBuckets } = await import('../../src-main/shared/chart-buckets');
  const week = chartBuckets(report, 'week').buckets.find((b) => b.days === 7 && b.rate !== null)!;
  const counts = week.counts.map((c) => count(c)).join(' ');
  expect(flat).toContain(`${counts} ${count(week.initiated)} ${percent(week.rate)}`);
});

test('the printed chart follows the Daily/Weekly toggle: 14 days shown by week print by week', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  requirePoppler();
  const app = await openApp();
  const page = app.page;
  const report = engineReport(sampleCasePath(userDataDir), { tz: 'UTC' });
  await expectReportShown(page, report);
  expect(report.daily.length).toBeLessThanOrEqual(31);
  const chart = page.getByTestId('chart');
  await chart.getByTestId('chart-view-week').click();
  await expect(chart).toHaveAttribute('data-granularity', 'week');

  await page.getByTestId('print-button').click();
  const pdf = testInfo.outputPath('chosen-weekly.pdf');
  app.dialogs.pdfPaths.push(pdf);
  await page.getByTestId('print-dialog').getByTestId('print-save').click();
  await expect(page.getByTestId('notice')).toContainText(`PDF saved: ${pdf}`);
  const text = pdfPages(pdf).join('\n');
  // Without the toggle a 14-day range prints by day; the app's choice travelled with the request.
  expect(text).toContain('Weekly incomplete enrollments by section (Monday to Sunday)');
  expect(text).toContain('Weekly incomplete rate');
  expect(text).not.toContain('Daily incomplete enrollments');
});
