/**
 * The report's interaction on the sample case through the real handlers: chips that open or clear
 * their filter (keyboard too), sort marks on every sortable column, the failures view's filters
 * disabled with the reason shown, tab order inside a row, chart markers that thin out as days
 * grow, and click-to-filter (Shift+click on a chart point or a row; the drill-down's button).
 */
import type { Locator, Page } from '@playwright/test';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import type { Report } from '../../src-main/shared/report-types';
import type { Section } from '../../src-main/shared/taxonomy';
import { addDays, engineReport, expect, expectReportShown, test, type OpenApp } from './fixtures';
import { drillTotal, sampleCasePath } from './view-helpers';
import { longDay } from '../helpers/pdf-report';

async function sampleApp(openApp: OpenApp, userDataDir: string) {
  const app = await openApp();
  const casePath = sampleCasePath(userDataDir);
  const report = engineReport(casePath, { tz: 'UTC' });
  await expectReportShown(app.page, report);
  return { page: app.page, casePath, report, latest: report.range.to, from: report.range.from };
}

const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((element) => element.ownerDocument.activeElement === element);

test('chips open their filter and clear it, by keyboard', async ({ openApp, userDataDir }) => {
  const { page, casePath, latest, from } = await sampleApp(openApp, userDataDir);
  // At the defaults no chip offers to clear.
  await expect(page.locator('.chip-clear')).toHaveCount(0);

  // Opening: Enter on a chip moves the focus to its group of the panel.
  await page.getByTestId('active-range-open').focus();
  await page.keyboard.press('Enter');
  expect(await isFocused(page.getByTestId('preset-14'))).toBe(true);
  await page.getByTestId('active-tz-open').focus();
  await page.keyboard.press('Enter');
  expect(await isFocused(page.getByTestId('tz-input'))).toBe(true);
  await page.getByTestId('active-platforms-open').click();
  expect(await isFocused(page.getByTestId('filter-platforms').getByLabel('iOS/iPadOS'))).toBe(true);

  // Narrowed filters: their chips clear them (Enter on the ×), and the report follows.
  await page.getByTestId('filter-platforms').getByLabel('Android').uncheck();
  await page.getByTestId('filter-sections').getByLabel('Terms of Use').uncheck();
  await page.getByTestId('preset-7').click();
  const narrowed = engineReport(casePath, {
    from: addDays(latest, -6),
    to: latest,
    tz: 'UTC',
    platforms: ['iOS/iPadOS'],
    sections: ['Setup Checklist', 'Platform Screens', 'Compliance/Activation'],
  });
  await expectReportShown(page, narrowed);
  await expect(page.locator('.chip-clear')).toHaveCount(3);
  await expect(page.getByTestId('active-tz-clear')).toHaveCount(0);

  await page.getByTestId('active-platforms-clear').focus();
  await page.keyboard.press('Enter');
  await expectReportShown(
    page,
    engineReport(casePath, {
      from: addDays(latest, -6),
      to: latest,
      tz: 'UTC',
      sections: ['Setup Checklist', 'Platform Screens', 'Compliance/Activation'],
    }),
  );
  await page.getByTestId('active-sections-clear').click();
  await expectReportShown(page, engineReport(casePath, { from: addDays(latest, -6), to: latest, tz: 'UTC' }));
  await page.getByTestId('active-range-clear').click();
  await expectReportShown(page, engineReport(casePath, { from, to: latest, tz: 'UTC' }));
  await expect(page.getByTestId('preset-14')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.chip-clear')).toHaveCount(0);
});

test('sortable columns always show their mark; aria-sort names the sorted one', async ({ openApp, userDataDir }) => {
  const { page } = await sampleApp(openApp, userDataDir);
  const table = page.getByTestId('section-table').first();
  const marks = table.locator('thead .sort-mark');
  const buttons = table.locator('thead .sort-button');
  await expect(marks).toHaveCount(await buttons.count());
  for (const mark of await marks.all()) {
    await expect(mark).toBeVisible();
    await expect(mark).toHaveText('↕');
  }
  await expect(table.locator('th[aria-sort]')).toHaveCount(0);
  await table.locator('[data-column="count"]').click();
  await expect(table.locator('th[aria-sort]')).toHaveCount(1);
  await expect(table.locator('th[aria-sort="descending"] .sort-mark')).toHaveText('▼');
  // The drill-down's columns too.
  await table.locator('[data-cell="count"] button').first().click();
  await drillTotal(page);
  const drillMarks = page.getByTestId('drill-table').locator('thead .sort-mark');
  await expect(drillMarks).toHaveCount(9);
  for (const mark of await drillMarks.all()) await expect(mark).toBeVisible();
  await expect(page.getByTestId('drill-table').locator('th[aria-sort]')).toHaveCount(1);
});

test('the failures view disables the OS and Section filters and says why', async ({ openApp, userDataDir }) => {
  const { page } = await sampleApp(openApp, userDataDir);
  const groups = [page.getByTestId('filter-platforms'), page.getByTestId('filter-sections')];
  for (const group of groups) {
    await expect(group).toHaveJSProperty('disabled', false);
    await expect(group.getByTestId('not-applied')).toHaveCount(0);
  }
  await page.getByTestId('view-failures').click();
  await expect(page.getByTestId('failures-view')).toHaveAttribute('data-failures-status', /ready|loading/);
  for (const group of groups) {
    await expect(group).toHaveJSProperty('disabled', true);
    for (const box of await group.getByRole('checkbox').all()) await expect(box).toBeDisabled();
    // The reason is on screen, not only in a tooltip, and it describes the group.
    const reason = group.getByTestId('not-applied');
    await expect(reason).toBeVisible();
    await expect(reason).toContainText('Not used by the Enrollment failures view');
    await expect(group).toHaveAccessibleDescription(/Not used by the Enrollment failures view/);
  }
  // The dates and the time zone still apply.
  await expect(page.getByTestId('filter-dates')).toHaveJSProperty('disabled', false);
  await expect(page.getByTestId('preset-7')).toBeEnabled();
  await page.getByTestId('view-report').click();
  for (const group of groups) await expect(group).toHaveJSProperty('disabled', false);
});

test("tab order: a row's count comes before its Guidance", async ({ openApp, userDataDir }) => {
  const { page } = await sampleApp(openApp, userDataDir);
  const row = page
    .getByTestId('section-row')
    .filter({ has: page.getByTestId('guidance-toggle') })
    .first();
  const count = row.locator('[data-cell="count"] button');
  await count.focus();
  await page.keyboard.press('Tab');
  expect(await isFocused(row.getByTestId('guidance-toggle'))).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await isFocused(count)).toBe(true);
});

test('chart markers thin out as the days grow; the dashes stay', async ({ openApp, userDataDir }) => {
  const { page, casePath, latest } = await sampleApp(openApp, userDataDir);
  const box = page.locator('.chart-box');
  await expect(box).toHaveAttribute('data-point-radius', '3.5');
  await page.getByTestId('preset-30').click();
  await expectReportShown(page, engineReport(casePath, { from: addDays(latest, -29), to: latest, tz: 'UTC' }));
  await expect(box).toHaveAttribute('data-point-radius', '2.5');
  // 60 days by day (over 31 days the chart would switch to weeks on its own).
  await page.getByTestId('chart-view-day').click();
  await page.getByTestId('date-from').fill(addDays(latest, -59));
  await expectReportShown(page, engineReport(casePath, { from: addDays(latest, -59), to: latest, tz: 'UTC' }));
  await expect(box).toHaveAttribute('data-point-radius', '0');
  // The legend still tells the lines apart by their dash pattern.
  const dashes = await page
    .getByTestId('legend-item')
    .locator('svg line')
    .evaluateAll((lines) => lines.map((line) => line.getAttribute('stroke-dasharray') ?? ''));
  expect(new Set(dashes).size).toBe(4);
});

/** The topmost pixel of a section's colour on the chart canvas (the top of its highest point), in page px. */
async function highestPoint(page: Page, section: Section): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('chart-canvas');
  const hex = SECTION_STYLE[section].color;
  const found = await canvas.evaluate((element, color) => {
    // The page's canvas (the tests compile without the DOM's types).
    const c = element as unknown as {
      width: number;
      height: number;
      getBoundingClientRect(): { width: number };
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const rgb = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let y = 0; y < c.height; y++)
      for (let x = 0; x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        if (rgb.every((v, k) => Math.abs(data[i + k]! - v) < 6) && data[i + 3]! > 200) {
          const scale = c.width / c.getBoundingClientRect().width;
          return { x: x / scale, y: y / scale };
        }
      }
    return null;
  }, hex);
  expect(found, `no ${section} pixel on the chart`).not.toBeNull();
  const bounds = (await canvas.boundingBox())!;
  // The marker's top edge: its centre is a few pixels lower.
  return { x: bounds.x + found!.x, y: bounds.y + found!.y + 3 };
}

function maxDays(report: Report, section: Section): string[] {
  const max = Math.max(...report.daily.map((p) => Number(p[section] ?? 0)));
  return report.daily.filter((p) => Number(p[section] ?? 0) === max).map((p) => p.date);
}

test('click a chart point: plain opens its attempts, Shift filters the report to that day', async ({
  openApp,
  userDataDir,
}) => {
  const { page, casePath, report } = await sampleApp(openApp, userDataDir);
  await expect(page.getByTestId('chart-hint')).toContainText('Shift+click');
  // Only Setup Checklist drawn: its highest point is the topmost pixel of its colour.
  for (const item of await page.getByTestId('legend-item').all())
    if ((await item.textContent()) !== 'Setup Checklist') await item.click();
  const point = await highestPoint(page, 'Setup Checklist');
  const candidates = maxDays(report, 'Setup Checklist');

  await page.mouse.click(point.x, point.y);
  const total = await drillTotal(page);
  const title = (await page.getByTestId('drill-dialog').locator('h2').textContent()) ?? '';
  const day = candidates.find((date) => title.endsWith(longDay.format(new Date(`${date}T00:00:00Z`))));
  expect(day, `the dialog (${title}) is about one of ${candidates.join(', ')}`).toBeDefined();
  expect(total).toBe(Number(report.daily.find((p) => p.date === day)!['Setup Checklist']));
  await page.keyboard.press('Escape');

  await page.keyboard.down('Shift');
  await page.mouse.click(point.x, point.y);
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('drill-dialog')).toHaveAttribute('data-drill-status', 'closed');
  await expectReportShown(page, engineReport(casePath, { from: day!, to: day!, tz: 'UTC' }));
  await expect(page.getByTestId('date-from')).toHaveValue(day!);
  await expect(page.getByTestId('date-to')).toHaveValue(day!);
});

test('click a row: plain opens its attempts, Shift filters to its section and platform; the dialog offers the same', async ({
  openApp,
  userDataDir,
}) => {
  const { page, casePath, report } = await sampleApp(openApp, userDataDir);
  const filter = { from: report.range.from, to: report.range.to, tz: 'UTC' };
  // A row of one platform: Shift+click on its count.
  const single = report.sections
    .flatMap((table) => table.rows.map((row, index) => ({ table, row, index })))
    .find(({ row }) => row.count > 0 && row.platform !== 'iOS/Android')!;
  const rowLocator = (section: string, index: number): Locator =>
    page.locator(`[data-testid="section-table"][data-section="${section}"] [data-testid="section-row"]`).nth(index);
  // What filtering to that row shows: its section, its one platform.
  const singleOnly = engineReport(casePath, {
    ...filter,
    sections: [single.table.section],
    platforms: [single.row.platform as 'iOS/iPadOS' | 'Android'],
  });
  await rowLocator(single.table.section, single.index)
    .locator('[data-cell="count"] button')
    .click({ modifiers: ['Shift'] });
  await expectReportShown(page, singleOnly);
  await expect(page.getByTestId('drill-dialog')).toHaveAttribute('data-drill-status', 'closed');
  // Shift+click anywhere on a row does the same (here: back to both OS for an iOS/Android row).
  await page.getByTestId('active-platforms-clear').click();
  await page.getByTestId('active-sections-clear').click();
  await expectReportShown(page, report);
  const both = report.sections
    .flatMap((table) => table.rows.map((row, index) => ({ table, row, index })))
    .find(({ row, table }) => row.count > 0 && row.platform === 'iOS/Android' && table.section !== 'Setup Checklist')!;
  await page.getByTestId('filter-platforms').getByLabel('Android').uncheck();
  const iosOnly = engineReport(casePath, { ...filter, platforms: ['iOS/iPadOS'] });
  await expectReportShown(page, iosOnly);
  const index = iosOnly.sections
    .find((s) => s.section === both.table.section)!
    .rows.findIndex(
      (r) =>
        r.actionName === both.row.actionName && r.userAction === both.row.userAction && r.screen === both.row.screen,
    );
  await rowLocator(both.table.section, index)
    .locator('td.user-action')
    .click({ modifiers: ['Shift'] });
  await expectReportShown(page, engineReport(casePath, { ...filter, sections: [both.table.section] }));

  // Plain click opens the attempts; the dialog's visible button filters (keyboard: Enter on it).
  await page.getByTestId('active-sections-clear').click();
  await expectReportShown(page, report);
  await rowLocator(single.table.section, single.index).locator('[data-cell="count"] button').click();
  expect(await drillTotal(page)).toBe(single.row.count);
  const button = page.getByTestId('drill-filter');
  await expect(button).toHaveText(`Show only ${single.table.section}, ${single.row.platform} in the report`);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drill-dialog')).toHaveAttribute('data-drill-status', 'closed');
  await expectReportShown(page, singleOnly);
});
