/**
 * Intune's successor data (spec 8) as it is exported, with its documented columns:
 * DeviceEnrollmentFailures (a CSV inside the export job's ZIP, `_loc` twins), EnrollmentActivity
 * (CSV with `_loc` twins) and Graph's enrollmentTroubleshootingEvent list (`{"value": [...]}`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

const csv = (rows: readonly (readonly string[])[]): string => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;

/** 4 failures (g-1..g-4) in June 2025: 2 user cancellations on iOS, 1 timeout on Android, 1 without reason. */
export function deviceEnrollmentFailuresZip(dir: string, name = 'DeviceEnrollmentFailures.zip'): string {
  const text = csv([
    [
      'EnrollmentFailureDateTime',
      'EnrollmentMethod',
      'EnrollmentMethod_loc',
      'FailureGuid',
      'FailureReason',
      'FailureReason_loc',
      'OS',
      'OSVersion',
      'UPN',
      'UserId',
    ],
    [
      '2025-06-01T10:00:00Z',
      '4',
      'Company Portal',
      'g-1',
      '12',
      'User canceled',
      'iOS',
      '17.5',
      'ann@contoso.example',
      'u-1',
    ],
    [
      '2025-06-01T23:30:00Z',
      '4',
      'Company Portal',
      'g-2',
      '12',
      'User canceled',
      'iOS',
      '17.4',
      'bob@contoso.example',
      'u-2',
    ],
    [
      '2025-06-02T08:00:00Z',
      '2',
      'Android Enterprise',
      'g-3',
      '7',
      'Timeout',
      'Android',
      '14',
      'cy@contoso.example',
      'u-3',
    ],
    ['2025-06-03T12:00:00Z', '4', 'Company Portal', 'g-4', '', '', 'iOS', '17.5', 'di@contoso.example', 'u-4'],
  ]);
  const path = join(dir, name);
  writeFileSync(path, zipSync({ 'DeviceEnrollmentFailures.csv': strToU8(text) }));
  return path;
}

/** 2 activities (act-1, act-2), with `_loc` twins for OS, method and reason. */
export function enrollmentActivityCsv(dir: string, name = 'EnrollmentActivity.csv'): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    csv([
      [
        'AadDeviceId',
        'Context',
        'DeviceId',
        'DeviceName',
        'EnrollmentActivityId',
        'EnrollmentDateTime',
        'EnrollmentMethod',
        'EnrollmentMethod_loc',
        'Failure',
        'FailureDetails',
        'FailureReason',
        'FailureReason_loc',
        'OS',
        'OS_loc',
        'OSVersion',
        'OwnerType',
        'Remediation',
        'SerialNumber',
        'UPN',
        'UserId',
      ],
      [
        'aad-1',
        'ctx',
        'dev-1',
        'Ann iPhone',
        'act-1',
        '2025-06-02T09:00:00Z',
        '4',
        'Company Portal',
        'Device cap reached',
        'Max 5 devices',
        '21',
        'DeviceCapReached',
        '1',
        'iOS',
        '17.5',
        'Personal',
        'Remove a device',
        'SN1',
        'ann@contoso.example',
        'u-1',
      ],
      [
        'aad-2',
        'ctx',
        'dev-2',
        'Bob Pixel',
        'act-2',
        '2025-06-03T09:00:00Z',
        '2',
        'Android Enterprise',
        'User abandonment',
        '',
        '12',
        'User canceled',
        '2',
        'Android',
        '14',
        'Personal',
        '',
        'SN2',
        'bob@contoso.example',
        'u-2',
      ],
    ]),
  );
  return path;
}

export interface GraphEvent {
  id: string;
  eventDateTime: string;
  operatingSystem: string;
  failureCategory: string;
  failureReason: string;
}

/** Graph's troubleshooting events; 3 by default (ev-1..ev-3, two userAbandonment). */
export function troubleshootingEventsJson(
  dir: string,
  name = 'troubleshooting.json',
  events?: readonly GraphEvent[],
): string {
  const value = (
    events ?? [
      {
        id: 'ev-1',
        eventDateTime: '2025-06-02T11:00:00Z',
        operatingSystem: 'iOS',
        failureCategory: 'userAbandonment',
        failureReason: 'User abandoned enrollment',
      },
      {
        id: 'ev-2',
        eventDateTime: '2025-06-02T12:00:00Z',
        operatingSystem: 'Android',
        failureCategory: 'userAbandonment',
        failureReason: 'User abandoned enrollment',
      },
      {
        id: 'ev-3',
        eventDateTime: '2025-06-03T13:00:00Z',
        operatingSystem: 'iOS',
        failureCategory: 'clientDisconnected',
        failureReason: 'Network',
      },
    ]
  ).map((e) => ({
    '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent',
    ...e,
    correlationId: `corr-${e.id}`,
    deviceId: `dev-${e.id}`,
    userId: `user-${e.id}`,
    osVersion: '17.5',
    enrollmentType: 'userEnrollment',
    managedDeviceIdentifier: `managed-${e.id}`,
  }));
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify(
      { '@odata.context': 'https://graph.microsoft.com/beta/$metadata#deviceManagement/troubleshootingEvents', value },
      null,
      1,
    ),
  );
  return path;
}
