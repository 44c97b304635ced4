import { describe, expect, it } from 'vitest';
import { EVENT_HEADER, readText, useTempDir } from './helpers';

const dir = useTempDir();

describe('event-log rows: every skip reason, with its line (spec 3)', () => {
  it('skips, counts by reason, and shows the first examples', async () => {
    const rows = [
      /* 2 */ '2025-06-01T10:00:00Z,alice,d1,iOS,start,,',
      /* 3 */ ',alice,d1,iOS,start,,',
      /* 4 */ 'yesterday,alice,d1,iOS,start,,',
      /* 5 */ '2025-06-01T10:00:00Z,,d1,iOS,start,,',
      /* 6 */ '2025-06-01T10:00:00Z,alice,d1,,start,,',
      /* 7 */ '2025-06-01T10:00:00Z,alice,d1,Windows,start,,',
      /* 8 */ '2025-06-01T10:00:00Z,alice,d1,macOS,start,,',
      /* 9 */ '2025-06-01T10:00:00Z,alice,d1,iOS,launch,,',
      /* 10 */ '2025-06-01T10:00:00Z,alice,d1,iOS,,,',
      /* 11 */ '2025-06-01T10:00:00Z,alice,d1,iOS,step,Onboarding,',
      /* 12 */ '2025-06-01T10:00:00Z,alice,d1,iOS,cancel,Welcome,',
      /* 13 */ '2025-06-01T10:00:00Z,alice,d1,iOS,step,,',
      /* 14 */ '2025-06-01T10:00:00Z,alice,,Android,decline,TermsOfUse,',
      /* 15 */ '1748772000000,bob,d2,ipad,appclosed,,',
      /* 16 */ '2025-06-01,carol,d3,Android (device administrator),Enrolled,,',
    ];
    const result = await readText(dir, 'skips.csv', `${EVENT_HEADER}\n${rows.join('\n')}\n`);
    expect(result.rows.map((r) => [r.line, r.event, r.action, r.platform, r.time])).toEqual([
      [2, 'start', '', 'iOS/iPadOS', '2025-06-01T10:00:00.000Z'],
      [14, 'declineall', 'TermsofUse', 'Android', '2025-06-01T10:00:00.000Z'],
      [15, 'appclosed', '', 'iOS/iPadOS', '2025-06-01T10:00:00.000Z'],
      [16, 'complete', '', 'Android', '2025-06-01T00:00:00.000Z'],
    ]);
    expect(result.skipped).toEqual({
      'no time': 1,
      'bad time': 1,
      'no user': 1,
      'no platform': 1,
      'unknown platform': 2,
      'unknown event': 2,
      'unknown action name': 2,
      'step without action name': 1,
    });
    expect(result.examples.map((e) => [e.line, e.reason, e.detail])).toEqual([
      [3, 'no time', ', alice, d1, iOS, start, , '],
      [4, 'bad time', 'yesterday'],
      [5, 'no user', '2025-06-01T10:00:00Z, , d1, iOS, start, , '],
      [6, 'no platform', '2025-06-01T10:00:00Z, alice, d1, , start, , '],
      [7, 'unknown platform', 'Windows'],
      [8, 'unknown platform', 'macOS'],
      [9, 'unknown event', 'launch'],
      [10, 'unknown event', '(empty)'],
      [11, 'unknown action name', 'Onboarding'],
      [12, 'unknown action name', 'Welcome'],
      [13, 'step without action name', '2025-06-01T10:00:00Z, alice, d1, iOS, step, , '],
    ]);
    expect(result.rowsRead).toBe(15);
    expect(result.rowsRead).toBe(result.rows.length + Object.values(result.skipped).reduce((a, b) => a + b, 0));
  });

  it('keeps only the first 5 examples of a reason, but counts them all', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `2025-06-01T10:00:00Z,user${i},d,Windows,start,,`);
    const result = await readText(dir, 'many-windows.csv', `${EVENT_HEADER}\n${rows.join('\n')}\n`);
    expect(result.skipped).toEqual({ 'unknown platform': 12 });
    expect(result.examples.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('accepts every platform and event spelling of spec 3', async () => {
    const platforms = [
      'ios',
      'IPADOS',
      'iPhone',
      'iPad',
      'iOS/iPadOS',
      'android',
      'AndroidForWork',
      'androidEnterprise',
      'Android (Device Administrator)',
    ];
    const events = [
      'start',
      'step',
      'cancel',
      'postpone',
      'ignore',
      'declineall',
      'Decline All',
      'decline',
      'appclosed',
      'App_Closed',
      'closed',
      'complete',
      'completed',
      'Enrolled',
    ];
    const rows = platforms.flatMap((p) => events.map((e) => `2025-06-01T10:00:00Z,u,d,${p},${e},Activation,`));
    const result = await readText(dir, 'spellings.csv', `${EVENT_HEADER}\n${rows.join('\n')}\n`);
    expect(result.skipped).toEqual({});
    expect(new Set(result.rows.map((r) => r.platform))).toEqual(new Set(['iOS/iPadOS', 'Android']));
    expect(new Set(result.rows.map((r) => r.event))).toEqual(
      new Set(['start', 'step', 'cancel', 'postpone', 'ignore', 'declineall', 'appclosed', 'complete']),
    );
  });

  it('action names match case-insensitively, TermsOfUse included', async () => {
    const names = [
      'enrollmentwrapup',
      'DEVICECATEGORY',
      'PreEnrollmentWizard',
      'iosprofilelaunch',
      'AndroidPermissions',
      'KnoxActivation',
      'TermsOfUse',
      'termsofuse',
      'Compliance',
      'activation',
    ];
    const rows = names.map((n) => `2025-06-01T10:00:00Z,u,d,iOS,step,${n},`);
    const result = await readText(dir, 'actions.csv', `${EVENT_HEADER}\n${rows.join('\n')}\n`);
    expect(result.rows.map((r) => r.action)).toEqual([
      'EnrollmentWrapUp',
      'DeviceCategory',
      'PreEnrollmentWizard',
      'iOSProfileLaunch',
      'AndroidPermissions',
      'KnoxActivation',
      'TermsofUse',
      'TermsofUse',
      'Compliance',
      'Activation',
    ]);
  });

  it('CSV _loc twins: X when it maps, else X_loc; plain fields X when non-empty, else X_loc', async () => {
    const header =
      'Time,UserId,UserId_loc,Platform,Platform_loc,Event,Event_loc,ActionName,ActionName_loc,Screen,Screen_loc';
    const rows = [
      '2025-06-01T10:00:00Z,u1,User One,1,iOS,3,cancel,4,iOSProfileLaunch,,Installing profile screen',
      '2025-06-01T10:00:00Z,,User Two,Android,ignored,step,x,Compliance,ignored,Own screen,label',
      '2025-06-01T10:00:00Z,u3,,2,Windows,start,,,,,',
    ];
    const result = await readText(dir, 'loc.csv', `${header}\n${rows.join('\n')}\n`);
    expect(result.rows.map((r) => [r.user, r.platform, r.event, r.action, r.screen])).toEqual([
      ['u1', 'iOS/iPadOS', 'cancel', 'iOSProfileLaunch', 'Installing profile screen'],
      ['User Two', 'Android', 'step', 'Compliance', 'Own screen'],
    ]);
    expect(result.examples).toEqual([{ line: 4, reason: 'unknown platform', detail: '2 (Windows)' }]);
  });
});

describe('details rows', () => {
  const HEADER = 'AbandonmentDateTime,UPN,DeviceName,OS,Section,ActionName,ScreenOrFlow,UserAction';
  it('every skip reason; no action name is kept as unclassified; the section column is not read', async () => {
    const rows = [
      /* 2 */ '2025-06-01T10:00:00Z,alice,d1,iOS,Terms of Use,TermsofUse,Terms of use until Accept all,Exceeded 30 minutes',
      /* 3 */ '2025-06-01T10:00:00Z,alice,d1,iOS,Terms of Use,TermsofUse,,',
      /* 4 */ '2025-06-01T10:00:00Z,alice,d1,iOS,,TermsofUse,,Shrug',
      /* 5 */ '2025-06-01T10:00:00Z,alice,d1,iOS,Setup Checklist,Bogus,,Cancel',
      /* 6 */ '2025-06-01T10:00:00Z,bob,d2,Android,,,,Closed app',
      /* 7 */ '2025-06-01T10:00:00Z,bob,d2,Android,Setup Checklist,KnoxActivation,,Took > 30 minutes',
      /* 8 */ '2025-06-01T10:00:00Z,bob,d2,Android,,Compliance,,timeout',
      /* 9 */ '2025-06-01T10:00:00Z,,d2,Android,,Compliance,,Postpone',
      /* 10 */ 'soon,bob,d2,Android,,Compliance,,Postpone',
      /* 11 */ '2025-06-01T10:00:00Z,bob,d2,Linux,,Compliance,,Postpone',
      /* 12 */ '2025-06-01T10:00:00Z,bob,d2,,,Compliance,,Postpone',
    ];
    const result = await readText(dir, 'details.csv', `${HEADER}\n${rows.join('\n')}\n`);
    expect(result.format).toBe('details/csv');
    expect(result.rows.map((r) => [r.line, r.action, r.userAction, r.screen])).toEqual([
      [2, 'TermsofUse', 'Exceeded 30 minutes', 'Terms of use until Accept all'],
      [6, '', 'Closed app', ''],
      [7, 'KnoxActivation', 'Exceeded 30 minutes', ''],
      [8, 'Compliance', 'Exceeded 30 minutes', ''],
    ]);
    expect(result.examples.map((e) => [e.line, e.reason])).toEqual([
      [3, 'no user action'],
      [4, 'unknown user action'],
      [5, 'unknown action name'],
      [9, 'no user'],
      [10, 'bad time'],
      [11, 'unknown platform'],
      [12, 'no platform'],
    ]);
  });
});

describe('summary rows', () => {
  it('days, times, platforms (empty = both), counts; bad counts skipped', async () => {
    const rows = [
      /* 2 */ '2025-06-01,iOS,120,45',
      /* 3 */ '2025-06-02,,80,10',
      /* 4 */ '2025-06-03T00:00:00+02:00,Android,5,1',
      /* 5 */ '2025-06-04,Android,-1,0',
      /* 6 */ '2025-06-04,Android,1.5,0',
      /* 7 */ '2025-06-04,Android,,0',
      /* 8 */ '2025-06-04,Android,3,x',
      /* 9 */ '2025-06-05,Windows,3,1',
      /* 10 */ 'June 5,iOS,3,1',
      /* 11 */ '2025-06-06,iOS,12.0,0',
    ];
    const result = await readText(
      dir,
      'summary.csv',
      `Date,Platform,Initiated Enrollments,Incomplete Enrollments\n${rows.join('\n')}\n`,
    );
    expect(result.format).toBe('summary/csv');
    expect(result.rows).toEqual([
      { line: 2, day: '2025-06-01', time: null, platform: 1, initiated: 120, incomplete: 45 },
      { line: 3, day: '2025-06-02', time: null, platform: 0, initiated: 80, incomplete: 10 },
      { line: 4, day: null, time: '2025-06-02T22:00:00.000Z', platform: 2, initiated: 5, incomplete: 1 },
      { line: 11, day: '2025-06-06', time: null, platform: 1, initiated: 12, incomplete: 0 },
    ]);
    expect(result.skipped).toEqual({ 'bad count': 4, 'unknown platform': 1, 'bad time': 1 });
    expect(result.examples.filter((e) => e.reason === 'bad count').map((e) => [e.line, e.detail])).toEqual([
      [5, 'initiated: -1'],
      [6, 'initiated: 1.5'],
      [7, 'initiated: (empty)'],
      [8, 'incomplete: x'],
    ]);
  });

  it('without platform or incomplete columns', async () => {
    const result = await readText(
      dir,
      'summary-min.ndjson',
      `{"date": "2025-06-01", "initiatedCount": 7}\n{"date": "2025-06-02", "initiatedCount": 7.5}\n`,
    );
    expect(result.rows).toEqual([
      { line: 1, day: '2025-06-01', time: null, platform: 0, initiated: 7, incomplete: null },
    ]);
    expect(result.skipped).toEqual({ 'bad count': 1 });
  });
});
