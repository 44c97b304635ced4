/**
 * The Findings card against the real handlers: it shows the engine's findings for the report
 * shown (the sentences, in order, caveats apart), and a finding opens the drill-down with exactly
 * the attempts it counts.
 */
import { engineReport, expect, expectReportShown, test } from './fixtures';
import { built } from './fixtures';
import { count, drillTotal, onCase, sampleCasePath } from './insights-helpers';

test('the card shows the engine findings; each finding opens its attempts', async ({ openApp, userDataDir }) => {
  const app = await openApp();
  const { page } = app;
  const casePath = sampleCasePath(userDataDir);
  const report = engineReport(casePath, { tz: 'UTC' });
  await expectReportShown(page, report);
  const filter = { from: report.range.from, to: report.range.to, tz: 'UTC' };
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
