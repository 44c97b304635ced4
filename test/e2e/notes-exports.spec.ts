/**
 * Notes on the timeline and exports against the real handlers: notes are
 * stored in the case file (read back on its own connection, shown again after a reload), exports are real files written
 * through the save dialog: CSV with a UTF-8 BOM, the JSON of the command line.
 */
import { readFileSync } from 'node:fs';
import { built, expect, expectReportShown, test } from './fixtures';
import { onCase, openOnSample } from './view-helpers';

test('notes: add, edit, remove; stored in the case, shown again after a reload', async ({ openApp, userDataDir }) => {
  const { page, casePath, report } = await openOnSample(openApp, userDataDir);
  const card = page.getByTestId('annotations');
  const add = card.getByTestId('note-add-form');

  await add.getByTestId('note-date').fill(report.range.from);
  await add.getByTestId('note-text').fill('Terms of use text changed');
  await add.getByTestId('note-text').press('Enter');
  await expect(card.getByTestId('note')).toHaveCount(1);
  await add.getByTestId('note-date').fill(report.range.to);
  await add.getByTestId('note-text').fill('Compliance policy tightened');
  await add.getByRole('button', { name: 'Add note' }).click();
  await expect(card.getByTestId('note-body')).toHaveText(['Terms of use text changed', 'Compliance policy tightened']);

  // Edit the first, remove the second.
  const first = card.getByTestId('note').first();
  await first.getByRole('button', { name: /Edit the note/ }).click();
  const edit = card.getByTestId('note-edit-form');
  await edit.getByTestId('note-text').fill('Terms of use text changed (v2)');
  await edit.getByRole('button', { name: 'Save' }).click();
  await card
    .getByTestId('note')
    .nth(1)
    .getByRole('button', { name: /Remove the note/ })
    .click();
  await expect(card.getByTestId('note-body')).toHaveText(['Terms of use text changed (v2)']);

  // In the case file itself.
  const stored = onCase(casePath, (db) => built.listAnnotations(db));
  expect(stored.map((n) => [n.date, n.text])).toEqual([[report.range.from, 'Terms of use text changed (v2)']]);

  // A reload (a new window on the same session) shows it again.
  await page.reload();
  await expectReportShown(page, report);
  await expect(page.getByTestId('annotations').getByTestId('note-body')).toHaveText(['Terms of use text changed (v2)']);
  await expect(page.getByTestId('annotations').getByTestId('note')).toHaveAttribute('data-date', report.range.from);

  // An empty note cannot be added.
  const again = page.getByTestId('annotations').getByTestId('note-add-form');
  await again.getByTestId('note-text').fill('   ');
  await expect(again.getByRole('button', { name: 'Add note' })).toBeDisabled();
});

test('exports: section tables and daily series as CSV with a BOM, the report as JSON, through the save dialog', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const { app, page, report } = await openOnSample(openApp, userDataDir);

  const save = async (kind: string, name: string): Promise<Buffer> => {
    const path = testInfo.outputPath(name);
    app.dialogs.savePaths.push(path);
    await page.getByTestId('export-menu').click();
    await page.getByTestId(`export-${kind}`).click();
    await expect(page.getByRole('alert').filter({ hasText: `Saved: ${path}` })).toBeVisible();
    return readFileSync(path);
  };

  const daily = await save('daily-csv', 'daily.csv');
  expect([...daily.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(daily.toString('utf8')).toBe(built.exportDailyCsv(report));
  expect(daily.toString('utf8')).toContain(report.range.tz);

  const tables = await save('section-tables-csv', 'tables.csv');
  expect([...tables.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(tables.toString('utf8')).toBe(built.exportSectionTablesCsv(report));

  const json = await save('report-json', 'report.json');
  expect(JSON.parse(json.toString('utf8'))).toEqual(JSON.parse(built.exportReportJson(report)));

  // Cancelled: nothing written, nothing said.
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-daily-csv').click();
  await expect(page.getByTestId('export-menu')).toHaveText('Export');
});
