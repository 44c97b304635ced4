import { describe, expect, it } from 'vitest';
import { ColumnPlan, detectKind, ENROLLMENT_COLUMNS, FAILURE_COLUMNS } from '../../../src-main/import/columns';

const plan = (names: string[]) => {
  const p = new ColumnPlan(ENROLLMENT_COLUMNS);
  names.forEach((name, i) => p.add(i, name));
  return p.keepWinnersOnly();
};

describe('detectKind (spec 3)', () => {
  it.each([
    [['time', 'user', 'event'], 'event-log'],
    [['Time', 'User', 'Event Type'], 'event-log'],
    [['timestamp', 'EVENT_TYPE'], 'event-log'],
    [['time', 'type'], 'event-log'],
    [['date', 'platform', 'initiated', 'incomplete'], 'summary'],
    [['Date', 'Initiated Enrollments', 'Incomplete-Enrollments'], 'summary'],
    [['time', 'user', 'userAction'], 'details'],
    [['time', 'user', 'abandonment_reason'], 'details'],
    [['time', 'reason'], 'details'],
    // an event column wins over everything, initiated over userAction
    [['time', 'event', 'initiated', 'userAction'], 'event-log'],
    [['date', 'initiated', 'userAction'], 'summary'],
    // spec 8: a failure time and a failure reason or category
    [
      [
        'EnrollmentFailureDateTime',
        'EnrollmentMethod',
        'FailureGuid',
        'FailureReason',
        'OS',
        'OSVersion',
        'UPN',
        'UserId',
      ],
      'failures',
    ],
    [
      ['AadDeviceId', 'EnrollmentActivityId', 'EnrollmentDateTime', 'Failure', 'FailureDetails', 'FailureReason', 'OS'],
      'failures',
    ],
    [
      ['id', 'eventDateTime', 'operatingSystem', 'userId', 'failureCategory', 'failureReason', '@odata.type'],
      'failures',
    ],
    [['FailureReason_loc', 'EnrollmentFailureDateTime_loc'], 'failures'],
    [['event_loc', 'time'], 'event-log'],
  ])('%j -> %s', (names, kind) => {
    expect(detectKind(names)).toBe(kind);
  });

  it.each([
    [['time', 'user', 'device']],
    [['FailureReason']],
    [['EnrollmentFailureDateTime', 'OS']],
    [['events', 'timestamp']],
    [[]],
  ])('%j is not an enrollment file', (names) => {
    expect(detectKind(names)).toBeUndefined();
  });
});

describe('ColumnPlan', () => {
  it('matches names ignoring case, spaces, _ and -', () => {
    const p = plan([
      'Time Stamp',
      'USER_PRINCIPAL-NAME',
      'Device ID',
      'Operating System',
      'Event-Type',
      'Action Name',
      'Screen or Flow',
    ]);
    expect(p.fields.time[0]?.primary).toBe(0);
    expect(p.fields.user[0]?.primary).toBe(1);
    expect(p.fields.device[0]?.primary).toBe(2);
    expect(p.fields.platform[0]?.primary).toBe(3);
    expect(p.fields.event[0]?.primary).toBe(4);
    expect(p.fields.action[0]?.primary).toBe(5);
    expect(p.fields.screen[0]?.primary).toBe(6);
  });

  it('the earlier synonym of the spec list wins, wherever the columns are', () => {
    const p = plan([
      'date',
      'userName',
      'time',
      'upn',
      'timestamp',
      'userId',
      'step',
      'actionName',
      'deviceName',
      'deviceId',
      'type',
      'event',
    ]);
    expect(p.fields.time[0]?.primary).toBe(4); // timestamp
    expect(p.fields.user[0]?.primary).toBe(5); // userId
    expect(p.fields.action[0]?.primary).toBe(7); // actionName
    expect(p.fields.device[0]?.primary).toBe(9); // deviceId
    expect(p.fields.event[0]?.primary).toBe(11); // event
    expect(p.fields.time).toHaveLength(1);
  });

  it('pairs X with X_loc, in either order; X_loc alone is read as X', () => {
    const p = plan(['Platform_loc', 'Platform', 'ActionName', 'ActionName_loc', 'UserAction_loc']);
    expect(p.fields.platform[0]).toMatchObject({ primary: 1, twin: 0 });
    expect(p.fields.action[0]).toMatchObject({ primary: 2, twin: 3 });
    expect(p.fields.userAction[0]).toMatchObject({ primary: 4, twin: -1 });
  });

  it('a repeated column: the first one wins', () => {
    const p = plan(['time', 'user', 'time']);
    expect(p.fields.time[0]?.primary).toBe(0);
  });

  it('keeps every synonym, best first, when learning keys of JSON objects', () => {
    const p = new ColumnPlan(FAILURE_COLUMNS);
    p.add(0, 'UPN');
    p.add(1, 'UserId');
    expect(p.fields.user.map((c) => c.primary)).toEqual([1, 0]);
  });

  it('never reads names from the prototype', () => {
    const p = plan(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'time']);
    expect(p.fields.time[0]?.primary).toBe(4);
    expect(detectKind(['__proto__', 'constructor'])).toBeUndefined();
  });
});
