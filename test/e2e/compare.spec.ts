/**
 * Comparison with the previous period and the section funnel against
 * the real handlers: every delta and funnel figure shown is the engine's for the same filter.
 */
import { built, expect, test } from './fixtures';
import { count, delta, duration, onCase, openOnSample, percent, points } from './view-helpers';

test('compare: deltas on the tiles, the sections and the rows; the previous period in the chart', async ({
  openApp,
  userDataDir,
}) => {
  const { page, casePath, report, filter } = await openOnSample(openApp, userDataDir);
  const { delta: d, previous } = onCase(casePath, (db) => built.computeComparison(db, filter, 'previous'));

  await expect(page.getByTestId('delta-initiated')).toHaveCount(0);
  await page.getByTestId('compare-toggle').check();
  await expect(page.getByTestId('delta-initiated')).toHaveAttribute('data-value', String(d.initiated));
  await expect(page.getByTestId('delta-initiated')).toContainText(
    `${delta(d.initiated)} vs ${count(previous.rollup.initiated)}`,
  );
  await expect(page.getByTestId('delta-incomplete')).toContainText(
    `${delta(d.incomplete)} vs ${count(previous.rollup.incomplete)}`,
  );
  await expect(page.getByTestId('delta-rate')).toContainText(points(d.incompleteRate));
  await expect(page.getByTestId('delta-rate')).toHaveAttribute('data-value', String(d.incompleteRate));
  const day = (d: string): string =>
    new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${d}T00:00:00Z`),
    );
  await expect(page.getByTestId('compare-period')).toHaveText(
    `${day(previous.range.from)} – ${day(previous.range.to)}`,
  );

  // Per section and per row (rows in the table's order; rows seen only before are not in the table).
  for (const section of d.sections) {
    const table = page.locator(`[data-testid="section-table"][data-section="${section.section}"]`);
    await expect(table.getByTestId('section-delta')).toHaveAttribute('data-value', String(section.incomplete));
    const shown = report.sections.find((s) => s.section === section.section)!;
    const byKey = new Map(
      section.rows.map((r) => [`${r.actionName}|${r.screen}|${r.userAction}`.toLowerCase(), r.count]),
    );
    const expected = shown.rows.map((r) => {
      const change = byKey.get(`${r.actionName}|${r.screen}|${r.userAction}`.toLowerCase());
      return change === undefined ? '—' : delta(change);
    });
    expect(await table.locator('[data-cell="delta"]').allTextContents()).toEqual(expected);
  }

  // The chart's data table gains the previous period, day by day.
  await page.getByTestId('chart-table-toggle').click();
  const cells = page.locator('[data-testid="chart-table"] tbody td.previous');
  const sections = report.filters.sections;
  const gaps = new Set(previous.dataQuality.daysWithoutData);
  expect(await cells.allTextContents()).toEqual(
    previous.daily.flatMap((p) => sections.map((s) => (gaps.has(p.date) ? '—' : count(Number(p[s]))))),
  );
  await expect(page.getByTestId('legend-previous')).toBeVisible();

  // A chosen period: the first week of the range against its second.
  const week = { from: report.range.from, to: report.daily[6]!.date };
  const chosen = onCase(casePath, (db) => built.computeComparison(db, filter, week));
  await page.getByTestId('compare-against').selectOption('chosen');
  await page.getByTestId('compare-from').fill(week.from);
  await page.getByTestId('compare-to').fill(week.to);
  await expect(page.getByTestId('delta-incomplete')).toHaveAttribute('data-value', String(chosen.delta.incomplete));
  await expect(page.getByTestId('delta-initiated')).toHaveAttribute('data-value', String(chosen.delta.initiated));
  await page.getByTestId('compare-against').selectOption('previous');
  await expect(page.getByTestId('delta-incomplete')).toHaveAttribute('data-value', String(d.incomplete));

  // Off again: no deltas.
  await page.getByTestId('compare-toggle').uncheck();
  await expect(page.getByTestId('delta-initiated')).toHaveCount(0);
  await expect(page.locator('[data-cell="delta"]')).toHaveCount(0);
});

test('the section funnel: counts, conversions and times to abandonment; a step opens its attempts', async ({
  openApp,
  userDataDir,
}) => {
  const { page, casePath, report } = await openOnSample(openApp, userDataDir);
  const funnel = onCase(casePath, (db) =>
    built.computeFunnel(db, { from: report.range.from, to: report.range.to, tz: 'UTC' }),
  );
  const card = page.getByTestId('funnel');
  await expect(card).toHaveAttribute('data-funnel-status', 'ready');
  await expect(card.getByTestId('funnel-initiated')).toHaveText(`of ${count(funnel.initiated)} attempts initiated`);
  const rows = card.getByTestId('funnel-row');
  await expect(rows).toHaveCount(funnel.sections.length);
  const cells = async (name: string): Promise<string[]> => card.locator(`[data-cell="${name}"]`).allTextContents();
  expect(await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-section')))).toEqual(
    funnel.sections.map((s) => s.section),
  );
  expect(await cells('reached')).toEqual(funnel.sections.map((s) => count(s.reached)));
  expect(await cells('incomplete')).toEqual(funnel.sections.map((s) => count(s.incomplete)));
  expect(await cells('step')).toEqual(funnel.sections.map((s) => percent(s.stepConversion)));
  expect(await cells('overall')).toEqual(funnel.sections.map((s) => percent(s.overallConversion)));
  expect(await cells('median')).toEqual(funnel.sections.map((s) => duration(s.medianMs)));
  expect(await cells('p75')).toEqual(funnel.sections.map((s) => duration(s.p75Ms)));

  // A step's "stopped here" lists exactly those attempts.
  const step = funnel.sections.find((s) => s.incomplete > 0)!;
  await card
    .locator(`[data-testid="funnel-row"][data-section="${step.section}"] [data-cell="incomplete"] button`)
    .click();
  const dialog = page.getByTestId('drill-dialog');
  await expect(dialog).toHaveAttribute('data-drill-status', 'ready');
  await expect(dialog).toHaveAttribute('data-drill-total', String(step.incomplete));

  // The funnel follows the filters.
  await page.keyboard.press('Escape');
  await page.getByTestId('filter-platforms').getByLabel('Android').uncheck();
  const ios = onCase(casePath, (db) =>
    built.computeFunnel(db, { from: report.range.from, to: report.range.to, tz: 'UTC', platforms: ['iOS/iPadOS'] }),
  );
  await expect(card.getByTestId('funnel-initiated')).toHaveText(`of ${count(ios.initiated)} attempts initiated`);
  await expect(card.locator('[data-cell="reached"]')).toHaveText(ios.sections.map((s) => count(s.reached)));
});
