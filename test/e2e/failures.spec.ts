/**
 * The failures view (spec 8) against the real handlers: an Intune
 * DeviceEnrollmentFailures export dropped on the case is shown in its own view, per day, reason,
 * OS and method, as the engine counts it, and the abandonment numbers do not change.
 */
import { writeFileSync } from 'node:fs';
import { built, engineReport, expect, expectReportShown, test } from './fixtures';
import { count, onCase, openOnSample } from './view-helpers';

test('imported enrollment failures are shown in their own view, apart from the abandonment numbers', async ({
  openApp,
  userDataDir,
}, testInfo) => {
  const { app, page, casePath, report: before } = await openOnSample(openApp, userDataDir);

  const reasons = ['User canceled', 'Device cap reached', 'User canceled', 'Timeout', 'User canceled'];
  const lines = reasons.map(
    (reason, i) =>
      `2025-11-${String(10 + (i % 3)).padStart(2, '0')}T0${i}:00:00Z,4,Company Portal,g-${i},${reason},${i % 2 ? 'Android' : 'iOS'},17.${i},user${i}@contoso.example,u-${i}`,
  );
  const file = testInfo.outputPath('DeviceEnrollmentFailures.csv');
  writeFileSync(
    file,
    `\uFEFFEnrollmentFailureDateTime,EnrollmentMethod,EnrollmentMethod_loc,FailureGuid,FailureReason,OS,OSVersion,UPN,UserId\r\n${lines.join('\r\n')}\r\n`,
  );
  await app.drop([file]);
  await expect(page.getByTestId('import-summary').getByRole('status')).toHaveText(/Import finished/);

  await page.getByTestId('view-failures').click();
  const view = page.getByTestId('failures-view');
  await expect(view).toHaveAttribute('data-failures-status', 'ready');
  const failures = onCase(casePath, (db) => {
    const latest = built.computeFailures(db, { tz: 'UTC' }).range.to;
    const from = new Date(`${latest}T00:00:00Z`);
    from.setUTCDate(from.getUTCDate() - 13);
    return built.computeFailures(db, { from: from.toISOString().slice(0, 10), to: latest, tz: 'UTC' });
  });
  expect(failures.total).toBe(reasons.length);
  await expect(view).toHaveAttribute('data-failures-total', String(failures.total));
  await expect(view.getByTestId('failures-total')).toHaveText(count(failures.total));
  await expect(view.getByTestId('failures-top-reason')).toHaveText(failures.byReason[0]!.reason);
  const counts = (id: string) => view.getByTestId(id).locator('[data-cell="count"]').allTextContents();
  expect(await counts('failures-by-reason')).toEqual(failures.byReason.map((r) => count(r.count)));
  expect(await counts('failures-by-os')).toEqual(failures.byOs.map((r) => count(r.count)));
  expect(await counts('failures-by-method')).toEqual(failures.byMethod.map((r) => count(r.count)));
  expect(await view.locator('[data-testid="failures-daily-table"] td').allTextContents()).toEqual(
    failures.daily.map((d) => count(d.count)),
  );

  // Back to the abandonment report: its numbers are what they were (failures are never mixed in).
  await page.getByTestId('view-report').click();
  await expectReportShown(page, { ...engineReport(casePath, { tz: 'UTC' }) });
  const after = engineReport(casePath, { tz: 'UTC' });
  expect(after.rollup).toEqual(before.rollup);
  expect(after.sections).toEqual(before.sections);
});
