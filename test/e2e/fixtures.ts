/**
 * Fixtures of the renderer e2e tests: one static server per worker for out/renderer, one user data
 * folder per test, and `openApp` (the harness: built renderer in Chromium, `window.api` bound to
 * the real handlers of the BUILT main-process code on real case files). Helpers compare the page
 * with the engine's report for the same filter, waiting on the key the view publishes, never on time.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportKey } from '../../src-main/shared/report-key';
import type { Report, ReportFilter } from '../../src-main/shared/report-types';
import type * as HarnessModule from './harness/index';
import type { Harness, HarnessOptions, RendererServer } from './harness/index';
import { projectRoot } from './harness/paths';

type Built = typeof HarnessModule;
/** The harness and engine as built by `npm run build` (out/tools/harness.js). */
export const built = (await import(pathToFileURL(join(projectRoot(), 'out', 'tools', 'harness.js')).href)) as Built;

export type OpenApp = (options?: Partial<Omit<HarnessOptions, 'browser' | 'server'>>) => Promise<Harness>;

export const test = base.extend<{ userDataDir: string; openApp: OpenApp }, { server: RendererServer }>({
  server: [
    async ({ browserName: _browserName }, use) => {
      const server = await built.serveRenderer(built.rendererDir());
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  userDataDir: async ({ browserName: _browserName }, use, testInfo) => {
    await use(testInfo.outputPath('user-data'));
  },
  openApp: async ({ browser, server, userDataDir }, use) => {
    const opened: Harness[] = [];
    await use(async (options = {}) => {
      const harness = await built.openHarness({ browser, server, userDataDir, ...options });
      opened.push(harness);
      return harness;
    });
    for (const harness of opened.reverse()) await harness.close();
  },
});

export { expect };

/** The engine's report for a filter, on its own connection to the case (as the CLI computes it). */
export function engineReport(casePath: string, filter: ReportFilter): Report {
  const db = built.openCase(casePath, { create: false });
  try {
    return built.computeReport(db, filter);
  } finally {
    db.close();
  }
}

export function importsOf(casePath: string): ReturnType<Built['listImports']> {
  const db = built.openCase(casePath, { create: false });
  try {
    return built.listImports(db);
  } finally {
    db.close();
  }
}

/** A fresh copy of the bundled sample case at `path`. */
export function copySample(path: string): string {
  copyFileSync(built.bundledSampleCase(), path);
  return path;
}

const count = (n: number | null): string => (n === null ? '—' : n.toLocaleString('en-US'));
const rate = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** Waits until the page shows this report (its key), then checks every number the view shows. */
export async function expectReportShown(page: Page, report: Report): Promise<void> {
  const view = page.getByTestId('report');
  await expect(view).toHaveAttribute('data-report-key', reportKey(report));
  await expect(view).toHaveAttribute('data-report-status', 'ready');

  await expect(page.getByTestId('rollup-initiated')).toHaveText(count(report.rollup.initiated));
  await expect(page.getByTestId('rollup-incomplete')).toHaveText(count(report.rollup.incomplete));
  await expect(page.getByTestId('rollup-rate')).toHaveText(rate(report.rollup.incompleteRate));

  // Chart: its data table (the same series the canvas draws), one column per selected section.
  const gaps = new Set(report.dataQuality.daysWithoutData);
  const expectedCells = report.daily.flatMap((point) =>
    report.filters.sections.map((section) => (gaps.has(point.date) ? '—' : count(Number(point[section])))),
  );
  expect(await page.locator('[data-testid="chart-table"] tbody td').allTextContents()).toEqual(expectedCells);
  expect(
    await page
      .locator('[data-testid="chart-table"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-day'))),
  ).toEqual(report.daily.map((p) => p.date));
  await expect(page.getByTestId('legend-item')).toHaveText(report.filters.sections.map((s) => s));

  // Section tables: one per selected section, rows in the engine's order with their counts and split.
  const tables = page.getByTestId('section-table');
  await expect(tables).toHaveCount(report.sections.length);
  for (const [index, section] of report.sections.entries()) {
    const table = tables.nth(index);
    await expect(table).toHaveAttribute('data-section', section.section);
    await expect(table.getByTestId('section-total')).toHaveText(count(section.incomplete));
    expect(await table.locator('[data-cell="count"]').allTextContents()).toEqual(
      section.rows.map((row) => count(row.count)),
    );
    for (const platform of report.filters.platforms) {
      expect(await table.locator(`[data-cell="${platform}"]`).allTextContents()).toEqual(
        section.rows.map((row) => count(row.byPlatform[platform])),
      );
    }
    expect(await table.locator('td.user-action').allTextContents()).toEqual(
      section.rows.map((row) => row.userAction || '—'),
    );
  }
}

export { addDays } from '../../src-main/shared/calendar-day';
