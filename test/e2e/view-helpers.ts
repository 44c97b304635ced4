/**
 * Helpers of the e2e tests of the views beside the report (drilldown, compare, failures, notes-exports specs): the engine's answers on their own
 * connection to the case, and the formats the page uses for them.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { built, engineReport, expect, expectReportShown, type OpenApp } from './fixtures';

type Db = ReturnType<typeof built.openCase>;

/** Runs `work` on a connection of its own to the case (as the command line would). */
export function onCase<T>(casePath: string, work: (db: Db) => T): T {
  const db = built.openCase(casePath, { create: false });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

export const sampleCasePath = (userDataDir: string): string => join(userDataDir, 'Sample case.enrollscope');

export const count = (n: number | null): string => (n === null ? '—' : n.toLocaleString('en-US'));
export const percent = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
export const delta = (n: number | null): string =>
  n === null ? '—' : n === 0 ? '±0' : `${n > 0 ? '+' : '−'}${count(Math.abs(n))}`;
export function points(d: number | null): string {
  if (d === null) return '—';
  const p = Math.round(d * 1000) / 10;
  return p === 0 ? '±0.0 pts' : `${p > 0 ? '+' : '−'}${Math.abs(p).toFixed(1)} pts`;
}
/** The page's durations (view-format.ts formatDuration). */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Waits for the drill-down dialog to show a page, and returns the total it shows. */
export async function drillTotal(page: Page): Promise<number> {
  const dialog = page.getByTestId('drill-dialog');
  await expect(dialog).toHaveAttribute('data-drill-status', 'ready');
  return Number(await dialog.getAttribute('data-drill-total'));
}

/**
 * Opens the app (its first start opens a copy of the sample case) and waits for the default report:
 * the page, the copy's path, the engine's report for it and that report's range as a filter.
 */
export async function openOnSample(openApp: OpenApp, userDataDir: string) {
  const app = await openApp();
  const casePath = sampleCasePath(userDataDir);
  const report = engineReport(casePath, { tz: 'UTC' });
  await expectReportShown(app.page, report);
  const filter = { from: report.range.from, to: report.range.to, tz: 'UTC' };
  return { app, page: app.page, casePath, report, filter };
}
