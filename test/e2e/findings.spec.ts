/**
 * The Findings card against the real handlers: it shows the engine's findings for the report
 * shown (the sentences, in order, caveats apart), and a finding opens the drill-down with exactly
 * the attempts it counts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeEventLog } from '../helpers/event-log';
import { plannedEvents, plantedMonth } from '../helpers/findings-case';
import { runCli } from '../helpers/run-cli';
import { engineReport, expect, expectReportShown, test } from './fixtures';
import { built } from './fixtures';
import { count, drillTotal, onCase, openOnSample, sampleCasePath } from './view-helpers';

test('the card shows the engine findings; each finding opens its attempts', async ({ openApp, userDataDir }) => {
  const { page, casePath, filter } = await openOnSample(openApp, userDataDir);
  const { findings } = onCase(casePath, (db) => built.reportWithFindings(db, filter));
  const said = findings.filter((f) => !f.kind.startsWith('caveat-'));
  const caveats = findings.filter((f) => f.kind.startsWith('caveat-'));
  expect(said.length).toBeGreaterThan(0);

  const card = page.getByTestId('findings');
  await expect(card).toHaveAttribute('data-findings-status', 'ready');
  await expect(card.getByTestId('finding')).toHaveText(said.map((f) => f.text));
  await expect(card.getByTestId('finding-caveat')).toHaveText(caveats.map((f) => f.text));

  // Every row finding opens that row's attempts: as many as the finding counts.
  const dialog = page.getByTestId('drill-dialog');
  for (const [index, finding] of said.entries()) {
    if (finding.kind !== 'where-users-stop') continue;
    await card.getByTestId('finding-open').nth(index).click();
    await expect(dialog).toBeVisible();
    expect(await drillTotal(page)).toBe(finding.numbers.count);
    await expect(page.getByTestId('drill-summary')).toContainText(`the report shows ${count(finding.numbers.count)}`);
    const engine = onCase(casePath, (db) => built.listAttempts(db, { ...finding.filter, limit: 1 })).total;
    expect(engine).toBe(finding.numbers.count);
    await dialog.getByTestId('drill-close').click();
    await expect(dialog).toBeHidden();
  }

  // Another filter, other findings: the card follows the report.
  await page.getByTestId('filter-platforms').getByLabel('iOS/iPadOS').uncheck();
  const android = engineReport(casePath, { ...filter, platforms: ['Android'] });
  await expectReportShown(page, android);
  const androidFindings = onCase(casePath, (db) =>
    built.reportWithFindings(db, { ...filter, platforms: ['Android'] }),
  ).findings;
  expect(androidFindings.map((f) => f.text)).not.toEqual(findings.map((f) => f.text));
  await expect(card.getByTestId('finding')).toHaveText(
    androidFindings.filter((f) => !f.kind.startsWith('caveat-')).map((f) => f.text),
  );
});

test('planted findings open their attempts: an unusual day, the platform gap, the rate change', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  // A case made by the command line from a planted log (1-28 May 2025), opened as the app's first case.
  const dir = testInfo.outputPath('planted');
  mkdirSync(dir, { recursive: true });
  const log = writeEventLog(join(dir, 'planted.csv'), plannedEvents(plantedMonth()));
  const casePath = join(dir, 'planted.enrollscope');
  expect(runCli(['report', log, '--db', casePath]).code).toBe(0);
  const app = await openApp({ sampleCase: casePath });
  const { page } = app;
  const filter = { from: '2025-05-15', to: '2025-05-28', tz: 'UTC' };
  const opened = sampleCasePath(userDataDir);
  await expectReportShown(page, engineReport(opened, filter));
  const { findings } = onCase(opened, (db) => built.reportWithFindings(db, filter));
  const said = findings.filter((f) => !f.kind.startsWith('caveat-'));
  const card = page.getByTestId('findings');
  await expect(card.getByTestId('finding')).toHaveText(said.map((f) => f.text));
  const dialog = page.getByTestId('drill-dialog');

  const day = said.findIndex((f) => f.kind === 'unusual-day');
  const unusual = said[day]!;
  if (unusual.kind !== 'unusual-day') throw new Error('no unusual day found');
  expect(unusual.filter).toMatchObject({ date: '2025-05-25', section: 'Terms of Use' });
  await card.getByTestId('finding-open').nth(day).click();
  expect(await drillTotal(page)).toBe(unusual.numbers.count);
  await dialog.getByTestId('drill-close').click();

  const gapIndex = said.findIndex((f) => f.kind === 'platform-gap');
  const gap = said[gapIndex]!;
  expect(gap.kind === 'platform-gap' && gap.worse).toBe('iOS/iPadOS');
  await card.getByTestId('finding-open').nth(gapIndex).click();
  await expect(dialog.getByTestId('drill-platform')).toHaveValue('iOS/iPadOS');
  const iosIncomplete = engineReport(opened, { ...filter, platforms: ['iOS/iPadOS'] }).rollup.incomplete;
  expect(await drillTotal(page)).toBe(iosIncomplete);
  await dialog.getByTestId('drill-close').click();

  // The change of the whole rate opens every incomplete attempt of the range.
  const rateIndex = said.findIndex((f) => f.kind === 'rate-change');
  expect(rateIndex).toBeGreaterThanOrEqual(0);
  await card.getByTestId('finding-open').nth(rateIndex).click();
  await expect(dialog.getByTestId('drill-platform')).toHaveValue('any');
  expect(await drillTotal(page)).toBe(engineReport(opened, filter).rollup.incomplete);
});
