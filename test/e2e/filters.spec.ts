import { join } from 'node:path';
import { addDays, engineReport, expect, expectReportShown, test, type OpenApp } from './fixtures';
import type { Locator } from '@playwright/test';
import type { Harness } from './harness/index';

/** Presses Tab until the element has the focus (at most 60 times). */
async function tabTo(target: Locator): Promise<void> {
  const page = target.page();
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el.ownerDocument.activeElement === el)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${String(target)} with Tab`);
}

/** The sample case (a copy of the bundled one) open, its default report shown. */
async function sampleApp(
  openApp: OpenApp,
  userDataDir: string,
): Promise<{ app: Harness; casePath: string; latest: string }> {
  const app = await openApp();
  const casePath = join(userDataDir, 'Sample case.enrollscope');
  const initial = engineReport(casePath, { tz: 'UTC' });
  await expectReportShown(app.page, initial);
  return { app, casePath, latest: initial.range.to };
}

test('presets: the last 7 and 30 days end at the latest day with data', async ({ openApp, userDataDir }) => {
  const { app, casePath, latest } = await sampleApp(openApp, userDataDir);
  await app.page.getByTestId('preset-7').click();
  await expectReportShown(app.page, engineReport(casePath, { from: addDays(latest, -6), to: latest, tz: 'UTC' }));
  await expect(app.page.getByTestId('preset-7')).toHaveAttribute('aria-pressed', 'true');
  await app.page.getByTestId('preset-30').click();
  await expectReportShown(app.page, engineReport(casePath, { from: addDays(latest, -29), to: latest, tz: 'UTC' }));
  await expect(app.page.getByTestId('active-range')).toContainText('last 30 days');
});

test('a custom range from the date inputs', async ({ openApp, userDataDir }) => {
  const { app, casePath, latest } = await sampleApp(openApp, userDataDir);
  const from = addDays(latest, -20);
  const to = addDays(latest, -10);
  await app.page.getByTestId('date-from').fill(from);
  await expectReportShown(app.page, engineReport(casePath, { from, to: latest, tz: 'UTC' }));
  await app.page.getByTestId('date-to').fill(to);
  await expectReportShown(app.page, engineReport(casePath, { from, to, tz: 'UTC' }));
  for (const preset of [7, 14, 30])
    await expect(app.page.getByTestId(`preset-${preset}`)).toHaveAttribute('aria-pressed', 'false');
  // A range that ends before it starts is refused in place; the report stays.
  await app.page.getByTestId('date-from').fill(addDays(to, 1));
  await expect(app.page.getByRole('alert').filter({ hasText: 'ends before it starts' })).toBeVisible();
  await expectReportShown(app.page, engineReport(casePath, { from, to, tz: 'UTC' }));
});

test('the OS filter', async ({ openApp, userDataDir }) => {
  const { app, casePath, latest } = await sampleApp(openApp, userDataDir);
  const from = addDays(latest, -13);
  const platforms = app.page.getByTestId('filter-platforms');
  await platforms.getByLabel('Android').uncheck();
  await expectReportShown(app.page, engineReport(casePath, { from, to: latest, tz: 'UTC', platforms: ['iOS/iPadOS'] }));
  // The last one stays: not disabled-looking, it refuses to uncheck and says why beside the group.
  const last = platforms.getByLabel('iOS/iPadOS');
  expect(await last.evaluate((input) => (input as unknown as { disabled: boolean }).disabled)).toBe(false);
  await expect(last).toHaveAttribute('aria-disabled', 'true');
  await expect(platforms.getByTestId('keep-one')).toHaveText('At least one operating system stays selected.');
  await expect(last).toHaveAccessibleDescription('At least one operating system stays selected.');
  await last.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
  await expect(last).toBeChecked();
  await platforms.getByLabel('Android').check();
  await platforms.getByLabel('iOS/iPadOS').uncheck();
  await expectReportShown(app.page, engineReport(casePath, { from, to: latest, tz: 'UTC', platforms: ['Android'] }));
  await expect(app.page.getByTestId('active-platforms')).toHaveText(/Android/);
});

test('the sections filter', async ({ openApp, userDataDir }) => {
  const { app, casePath, latest } = await sampleApp(openApp, userDataDir);
  const from = addDays(latest, -13);
  const sections = app.page.getByTestId('filter-sections');
  await sections.getByLabel('Setup Checklist').uncheck();
  await sections.getByLabel('Terms of Use').uncheck();
  const report = engineReport(casePath, {
    from,
    to: latest,
    tz: 'UTC',
    sections: ['Platform Screens', 'Compliance/Activation'],
  });
  await expectReportShown(app.page, report);
  await expect(app.page.getByTestId('rollup')).toContainText('unclassified attempts not included');
  await app.page.getByRole('button', { name: 'Select all sections' }).click();
  await expectReportShown(app.page, engineReport(casePath, { from, to: latest, tz: 'UTC' }));
});

test('the time zone: searchable, changes the days, remembered for the case', async ({ openApp, userDataDir }) => {
  const { app, casePath } = await sampleApp(openApp, userDataDir);
  const input = app.page.getByTestId('tz-input');
  await input.click();
  await input.fill('tokyo');
  await expect(app.page.getByRole('option')).toHaveText([/Asia\/Tokyo/]);
  await input.press('Enter');
  await expect(input).toHaveValue('Asia/Tokyo');
  await expectReportShown(app.page, engineReport(casePath, { tz: 'Asia/Tokyo' }));
  // Escape leaves the zone as it was.
  await input.fill('new y');
  await expect(app.page.getByRole('option').first()).toHaveText(/America\/New_York/);
  await input.press('Escape');
  await expect(input).toHaveValue('Asia/Tokyo');
  await app.close();

  const again = await openApp();
  await expect(again.page.getByTestId('tz-input')).toHaveValue('Asia/Tokyo');
  await expectReportShown(again.page, engineReport(casePath, { tz: 'Asia/Tokyo' }));
});

test('filters are reachable with the keyboard alone', async ({ openApp, userDataDir }) => {
  const { app, casePath, latest } = await sampleApp(openApp, userDataDir);
  const page = app.page;
  await tabTo(page.getByTestId('preset-30'));
  await page.keyboard.press('Enter');
  await expectReportShown(page, engineReport(casePath, { from: addDays(latest, -29), to: latest, tz: 'UTC' }));
  // On to the OS checkboxes: Space toggles.
  await tabTo(page.getByTestId('filter-platforms').getByLabel('iOS/iPadOS'));
  await page.keyboard.press('Space');
  await expectReportShown(
    page,
    engineReport(casePath, { from: addDays(latest, -29), to: latest, tz: 'UTC', platforms: ['Android'] }),
  );
  // And to the time zone list: type, arrows, Enter.
  await tabTo(page.getByTestId('tz-input'));
  await page.keyboard.type('kolkata');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tz-input')).toHaveValue('Asia/Kolkata');
  await expectReportShown(
    page,
    engineReport(casePath, { tz: 'Asia/Kolkata', from: addDays(latest, -29), to: latest, platforms: ['Android'] }),
  );
});
