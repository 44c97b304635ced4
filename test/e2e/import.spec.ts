import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';
import { built, copySample, engineReport, expect, expectReportShown, importsOf, test } from './fixtures';

/** A small event log (10 days, both platforms) and a details file, made by the synthetic generator. */
async function smallInputs(testInfo: TestInfo): Promise<{ log: string; second: string }> {
  const log = testInfo.outputPath('pilot-events.csv');
  await built.writeSyntheticLog(log, { seed: 11, events: 3_000, days: 10, endDay: '2025-06-30', badRowRate: 0.01 });
  const second = testInfo.outputPath('pilot-events-more.ndjson');
  await built.writeSyntheticLog(second, {
    seed: 12,
    events: 1_500,
    days: 10,
    endDay: '2025-06-30',
    format: 'ndjson',
    users: 20,
  });
  return { log, second };
}

test('dropped files are imported: a drop target while dragging, a summary per file, the report follows', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const { log, second } = await smallInputs(testInfo);
  const notes = testInfo.outputPath('meeting-notes.txt');
  writeFileSync(notes, 'Enrollment workshop: bring the Company Portal logs.\n');
  // No sample, no recent case: the empty state invites a drop.
  const app = await openApp({ sampleCase: null, timezoneId: 'America/New_York' });
  await expect(app.page.getByTestId('empty-state')).toContainText('No case is open');

  await app.dragEnter();
  await expect(app.page.getByTestId('drop-overlay')).toBeVisible();
  await app.drop([log, second, notes]);
  await expect(app.page.getByTestId('drop-overlay')).toBeHidden();

  const summary = app.page.getByTestId('import-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('status')).toHaveText('Import finished: 2 files imported, 1 refused');
  // A case was created for the drop, in the user data folder.
  const cases = readdirSync(join(userDataDir, 'Cases')).filter((name) => name.endsWith('.enrollscope'));
  expect(cases).toHaveLength(1);
  const casePath = join(userDataDir, 'Cases', cases[0]!);
  const records = importsOf(casePath);
  expect(records.map((r) => r.file)).toEqual(['pilot-events.csv', 'pilot-events-more.ndjson']);

  const outcomes = summary.getByTestId('import-outcome');
  await expect(outcomes).toHaveCount(3);
  for (const [index, record] of records.entries()) {
    const card = outcomes.nth(index);
    await expect(card).toHaveAttribute('data-status', 'imported');
    await expect(card).toContainText(record.format);
    await expect(card).toContainText(
      `${record.imported.toLocaleString('en-US')} of ${record.rows.toLocaleString('en-US')} rows imported`,
    );
  }
  // Skipped rows by reason, with line numbers.
  const skippedReasons = Object.keys(records[0]!.skipped);
  expect(skippedReasons.length).toBeGreaterThan(0);
  for (const reason of skippedReasons) await expect(outcomes.nth(0)).toContainText(reason);
  await expect(outcomes.nth(0)).toContainText(`line ${records[0]!.examples[0]!.line}`);
  // The refused file, with the reason.
  await expect(outcomes.nth(2)).toHaveAttribute('data-status', 'refused');
  await expect(outcomes.nth(2).getByTestId('refusal-reason')).not.toBeEmpty();

  // Progress went to the window as events (bytes and rows, per file and overall).
  const progress = app.events
    .filter((e) => e.channel === 'import:progress')
    .map((e) => e.payload as { fileIndex: number; rows: number; overallTotalBytes: number });
  expect(progress.length).toBeGreaterThan(0);
  expect(new Set(progress.map((p) => p.fileIndex))).toEqual(new Set([0, 1, 2]));

  // The report of the new case, in the computer's zone (the case has none saved).
  await expect(app.page.getByTestId('tz-input')).toHaveValue('America/New_York');
  await expectReportShown(app.page, engineReport(casePath, { tz: 'America/New_York' }));
  await expect(app.page.getByTestId('dq-refused-count')).toHaveText('1');
  await expect(app.page.getByTestId('dq-refused')).toContainText('meeting-notes.txt');
});

test('the Open dialog imports through the same path', async ({ openApp, userDataDir }, testInfo) => {
  const { log } = await smallInputs(testInfo);
  const app = await openApp();
  const casePath = join(userDataDir, 'Sample case.enrollscope');
  await expect(app.page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
  const before = importsOf(casePath).length;
  app.dialogs.importSelections.push([log]);
  await app.page.getByRole('button', { name: 'Import files…' }).click();
  await expect(app.page.getByTestId('import-summary').getByRole('status')).toHaveText(
    'Import finished: 1 file imported',
  );
  expect(importsOf(casePath)).toHaveLength(before + 1);
  await expectReportShown(app.page, engineReport(casePath, { tz: 'UTC' }));
  // Cancelling the dialog changes nothing.
  await app.page.getByTestId('dismiss-import').click();
  await app.page.getByRole('button', { name: 'Import files…' }).click();
  await expect(app.page.getByTestId('import-summary')).toHaveCount(0);
  expect(importsOf(casePath)).toHaveLength(before + 1);
});

test('import errors are shown: unreadable files, the same file twice, a drop without files on disk', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const { log } = await smallInputs(testInfo);
  const truncated = testInfo.outputPath('export.json');
  writeFileSync(
    truncated,
    '[{"timestamp": "2025-06-01T10:00:00Z", "userId": "a@contoso.example", "platform": "iOS", "event": "start"}, {"timest',
  );
  const casePath = join(userDataDir, 'Errors.enrollscope');
  const app = await openApp({ sampleCase: null });
  app.dialogs.newCasePaths.push(casePath);
  await app.page.getByRole('button', { name: 'New case' }).click();
  await expect(app.page.getByTestId('empty-state')).toBeVisible();

  await app.drop([log, truncated]);
  const outcomes = app.page.getByTestId('import-summary').getByTestId('import-outcome');
  await expect(outcomes).toHaveCount(2);
  await expect(outcomes.nth(1)).toHaveAttribute('data-status', 'refused');
  await expect(outcomes.nth(1)).toContainText('export.json');
  const reason = (await outcomes.nth(1).getByTestId('refusal-reason').textContent()) ?? '';
  expect(reason.length).toBeGreaterThan(5);

  // The same bytes again: refused, naming the earlier import.
  await app.drop([log]);
  await expect(app.page.getByTestId('import-summary').getByRole('status')).toHaveText('Import finished: 1 refused');
  await expect(app.page.getByTestId('refusal-reason')).toContainText('already imported as import #1');
  expect(importsOf(casePath)).toHaveLength(1);
  await expect(app.page.getByTestId('dq-refused-count')).toHaveText('2');

  // Items without a file on disk (dragged from a browser): said so, nothing imported.
  await app.page.evaluate(() => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(f: unknown): void } };
      File: new (p: string[], n: string) => unknown;
      DragEvent: new (t: string, i: object) => unknown;
      document: { body: { dispatchEvent(e: unknown): void } };
    };
    const transfer = new g.DataTransfer();
    transfer.items.add(new g.File(['x'], 'from-the-browser.csv'));
    for (const type of ['dragenter', 'dragover', 'drop'])
      g.document.body.dispatchEvent(new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  await expect(app.page.getByTestId('import-error')).toContainText('no file on disk');
  expect(importsOf(casePath)).toHaveLength(1);
});

test('progress and cancel: the bar moves in bytes and rows, and nothing of the cancelled file stays', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const big = testInfo.outputPath('tenant-wide-events.csv');
  // Large enough that the import is still running after the checks below, on a fast machine too.
  await built.writeSyntheticLog(big, { seed: 5, events: 2_500_000, days: 30, endDay: '2025-11-14' });
  const app = await openApp();
  const casePath = join(userDataDir, 'Sample case.enrollscope');
  const before = engineReport(casePath, { tz: 'UTC' });
  await expectReportShown(app.page, before);
  const importsBefore = importsOf(casePath);

  const firstProgress = app.nextEvent('import:progress', (p) => p.bytesRead > 0 && p.rows > 0);
  await app.drop([big]);
  const progress = await firstProgress;
  const panel = app.page.getByTestId('import-progress');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('progressbar', { name: 'Overall progress' })).toHaveAttribute('aria-valuenow', /\d+/);
  await expect(panel.getByTestId('import-file-progress')).toContainText('tenant-wide-events.csv');
  await expect(panel.getByTestId('import-overall')).toContainText(/rows read/);
  expect(progress.totalBytes).toBeGreaterThan(1_000_000);
  // The window stays responsive while the worker imports: a filter still answers.
  await app.page.getByTestId('preset-7').click();
  await expect(app.page.getByTestId('preset-7')).toHaveAttribute('aria-pressed', 'true');

  await panel.getByTestId('cancel-import').click();
  const summary = app.page.getByTestId('import-summary');
  await expect(summary.getByTestId('import-outcome')).toHaveAttribute('data-status', 'cancelled');
  await expect(summary).toContainText('Nothing of this file was kept.');
  expect(importsOf(casePath)).toEqual(importsBefore);
  await app.page.getByTestId('preset-14').click();
  await expectReportShown(app.page, before);
  expect(engineReport(casePath, { tz: 'UTC' })).toEqual(before);
});

test('a dropped case file is opened, not imported', async ({ openApp, userDataDir }, testInfo) => {
  const other = copySample(testInfo.outputPath('Customer B.enrollscope'));
  const app = await openApp({ sampleCase: null });
  await expect(app.page.getByTestId('empty-state')).toBeVisible();
  await app.drop([other]);
  await expect(app.page.getByTestId('case-title')).toContainText('Customer B');
  await expectReportShown(app.page, engineReport(other, { tz: 'UTC' }));
  expect(existsSync(join(userDataDir, 'Cases'))).toBe(false);
});
