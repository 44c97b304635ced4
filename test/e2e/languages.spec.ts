/**
 * The app window's language, in the real app (built renderer, real handlers, the sample case in a
 * real SQLite file): the system's language by default ("System (…)"), a per-user choice from the
 * Language menu that main writes to preferences.json in the user data folder and that survives a
 * reload, and numbers, rates and days written as the chosen language writes them.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { localeFormats } from '../../src-main/shared/i18n/formats';
import type { Language } from '../../src-main/shared/i18n/languages';
import type { Report } from '../../src-main/shared/report-types';
import { built, engineReport, expect, expectReportShown, test } from './fixtures';

/** Chooses an entry of the Language menu in the header, as a user would. */
async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.getByTestId('language-menu').locator('summary').click();
  await page.getByRole('menuitemradio', { name, exact: true }).click();
}

/** The roll-up's tiles and the section totals as `language` writes the engine's numbers. */
async function expectNumbersIn(page: Page, report: Report, language: Language): Promise<void> {
  const f = localeFormats(language);
  await expect(page.getByTestId('rollup-initiated')).toHaveText(f.count(report.rollup.initiated!));
  await expect(page.getByTestId('rollup-incomplete')).toHaveText(f.count(report.rollup.incomplete));
  await expect(page.getByTestId('rollup-rate')).toHaveText(f.rate(report.rollup.incompleteRate));
  const totals = page.getByTestId('section-total');
  expect(await totals.allTextContents()).toEqual(report.sections.map((s) => f.count(s.incomplete)));
}

const preferencesOn = (userDataDir: string): unknown =>
  JSON.parse(readFileSync(join(userDataDir, 'preferences.json'), 'utf8'));

test('German, then Japanese, from the Language menu: texts and numbers follow, and the choice survives a reload', async ({
  openApp,
  userDataDir,
}) => {
  const app = await openApp();
  const { page } = app;
  const report = engineReport(join(userDataDir, 'Sample case.enrollscope'), { tz: 'UTC' });
  // The sample's counts run into the thousands: the group separator is on screen.
  expect(report.rollup.initiated).toBeGreaterThanOrEqual(1000);
  await expectReportShown(page, report);

  // English: the browser's (the "system's") language, and the menu says so.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('language-menu').locator('summary').click();
  await expect(page.getByRole('menuitemradio', { name: 'System (English)' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');

  await chooseLanguage(page, 'Deutsch');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const rollup = page.getByTestId('rollup');
  await expect(rollup).toContainText('Begonnene Registrierungen');
  await expect(rollup).toContainText('Unvollständige Registrierungen');
  await expect(rollup).toContainText('Quote unvollständiger Registrierungen');
  await expect(page.getByRole('heading', { name: 'Filter', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wo Benutzer abgebrochen haben, nach Abschnitt' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dateien importieren…' })).toBeVisible();
  // Section and platform names are the engine's English values, shown in German.
  await expect(page.locator('[data-section="Terms of Use"] h3')).toHaveText('Nutzungsbedingungen');
  await expect(page.getByTestId('filter-sections')).toContainText('Konformität/Aktivierung');
  await expectNumbersIn(page, report, 'de');
  expect(localeFormats('de').count(report.rollup.initiated!)).toContain('.');
  expect(localeFormats('de').rate(report.rollup.incompleteRate)).toMatch(/^\d+,\d\u00a0%$/);
  // Days: the presets' end as German writes it, and the native date inputs carry the language.
  await expect(page.getByTestId('filter-dates').locator('strong')).toHaveText(localeFormats('de').day(report.range.to));
  await expect(page.getByTestId('date-from')).toHaveAttribute('lang', 'de');
  await expect(page.getByTestId('active-range')).toContainText('letzte 14 Tage');
  // The engine's data-quality notes (English sentences in the JSON) in German, built from their facts.
  const dqNotes = page.getByTestId('data-quality').locator('.dq-notes li');
  const skipped = report.dataQuality.skippedRows;
  expect(skipped).toBeGreaterThan(1);
  await expect(dqNotes).toHaveText(
    report.dataQuality.noteItems.map((note) => built.dataQualityNoteText(built.translator('de'), note)),
  );
  await expect(dqNotes.last()).toHaveText(
    `${localeFormats('de').count(skipped)} Zeilen wurden beim Import übersprungen (siehe Importe).`,
  );
  // The funnel's caveat (the sample's Initiated partly from Intune's summary rows) in German.
  await expect(page.getByTestId('funnel-caveats')).toContainText(
    'begonnenen Registrierungen stammen aus den Intune-Zusammenfassungszeilen',
  );
  // The skipped rows' reasons (English keys in the JSON) in German.
  await expect(page.getByTestId('dq-skipped')).toContainText('unbekannte Plattform');
  await expect(page.getByTestId('dq-skipped')).not.toContainText('unknown platform');
  // Main wrote the choice to the user data folder.
  expect(preferencesOn(userDataDir)).toEqual({ language: 'de' });

  // A reload (a new start of the window) comes back in German, without an English first frame:
  // an observer from the page's first moment records any English heading that ever appears.
  await page.addInitScript({
    content: `window.englishSeen = false;
new MutationObserver(() => {
  if (/Initiated enrollments|Skip to the report|No case open/.test(document.body?.innerText ?? '')) window.englishSeen = true;
}).observe(document, { childList: true, subtree: true, characterData: true });`,
  });
  await page.reload();
  await expectNumbersIn(page, report, 'de');
  await expect(rollup).toContainText('Begonnene Registrierungen');
  expect(await page.evaluate(() => (globalThis as unknown as { englishSeen: boolean }).englishSeen)).toBe(false);
  await page.getByTestId('language-menu').locator('summary').click();
  await expect(page.getByRole('menuitemradio', { name: 'Deutsch' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('menuitemradio', { name: 'System (English)' })).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Escape');

  await chooseLanguage(page, '日本語');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(rollup).toContainText('開始された登録');
  await expect(rollup).toContainText('未完了率');
  await expect(page.getByRole('heading', { name: 'フィルター', exact: true })).toBeVisible();
  await expect(page.locator('[data-section="Terms of Use"] h3')).toHaveText('利用規約');
  await expectNumbersIn(page, report, 'ja');
  await expect(dqNotes.last()).toHaveText(
    `インポート時に ${localeFormats('ja').count(skipped)} 行がスキップされました (インポートを参照)。`,
  );
  await expect(page.getByTestId('filter-dates').locator('strong')).toHaveText(localeFormats('ja').day(report.range.to));
  expect(preferencesOn(userDataDir)).toEqual({ language: 'ja' });

  // Back to the system's language (the choice is named in the window's language): English again.
  await chooseLanguage(page, 'システム (English)');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectReportShown(page, report);
  await expect(rollup).toContainText('Initiated enrollments');
  await expect(dqNotes).toHaveText([...report.dataQuality.notes]);
  expect(preferencesOn(userDataDir)).toEqual({ language: 'system' });
});

test('a German system: the window opens in German, "System (Deutsch)" chosen, no file written', async ({
  openApp,
  userDataDir,
}) => {
  const app = await openApp({ systemLanguages: ['de-AT', 'en-US'] });
  const { page } = app;
  const report = engineReport(join(userDataDir, 'Sample case.enrollscope'), { tz: 'UTC' });
  await expectNumbersIn(page, report, 'de');
  await expect(page.getByTestId('rollup')).toContainText('Unvollständige Registrierungen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByTestId('language-menu').locator('summary').click();
  await expect(page.getByRole('menuitemradio', { name: 'System (Deutsch)' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('menu', { name: 'Sprache' })).toBeVisible();
  // Following the system is the default: nothing was chosen, so nothing was written.
  expect(() => preferencesOn(userDataDir)).toThrow(/ENOENT/);
  // Accessible in German too: no serious or critical axe violation with the menu open.
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.passes.length).toBeGreaterThan(5);
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

for (const [tag, heading] of [
  ['de-DE', 'Wo Benutzer abgebrochen haben, nach Abschnitt'],
  ['fr-FR', 'Où les utilisateurs se sont arrêtés, par section'],
  ['es-ES', 'Dónde se detuvieron los usuarios, por sección'],
  ['ja-JP', 'ユーザーが中断した場所 (セクション別)'],
] as const) {
  test(`${tag} at 1024x700: the longer words fit (no table or page scrolls sideways, the header in one row)`, async ({
    openApp,
    userDataDir,
  }) => {
    const app = await openApp({ systemLanguages: [tag], viewport: { width: 1024, height: 700 } });
    const { page } = app;
    const report = engineReport(join(userDataDir, 'Sample case.enrollscope'), { tz: 'UTC' });
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(page.getByTestId('section-table')).toHaveCount(report.sections.length);
    await expect(page.getByTestId('funnel-table')).toBeVisible();
    const boxes = await page
      .locator('.table-scroll')
      .evaluateAll((list) => list.map((box) => [box.scrollWidth, box.clientWidth] as const));
    expect(boxes.length).toBeGreaterThanOrEqual(report.sections.length + 1);
    for (const [scrollWidth, clientWidth] of boxes) expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const pageWidth = await page.locator('html').evaluate((html) => [html.scrollWidth, html.clientWidth] as const);
    expect(pageWidth[0]).toBeLessThanOrEqual(pageWidth[1]);
    const header = (await page.locator('.app-header').boundingBox())!;
    const actions = (await page.locator('.header-actions').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(56);
    expect(actions.x + actions.width).toBeLessThanOrEqual(header.x + header.width);
  });
}
