/**
 * What the numbers cover (spec 5, revision 2) in the app, against the real handlers and case files
 * made by the real import of small exports: a details export alone (initiated unknown: "—" and
 * why), a summary alone (incomplete from Intune's summary), a summary for both platforms under a
 * platform filter (rows left out), and an event log whose last day ends at 06:05 (a partial day:
 * left out of the default range, marked in the chart, its table, the drill-down and a comparison).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { writeDetailsOnly, writePartialDayLog, writeSummaryOnly } from '../helpers/coverage-inputs';
import { built, engineReport, expect, expectReportShown, test, type OpenApp } from './fixtures';
import { onCase } from './view-helpers';

/** A new case made by dropping one file on the app (no sample case), and its path. */
async function importOne(openApp: OpenApp, userDataDir: string, file: string) {
  const app = await openApp({ sampleCase: null });
  await app.drop([file]);
  await expect(app.page.getByTestId('import-summary').getByRole('status')).toHaveText(
    'Import finished: 1 file imported',
  );
  const cases = readdirSync(join(userDataDir, 'Cases')).filter((name) => name.endsWith('.enrollscope'));
  expect(cases).toHaveLength(1);
  return { app, page: app.page, casePath: join(userDataDir, 'Cases', cases[0]!) };
}

const note = (page: Page, kind: string): Locator => page.locator(`[data-testid="coverage-note"][data-kind="${kind}"]`);

/** The coverage notes sit right under the tiles, before the chart: beside the numbers they qualify. */
async function expectBesideTiles(page: Page): Promise<void> {
  const tiles = (await page.getByTestId('rollup').boundingBox())!;
  const notes = (await page.getByTestId('coverage-notes').boundingBox())!;
  const chart = (await page.getByTestId('chart').boundingBox())!;
  expect(notes.y).toBeGreaterThanOrEqual(tiles.y + tiles.height - 8);
  expect(notes.y - (tiles.y + tiles.height)).toBeLessThan(24);
  expect(notes.y + notes.height).toBeLessThanOrEqual(chart.y);
}

test('a details export alone: Initiated and the rate are "—" with the reason beside them, and the funnel says why', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const file = testInfo.outputPath('IncompleteEnrollmentDetails.csv');
  const written = writeDetailsOnly(file, '2025-06-01', 5);
  const { page, casePath } = await importOne(openApp, userDataDir, file);
  const report = engineReport(casePath, { tz: 'UTC' });
  expect(report.range.to).toBe(written.last);
  expect(report.rollup.initiated).toBeNull();
  expect(report.rollup.incomplete).toBe(written.rows);
  await expectReportShown(page, report);

  await expect(page.getByTestId('rollup-initiated')).toHaveText('—');
  await expect(page.getByTestId('rollup-rate')).toHaveText('—');
  await expect(page.getByTestId('rate-reason')).toHaveText('not computed: initiated unknown');
  await expect(page.getByTestId('initiated-reason')).toContainText(
    'unknown: the data holds only abandoned enrollments',
  );
  await expect(note(page, 'initiated-unknown')).toContainText(
    'Initiated unknown: this export holds only abandoned enrollments',
  );
  await expectBesideTiles(page);

  // The funnel's base is unknown: no 0 and no 100%.
  const funnel = onCase(casePath, (db) =>
    built.computeFunnel(db, { from: report.range.from, to: report.range.to, tz: 'UTC' }),
  );
  expect(funnel.initiated).toBeNull();
  await expect(page.getByTestId('funnel-initiated')).toHaveText(/initiated unknown/);
  await expect(page.locator('[data-testid="funnel-row"] [data-cell="overall"]')).toHaveText(['—', '—', '—', '—']);
  for (const caveat of funnel.caveats) await expect(page.getByTestId('funnel-caveats')).toContainText(caveat);
});

test("a summary export alone: Incomplete is Intune's own number, said to come from the summary, without sections", async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const file = testInfo.outputPath('IncompleteEnrollmentSummary.csv');
  const written = writeSummaryOnly(file, '2025-06-01', 7);
  const { page, casePath } = await importOne(openApp, userDataDir, file);
  const report = engineReport(casePath, { tz: 'UTC' });
  expect(report.rollup.fromSummary).toBe(written.incomplete);
  await expectReportShown(page, report);

  const shown = written.incomplete.toLocaleString('en-US');
  await expect(note(page, 'from-summary')).toContainText(
    `Incomplete includes ${shown} from Intune's summary, without sections`,
  );
  // The chart draws sections: the summary's own number has none, and the chart says it is not drawn.
  await expect(page.getByTestId('chart-from-summary')).toHaveText(
    `Not drawn: ${shown} incomplete from Intune's summary (sections unknown)`,
  );
  await expect(page.getByTestId('incomplete-from-summary')).toHaveText(
    `· ${shown} from Intune's summary, sections unknown`,
  );
  // The range's first 7 days hold no data: the rate says which days it covers.
  const { knownInitiatedDays, rangeDays } = report.dataQuality;
  expect(knownInitiatedDays).toBe(7);
  await expect(note(page, 'rate-covers')).toContainText(`Rate covers ${knownInitiatedDays} of ${rangeDays} days`);
  await expect(page.getByTestId('rate-covers')).toHaveText(`incomplete ÷ initiated, over 7 of ${rangeDays} days`);
  await expectBesideTiles(page);
});

test('a summary for both platforms together is left out under a platform filter, and the banner says so', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const file = testInfo.outputPath('summary-both-platforms.csv');
  const written = writeSummaryOnly(file, '2025-06-01', 5, { bothPlatforms: true });
  const { page, casePath } = await importOne(openApp, userDataDir, file);
  await expectReportShown(page, engineReport(casePath, { tz: 'UTC' }));
  await expect(note(page, 'summary-left-out')).toHaveCount(0);

  await page.getByTestId('filter-platforms').getByText('Android').click();
  const filtered = engineReport(casePath, { tz: 'UTC', platforms: ['iOS/iPadOS'] });
  expect(filtered.dataQuality.summaryRowsLeftOut).toBe(written.rows);
  await expectReportShown(page, filtered);
  await expect(note(page, 'summary-left-out')).toContainText(
    `${written.rows} summary rows for both platforms together left out`,
  );
  await expect(page.getByTestId('rollup-rate')).toHaveText('—');
});

/** Non-transparent pixels of the chart's canvas, per column, over its whole height. */
async function inkPerColumn(page: Page): Promise<number[]> {
  return page.getByTestId('chart-canvas').evaluate((canvas) => {
    // The page's canvas, typed here because the Node program has no DOM types.
    const c = canvas as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const columns = new Array<number>(c.width).fill(0);
    for (let y = 0; y < c.height; y++)
      for (let x = 0; x < c.width; x++) if (data[(y * c.width + x) * 4 + 3]! > 0) columns[x]!++;
    return columns;
  });
}

test('a log ending at 06:05: the default range stops the day before; shown, the partial day is hatched, marked and qualified', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const file = testInfo.outputPath('enrollment-events.csv');
  const { last, lastWhole } = writePartialDayLog(file, '2025-06-01', 14);
  const { page, casePath } = await importOne(openApp, userDataDir, file);

  // The default range ends on the latest whole day; the filter says why.
  const preset = engineReport(casePath, { tz: 'UTC' });
  expect(preset.range.to).toBe(lastWhole);
  await expectReportShown(page, preset);
  await expect(page.getByTestId('latest-partial')).toHaveText('(Jun 14, 2025 is partial: data ends 06:05)');
  await expect(note(page, 'partial-day')).toHaveCount(0);
  await expect(page.getByTestId('legend-partial')).toHaveCount(0);
  const wholeInk = await inkPerColumn(page);

  // A range that holds it.
  await page.getByTestId('date-from').fill('2025-06-01');
  await page.getByTestId('date-to').fill(last);
  const report = engineReport(casePath, { from: '2025-06-01', to: last, tz: 'UTC' });
  expect(report.coverage.partialDays).toEqual([last]);
  await expectReportShown(page, report);
  await expect(note(page, 'partial-day')).toHaveText(
    'Partial day Jun 14 is a partial day (data ends 06:05): its counts cover only part of it.',
  );
  await expectBesideTiles(page);
  await expect(page.getByTestId('legend-partial')).toBeVisible();
  await expect(page.getByTestId('dq-partial-count')).toHaveText('1');

  // The hatched band: the plot's right end (the last day) is inked over its height, unlike before.
  const ink = await inkPerColumn(page);
  const width = ink.length;
  const right = (columns: number[]): number => columns.slice(width - 40, width - 6).reduce((a, b) => a + b, 0);
  expect(right(ink)).toBeGreaterThan(3 * right(wholeInk));

  // The chart's table marks the day's row, and only that one.
  await page.getByTestId('chart-table-toggle').click();
  const table = page.getByTestId('chart-table');
  await expect(table.locator('tr[data-partial="true"]')).toHaveCount(1);
  const row = table.locator(`tr[data-day="${last}"]`);
  await expect(row).toHaveAttribute('data-partial', 'true');
  await expect(row.getByTestId('partial-tag')).toHaveText('partial: data ends 06:05');
  await expect(table.locator('caption')).toContainText('partial: the data covers only part of that day');

  // The drill-down from that day: its day filter marks partial days, and says so for this one.
  await row.locator('td[data-section="Platform Screens"] button').click();
  const dialog = page.getByTestId('drill-dialog');
  await expect(dialog).toHaveAttribute('data-drill-status', 'ready');
  await expect(dialog).toHaveAttribute('data-drill-total', '1');
  await expect(page.getByTestId('drill-date')).toHaveValue(last);
  await expect(page.getByTestId('drill-date').locator('option[data-partial="true"]')).toHaveText([
    'Sat, Jun 14, 2025 · partial (data ends 06:05)',
  ]);
  await expect(page.getByTestId('drill-partial')).toContainText('is a partial day (data ends 06:05)');
  // Any day of the range: the section's attempts of every day.
  await page.getByTestId('drill-date').selectOption('any');
  const section = report.sections.find((s) => s.section === 'Platform Screens')!;
  await expect(dialog).toHaveAttribute('data-drill-total', String(section.incomplete));
  await expect(page.getByTestId('drill-partial')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Compared with the previous period: the comparison's caveats beside the tiles, changes uncoloured.
  const comparison = onCase(casePath, (db) =>
    built.computeComparison(db, { from: '2025-06-01', to: last, tz: 'UTC' }, 'previous'),
  );
  expect(comparison.caveats.map((c) => c.kind)).toContain('partial-days');
  await page.getByTestId('compare-toggle').check();
  await expect(page.getByTestId('delta-incomplete')).toHaveAttribute('data-value', String(comparison.delta.incomplete));
  await expect(note(page, 'compare')).toHaveText(
    comparison.caveats.map((c) => `Comparison ${c.message.replace(/([^.])$/, '$1.')}`),
  );
  await expect(page.getByTestId('delta-incomplete')).toHaveClass(/neutral/);
  await expect(page.getByTestId('delta-incomplete-caveat')).toBeVisible();

  // Against chosen days that hold the partial day: the other period's partial day is marked in the
  // chart's table beside the current day it is drawn with, and its caveat is listed.
  const against = { from: '2025-06-02', to: last };
  const chosen = onCase(casePath, (db) =>
    built.computeComparison(db, { from: '2025-06-01', to: last, tz: 'UTC' }, against),
  );
  expect(chosen.caveats.filter((c) => c.period === 'previous').map((c) => c.kind)).toEqual(['partial-days']);
  await page.getByTestId('compare-against').selectOption('chosen');
  await page.getByTestId('compare-from').fill(against.from);
  await page.getByTestId('compare-to').fill(against.to);
  await expect(note(page, 'compare')).toHaveText(
    chosen.caveats.map((c) => `Comparison ${c.message.replace(/([^.])$/, '$1.')}`),
  );
  // The other period's 13th and last day (Jun 14) is drawn beside the current period's 13th (Jun 13).
  const marked = table.locator('td.previous[data-partial="true"]');
  await expect(marked).toHaveCount(report.filters.sections.length);
  await expect(table.locator('tr[data-day="2025-06-13"] td.previous[data-partial="true"]')).toHaveCount(
    report.filters.sections.length,
  );
});
