/**
 * The window from 1024x700 (a projector, a split window) to 2560x1440, on the sample case through
 * the real handlers: no table scrolls sideways (each table's scroll box: scrollWidth <= clientWidth,
 * and the page itself), the header and the filter chips take one row at 1280 and above, and every
 * column of the drill-down stays on screen, its long values truncated but reachable by focus.
 */
import type { Page } from '@playwright/test';
import { engineReport, expect, expectReportShown, test } from './fixtures';
import { drillTotal, sampleCasePath } from './view-helpers';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 2560, height: 1440 },
] as const;

/** Every box that scrolls a table sideways, and the page: [name, scrollWidth, clientWidth]. */
async function overflow(page: Page): Promise<[string, number, number][]> {
  const named = await page
    .locator('.table-scroll, .chart-table-wrap')
    .evaluateAll((boxes) =>
      boxes.map((box): [string, number, number] => [
        box.closest('[data-testid]')?.getAttribute('data-testid') ?? box.className,
        box.scrollWidth,
        box.clientWidth,
      ]),
    );
  const root = await page
    .locator('html')
    .evaluate((html): [string, number, number] => ['page', html.scrollWidth, html.clientWidth]);
  return [...named, root];
}

for (const size of SIZES) {
  test(`at ${size.width}x${size.height}: tables fit, header and chips in one row, the drill-down shows every column`, async ({
    openApp,
    userDataDir,
  }) => {
    const app = await openApp({ viewport: size });
    const { page } = app;
    const report = engineReport(sampleCasePath(userDataDir), { tz: 'UTC' });
    await expectReportShown(page, report);

    // With a comparison on too: its Change column is the widest table the report draws.
    for (const compare of [false, true]) {
      if (compare) {
        await page.getByTestId('compare-toggle').check();
        await expect(page.getByTestId('compare')).toHaveAttribute('data-compare-status', 'ready');
        await expect(page.locator('[data-testid="section-table"] th', { hasText: 'Change' })).toHaveCount(
          report.sections.length,
        );
      }
      const boxes = await overflow(page);
      // The four section tables, the funnel, the imports: all measured.
      expect(boxes.filter(([name]) => name === 'section-table')).toHaveLength(report.sections.length);
      for (const [name, scrollWidth, clientWidth] of boxes)
        expect(scrollWidth, `${name} scrolls sideways (compare ${compare})`).toBeLessThanOrEqual(clientWidth);
      // Every column of a section table is on screen: the last one ends inside its card.
      const card = await page.getByTestId('section-table').first().boundingBox();
      const lastHeader = await page.getByTestId('section-table').first().locator('thead th').last().boundingBox();
      expect(lastHeader!.x + lastHeader!.width).toBeLessThanOrEqual(card!.x + card!.width);
    }
    await page.getByTestId('compare-toggle').uncheck();

    // The chips: one row (the same top for all), and header + chips at most one row each.
    const chips = page.getByTestId('active-filters').locator('.chip');
    await expect(chips).toHaveCount(4);
    const tops = await chips.evaluateAll((list) => list.map((chip) => Math.round(chip.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    const header = (await page.locator('.app-header').boundingBox())!;
    const bar = (await page.getByTestId('active-filters').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(56);
    expect(bar.height).toBeLessThanOrEqual(44);
    expect(header.height + bar.height).toBeLessThanOrEqual(100);
    // The chips say the whole filter even when a text is cut (their title).
    await expect(page.getByTestId('active-range-open')).toHaveAttribute('title', /^Dates: /);

    // The drill-down of the largest row: every column header inside the dialog, no sideways scroll.
    const rows = report.sections.flatMap((table) => table.rows.map((row, index) => ({ table, row, index })));
    const largest = rows.sort((a, b) => b.row.count - a.row.count)[0]!;
    await page
      .locator(`[data-testid="section-table"][data-section="${largest.table.section}"] [data-testid="section-row"]`)
      .nth(largest.index)
      .locator('[data-cell="count"] button')
      .click();
    expect(await drillTotal(page)).toBe(largest.row.count);
    const wrap = page.locator('.drill-table-wrap');
    const [scrollWidth, clientWidth] = await wrap.evaluate((box) => [box.scrollWidth, box.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const wrapBox = (await wrap.boundingBox())!;
    const headers = page.getByTestId('drill-table').locator('thead th');
    await expect(headers).toHaveCount(9);
    for (const box of await headers.evaluateAll((list) =>
      list.map((th) => {
        const r = th.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width, text: th.textContent };
      }),
    )) {
      expect(box.width, `${box.text} has room`).toBeGreaterThan(40);
      expect(box.right, `${box.text} is on screen`).toBeLessThanOrEqual(wrapBox.x + wrapBox.width + 1);
    }
    // One line per row (values truncate instead of wrapping): at least 8 rows in view at 700 px.
    const rowHeights = await page
      .getByTestId('attempt-row')
      .evaluateAll((list) => list.slice(0, 8).map((row) => row.getBoundingClientRect().height));
    for (const height of rowHeights) expect(height).toBeLessThan(48);
    if (largest.row.count >= 8) {
      const visible = await page
        .getByTestId('attempt-row')
        .evaluateAll(
          (list, bottom) => list.filter((row) => row.getBoundingClientRect().bottom <= bottom).length,
          wrapBox.y + wrapBox.height,
        );
      expect(visible).toBeGreaterThanOrEqual(8);
    }
    // A value cut short says all of it on hover (title) and, focused, shows all of it.
    const user = page.locator('[data-cell="user"] .cell-text').first();
    const full = (await user.textContent())!;
    await expect(user).toHaveAttribute('title', full);
    const cut = page.locator('.drill-table .cell-text[tabindex="0"]');
    if (size.width === 1024) {
      await expect(cut.first()).toBeAttached();
      const first = cut.first();
      await first.focus();
      const [scroll, client] = await first.evaluate((cell) => [cell.scrollWidth, cell.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client + 1);
    }
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('drill-dialog')).toHaveAttribute('data-drill-status', 'closed');
  });
}
