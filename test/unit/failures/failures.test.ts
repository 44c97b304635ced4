/** The failures view (spec 8) over Intune's exports as they come: per day, reason, OS, method, category. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFailures } from '../../../src-main/failures/failures';
import { readInput } from '../../../src-main/import/read-input';
import { computeReport, ReportInputError } from '../../../src-main/report/compute-report';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { listImports } from '../../../src-main/store/imports';
import {
  deviceEnrollmentFailuresZip,
  enrollmentActivityCsv,
  troubleshootingEventsJson,
} from '../../helpers/failure-files';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir();

async function caseWith(files: string[]): Promise<CaseDb> {
  const db = openCase(join(temp(), 'case.enrollscope'));
  const outcomes = await importFiles(db, files, { reader: readInput });
  for (const outcome of outcomes) expect(outcome.status, JSON.stringify(outcome)).toBe('imported');
  return db;
}

describe('computeFailures', () => {
  it('counts the three exports together, by day, reason, OS, method and category', async () => {
    const dir = temp();
    const db = await caseWith([
      deviceEnrollmentFailuresZip(dir),
      enrollmentActivityCsv(dir),
      troubleshootingEventsJson(dir),
    ]);
    const view = computeFailures(db, { from: '2025-06-01', to: '2025-06-04' });
    expect(view.range).toEqual({ from: '2025-06-01', to: '2025-06-04', tz: 'UTC' });
    expect(view.total).toBe(9);
    expect(view.daily).toEqual([
      { date: '2025-06-01', count: 2 },
      { date: '2025-06-02', count: 4 },
      { date: '2025-06-03', count: 3 },
      { date: '2025-06-04', count: 0 },
    ]);
    expect(view.byReason).toEqual([
      { reason: 'User canceled', count: 3 },
      { reason: 'User abandoned enrollment', count: 2 },
      { reason: '(not given)', count: 1 },
      { reason: 'DeviceCapReached', count: 1 },
      { reason: 'Network', count: 1 },
      { reason: 'Timeout', count: 1 },
    ]);
    expect(view.byOs).toEqual([
      { os: 'iOS', count: 6 },
      { os: 'Android', count: 3 },
    ]);
    expect(view.byMethod).toEqual(
      [
        { method: 'Company Portal', count: 4 },
        { method: 'Android Enterprise', count: 2 },
        { method: 'userEnrollment', count: 3 },
      ].sort((a, b) => b.count - a.count || (a.method < b.method ? -1 : 1)),
    );
    expect(view.byCategory).toEqual([
      { category: '(not given)', count: 4 },
      { category: 'userAbandonment', count: 2 },
      { category: 'Device cap reached', count: 1 },
      { category: 'User abandonment', count: 1 },
      { category: 'clientDisconnected', count: 1 },
    ]);
    // Never mixed into the abandonment report.
    // (Revision 2: with no abandonment data at all, Initiated is unknown rather than 0.)
    expect(computeReport(db, { from: '2025-06-01', to: '2025-06-04' }).rollup).toMatchObject({
      initiated: null,
      incomplete: 0,
    });
    db.close();
  });

  it('de-duplicates by FailureGuid, EnrollmentActivityId and the event id across files', async () => {
    const dir = temp();
    const again = troubleshootingEventsJson(dir, 'again.json', [
      {
        id: 'ev-1',
        eventDateTime: '2025-06-02T11:00:00Z',
        operatingSystem: 'iOS',
        failureCategory: 'userAbandonment',
        failureReason: 'User abandoned enrollment',
      },
      {
        id: 'ev-9',
        eventDateTime: '2025-06-04T11:00:00Z',
        operatingSystem: 'iOS',
        failureCategory: 'userAbandonment',
        failureReason: 'User abandoned enrollment',
      },
    ]);
    // The same activity and the same failure again, in files of other bytes (one row each, no BOM).
    const activity = enrollmentActivityCsv(dir);
    const [activityHeader, firstActivity] = readFileSync(activity, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const activityAgain = join(dir, 'EnrollmentActivity (2).csv');
    writeFileSync(activityAgain, `${activityHeader}\n${firstActivity}\n`);
    const failureAgain = join(dir, 'DeviceEnrollmentFailures (2).csv');
    writeFileSync(
      failureAgain,
      'EnrollmentFailureDateTime,EnrollmentMethod,FailureGuid,FailureReason,OS,OSVersion,UPN,UserId\n' +
        '2025-06-01T10:00:00Z,Company Portal,G-1,User canceled,iOS,17.5,ann@contoso.example,u-1\n',
    );
    const db = await caseWith([
      deviceEnrollmentFailuresZip(dir),
      troubleshootingEventsJson(dir),
      again,
      activity,
      activityAgain,
      failureAgain,
    ]);
    const view = computeFailures(db, { from: '2025-06-01', to: '2025-06-04' });
    expect(view.total).toBe(10);
    expect(view.daily.at(-1)).toEqual({ date: '2025-06-04', count: 1 });
    const duplicates = listImports(db).map((record) => [record.file, record.duplicates]);
    expect(duplicates).toEqual([
      ['DeviceEnrollmentFailures.zip/DeviceEnrollmentFailures.csv', 0],
      ['troubleshooting.json', 0],
      ['again.json', 1],
      ['EnrollmentActivity.csv', 0],
      ['EnrollmentActivity (2).csv', 1],
      ['DeviceEnrollmentFailures (2).csv', 1],
    ]);
    db.close();
  });

  it('days follow the zone; the default range ends at the latest failure', async () => {
    const db = await caseWith([deviceEnrollmentFailuresZip(temp())]);
    // g-2 at 23:30 UTC on June 1 is June 2 in Berlin.
    const berlin = computeFailures(db, { from: '2025-06-01', to: '2025-06-03', tz: 'Europe/Berlin' });
    expect(berlin.daily.map((d) => d.count)).toEqual([1, 2, 1]);
    const defaults = computeFailures(db);
    expect(defaults.range).toEqual({ from: '2025-05-21', to: '2025-06-03', tz: 'UTC' });
    expect(defaults.total).toBe(4);
    expect(() => computeFailures(db, { from: '2025-06-05', to: '2025-06-01' })).toThrow(ReportInputError);
    expect(() => computeFailures(db, { tz: 'Moon/Base' })).toThrow(ReportInputError);
    db.close();
  });
});
