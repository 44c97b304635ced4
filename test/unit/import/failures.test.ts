import { describe, expect, it } from 'vitest';
import { readText, useTempDir } from './helpers';

const dir = useTempDir();

describe('failures data (spec 8)', () => {
  it('DeviceEnrollmentFailures export, with _loc twins', async () => {
    const header =
      'EnrollmentFailureDateTime,EnrollmentMethod,EnrollmentMethod_loc,FailureGuid,FailureReason,FailureReason_loc,OS,OSVersion,UPN,UserId';
    const rows = [
      '2025-06-01T10:00:00Z,4,Company Portal,g-1,12,User canceled,iOS,17.5,alice@contoso.com,u-1',
      '2025-06-01T11:00:00Z,Apple ADE,,g-2,Timeout,,Android,14,,',
      ',4,Company Portal,g-3,12,User canceled,iOS,17.5,carol@contoso.com,u-3',
    ];
    const result = await readText(dir, 'DeviceEnrollmentFailures.csv', `\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`);
    expect(result.format).toBe('failures/csv');
    expect(result.rows).toEqual([
      {
        line: 2,
        id: 'g-1',
        time: '2025-06-01T10:00:00.000Z',
        user: 'u-1',
        device: '',
        os: 'iOS',
        osVersion: '17.5',
        method: 'Company Portal',
        category: '',
        reason: 'User canceled',
        details: '',
      },
      {
        line: 3,
        id: 'g-2',
        time: '2025-06-01T11:00:00.000Z',
        user: '',
        device: '',
        os: 'Android',
        osVersion: '14',
        method: 'Apple ADE',
        category: '',
        reason: 'Timeout',
        details: '',
      },
    ]);
    expect(result.examples).toEqual([
      {
        line: 4,
        reason: 'no time',
        detail: ', 4, Company Portal, g-3, 12, User canceled, iOS, 17.5, carol@contoso.com, u-3',
      },
    ]);
  });

  it('EnrollmentActivity export', async () => {
    const header =
      'AadDeviceId;Context;DeviceId;DeviceName;EnrollmentActivityId;EnrollmentDateTime;EnrollmentMethod;Failure;FailureDetails;FailureReason;OS;OSVersion;OwnerType;Remediation;SerialNumber;UPN;UserId';
    const row =
      'aad-1;ctx;dev-1;iPhone;act-1;2025-06-01T10:00:00.123+02:00;Company Portal;Device cap reached;Max 5 devices;DeviceCapReached;iOS;17.5;Personal;Remove a device;SN1;alice@contoso.com;u-1';
    const result = await readText(dir, 'EnrollmentActivity.csv', `${header}\n${row}\n`);
    expect(result.rows).toEqual([
      {
        line: 2,
        id: 'act-1',
        time: '2025-06-01T08:00:00.123Z',
        user: 'u-1',
        device: 'dev-1',
        os: 'iOS',
        osVersion: '17.5',
        method: 'Company Portal',
        category: 'Device cap reached',
        reason: 'DeviceCapReached',
        details: 'Max 5 devices',
      },
    ]);
  });
});
