/**
 * Drill-down against the real handlers: a table row, a day of the chart and a
 * roll-up tile list exactly the attempts behind the number clicked (the engine's listAttempts for
 * the same query), searchable, paged, with user names masked on request.
 */
import { expect, test } from './fixtures';
import { built } from './fixtures';
import { count, drillTotal, onCase, openOnSample } from './view-helpers';

test('a row, a day and the tiles open the attempts behind them; search, pages and masking', async ({
  openApp,
  userDataDir,
}) => {
  const { page, casePath, report, filter } = await openOnSample(openApp, userDataDir);
  const dialog = page.getByTestId('drill-dialog');

  // A section table row: the largest row of Platform Screens.
  const section = report.sections.find((s) => s.section === 'Platform Screens')!;
  const index = section.rows.reduce((best, row, i) => (row.count > section.rows[best]!.count ? i : best), 0);
  const row = section.rows[index]!;
  const table = page.locator('[data-testid="section-table"][data-section="Platform Screens"]');
  await table.getByTestId('section-row').nth(index).locator('[data-cell="count"] button').click();
  await expect(dialog).toBeVisible();
  expect(await drillTotal(page)).toBe(row.count);
  await expect(page.getByTestId('drill-summary')).toContainText(`the report shows ${count(row.count)}`);
  const rowQuery = {
    ...filter,
    section: 'Platform Screens' as const,
    actionName: row.actionName,
    screen: row.screen,
    userAction: row.userAction,
  };
  const engineRows = onCase(casePath, (db) =>
    built.listAttempts(db, { ...rowQuery, limit: 50, sort: { key: 'started', direction: 'asc' } }),
  );
  expect(engineRows.total).toBe(row.count);
  await expect(dialog.getByTestId('attempt-row')).toHaveCount(Math.min(50, row.count));
  expect(await dialog.locator('[data-cell="user"]').allTextContents()).toEqual(engineRows.rows.map((r) => r.user));
  expect(await dialog.locator('[data-cell="source"]').allTextContents()).toEqual(
    engineRows.rows.map((r) => `${r.sourceFile}line ${r.sourceLine}`),
  );

  // Masking: pseudonyms in place of names (main masks; the names never reach the window).
  await dialog.getByTestId('drill-mask').check();
  const pseudonym = onCase(casePath, (db) => built.pseudonym(engineRows.rows[0]!.user, built.maskKeyOf(db)));
  await expect(dialog.locator('[data-cell="user"]').first()).toHaveText(pseudonym);
  // The data-quality panel behind the dialog follows: its skipped rows' examples as main masked them.
  const named = onCase(casePath, (db) => built.listImports(db))
    .flatMap((record) => record.examples)
    .map((example) => /[\w.+-]+@[\w.-]+/.exec(example.detail)?.[0])
    .find((name) => name !== undefined)!;
  const maskedName = onCase(casePath, (db) => built.pseudonym(named, built.maskKeyOf(db)));
  await expect(page.getByTestId('dq-skipped')).toContainText(maskedName);
  await expect(page.getByTestId('dq-skipped')).not.toContainText(named);
  await dialog.getByTestId('drill-mask').uncheck();
  await expect(dialog.locator('[data-cell="user"]').first()).toHaveText(engineRows.rows[0]!.user);
  await expect(page.getByTestId('dq-skipped')).toContainText(named);

  // Search: a user's name narrows the list to that user's attempts of the row.
  const user = engineRows.rows[0]!.user;
  await dialog.getByTestId('drill-search').fill(user);
  const searched = onCase(casePath, (db) => built.listAttempts(db, { ...rowQuery, search: user })).total;
  await expect(page.getByTestId('drill-summary')).toContainText(`${count(searched)} attempt`);
  expect(await drillTotal(page)).toBe(searched);
  // Escape in the search box clears it first (the whole row again), then closes the dialog.
  await page.keyboard.press('Escape');
  await expect(dialog.getByTestId('drill-search')).toHaveValue('');
  await expect(page.getByTestId('drill-summary')).toContainText(`the report shows ${count(row.count)}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A roll-up tile: Incomplete, then its pages.
  await page.getByTestId('rollup-incomplete-drill').click();
  expect(await drillTotal(page)).toBe(report.rollup.incomplete);
  await expect(page.getByTestId('drill-range')).toHaveText(`1–50 of ${count(report.rollup.incomplete)}`);
  await dialog.getByTestId('drill-next').click();
  await expect(page.getByTestId('drill-range')).toHaveText(`51–100 of ${count(report.rollup.incomplete)}`);
  await dialog.getByTestId('drill-close').click();
  await expect(dialog).toBeHidden();

  // Initiated: every attempt of the range (summary rows hold none: the dialog says how many it cannot list).
  await page.getByTestId('rollup-initiated-drill').click();
  const attempts = onCase(casePath, (db) => built.listAttempts(db, { ...filter, outcome: 'all', limit: 1 })).total;
  expect(await drillTotal(page)).toBe(attempts);
  if (attempts !== report.rollup.initiated)
    await expect(page.getByTestId('drill-note')).toContainText(count((report.rollup.initiated ?? 0) - attempts));
  await page.keyboard.press('Escape');

  // A day of the chart (the shown table's cell: the chart's click does the same), keyboard only.
  const day = report.daily.find((p) => Number(p['Setup Checklist']) > 0)!;
  await page.getByTestId('chart-table-toggle').click();
  const cell = page.locator(
    `[data-testid="chart-table"] tr[data-day="${day.date}"] td[data-section="Setup Checklist"] button`,
  );
  await cell.focus();
  await page.keyboard.press('Enter');
  expect(await drillTotal(page)).toBe(Number(day['Setup Checklist']));
  await expect(dialog.locator('[data-cell="started"]').first()).toContainText(day.date);
});
