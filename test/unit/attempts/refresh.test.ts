/** refreshAttempts on real case files: details, incremental re-walks, rule 8 across imports, buckets. */
import { afterEach, describe, expect, it } from 'vitest';
import { rebuildAllAttempts, refreshAttempts } from '../../../src-main/attempts/refresh';
import {
  EARLIEST_DETAILS_KEY,
  EARLIEST_EVENT_KEY,
  LATEST_DETAILS_KEY,
  LATEST_EVENT_KEY,
} from '../../../src-main/attempts/latest';
import {
  addImport,
  attemptViews,
  bucketsVersusAttempts,
  importRows,
  insertEvents,
  ms,
  removeTempCases,
  tempCase,
  type Db,
  type EventInput,
} from '../../helpers/case-builder';

afterEach(removeTempCases);

const setting = (db: Db, key: string): string | undefined =>
  db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;

function expectBucketsConsistent(db: Db): void {
  const { buckets, expected } = bucketsVersusAttempts(db);
  expect(buckets).toEqual(expected);
}

describe('refreshAttempts', () => {
  it('turns events into attempts with combos: given screen, catalog screen, (unknown)', () => {
    const db = tempCase();
    importRows(db, {
      events: [
        { user: 'a', time: '2025-06-01T08:00:00', event: 'start' },
        { user: 'a', time: '2025-06-01T08:01:00', event: 'step', action: 'iOSProfileLaunch', screen: 'Custom screen' },
        { user: 'a', time: '2025-06-01T08:02:00', event: 'cancel' },
        { user: 'b', time: '2025-06-01T09:00:00', event: 'step', action: 'TermsofUse' },
        { user: 'b', time: '2025-06-01T09:01:00', event: 'declineall' },
        { user: 'c', time: '2025-06-01T10:00:00', event: 'start' },
        { user: 'c', time: '2025-06-01T10:01:00', event: 'appclosed' },
        { user: 'd', time: '2025-06-01T11:00:00', event: 'complete' },
      ],
    });
    const views = attemptViews(db).map(({ user, outcome, action, screen, userAction, section }) => ({
      user,
      outcome,
      action,
      screen,
      userAction,
      section,
    }));
    expect(views).toEqual([
      {
        user: 'a',
        outcome: 'incomplete',
        action: 'iOSProfileLaunch',
        screen: 'Custom screen',
        userAction: 'Cancel',
        section: 'Platform Screens',
      },
      {
        user: 'b',
        outcome: 'incomplete',
        action: 'TermsofUse',
        screen: 'Terms of use (if admin configured)',
        userAction: 'Decline All',
        section: 'Terms of Use',
      },
      { user: 'c', outcome: 'incomplete', action: '(unknown)', screen: '', userAction: 'Closed app', section: null },
      { user: 'd', outcome: 'complete', action: null, screen: null, userAction: null, section: null },
    ]);
    expect(db.prepare('SELECT count(*) FROM attempts WHERE outcome != 2 AND combo_id != 0').pluck().get()).toBe(0);
    expectBucketsConsistent(db);
  });

  it('turns the import’s details rows into incomplete attempts (source 1), and only that import’s', () => {
    const db = tempCase();
    importRows(db, {
      details: [
        {
          user: 'a',
          time: '2025-06-01T08:00:00',
          userAction: 'Exceeded 30 minutes',
          action: 'KnoxActivation',
          platform: 'android',
        },
        { user: 'b', time: '2025-06-01T08:00:00', userAction: 'Cancel', action: 'EnrollmentWrapUp', screen: 'Given' },
        { user: 'c', time: '2025-06-01T08:00:00', userAction: 'Postpone' },
      ],
    });
    importRows(db, {
      details: [{ user: 'd', time: '2025-06-02T08:00:00', userAction: 'Ignore', action: 'iOSProfileLaunch' }],
    });
    const views = attemptViews(db).map(
      ({ user, start, end, action, screen, userAction, section, reached, source }) => ({
        user,
        start,
        end,
        action,
        screen,
        userAction,
        section,
        reached,
        source,
      }),
    );
    expect(views).toEqual([
      {
        user: 'a',
        start: '2025-06-01T08:00:00.000Z',
        end: '2025-06-01T08:00:00.000Z',
        action: 'KnoxActivation',
        screen: 'KLMS agent activation until Confirm',
        userAction: 'Exceeded 30 minutes',
        section: 'Platform Screens',
        reached: 0b11,
        source: 1,
      },
      {
        user: 'b',
        start: '2025-06-01T08:00:00.000Z',
        end: '2025-06-01T08:00:00.000Z',
        action: 'EnrollmentWrapUp',
        screen: 'Given',
        userAction: 'Cancel',
        section: 'Setup Checklist',
        reached: 0b1,
        source: 1,
      },
      {
        user: 'c',
        start: '2025-06-01T08:00:00.000Z',
        end: '2025-06-01T08:00:00.000Z',
        action: '(unknown)',
        screen: '',
        userAction: 'Postpone',
        section: null,
        reached: 0,
        source: 1,
      },
      {
        user: 'd',
        start: '2025-06-02T08:00:00.000Z',
        end: '2025-06-02T08:00:00.000Z',
        action: 'iOSProfileLaunch',
        screen: 'Prompt to show a configuration profile',
        userAction: 'Ignore',
        section: 'Platform Screens',
        reached: 0b11,
        source: 1,
      },
    ]);
    expect(setting(db, LATEST_DETAILS_KEY)).toBe(String(ms('2025-06-02T08:00:00')));
    expectBucketsConsistent(db);
  });

  it('a later import moves the latest time and turns an in-progress attempt of another group into Exceeded 30 minutes', () => {
    const db = tempCase();
    importRows(db, {
      events: [
        { user: 'a', time: '2025-06-01T08:00:00', event: 'start' },
        { user: 'a', time: '2025-06-01T08:05:00', event: 'step', action: 'DeviceCategory' },
        { user: 'b', time: '2025-06-01T08:20:00', event: 'start' },
      ],
    });
    expect(attemptViews(db).map((v) => v.outcome)).toEqual(['in progress', 'in progress']);
    expect(setting(db, LATEST_EVENT_KEY)).toBe(String(ms('2025-06-01T08:20:00')));

    // 08:35:00.001 is 30:00.001 after a's last event and exactly 15 minutes after b's.
    const { stats } = importRows(db, { events: [{ user: 'z', time: '2025-06-01T08:35:00.001', event: 'start' }] });
    expect(stats.mode).toBe('groups');
    const views = attemptViews(db);
    expect(views.map((v) => [v.user, v.outcome, v.userAction, v.action, v.screen])).toEqual([
      [
        'a',
        'incomplete',
        'Exceeded 30 minutes',
        'DeviceCategory',
        'Device Category selection (if admin configured) until click Done',
      ],
      ['b', 'in progress', null, null, null],
      ['z', 'in progress', null, null, null],
    ]);
    expect(views[0]!.end).toBe('2025-06-01T08:05:00.000Z');
    expect(setting(db, LATEST_EVENT_KEY)).toBe(String(ms('2025-06-01T08:35:00.001')));
    expectBucketsConsistent(db);
  });

  it('an import of events for an existing group merges with its old events', () => {
    const db = tempCase();
    importRows(db, {
      events: [
        { user: 'a', time: '2025-06-01T08:00:00', event: 'start' },
        { user: 'a', time: '2025-06-01T08:40:00', event: 'complete' },
      ],
    });
    // Alone, the two events are two attempts (a 40-minute gap).
    expect(attemptViews(db).map((v) => v.outcome)).toEqual(['incomplete', 'complete']);
    // An event in between closes the gap: one attempt, completed.
    importRows(db, { events: [{ user: 'a', time: '2025-06-01T08:20:00', event: 'step', action: 'TermsofUse' }] });
    expect(attemptViews(db).map((v) => [v.start, v.outcome])).toEqual([['2025-06-01T08:00:00.000Z', 'complete']]);
    expectBucketsConsistent(db);
  });

  it('ties across imports keep import order (seq)', () => {
    const db = tempCase();
    importRows(db, { events: [{ user: 'a', time: '2025-06-01T08:00:00', event: 'complete' }] });
    importRows(db, {
      events: [{ user: 'a', time: '2025-06-01T08:00:00', event: 'start', action: 'EnrollmentWrapUp' }],
    });
    // complete (import 1) first, then start opens a second attempt, still in progress.
    expect(
      attemptViews(db)
        .map((v) => v.outcome)
        .sort(),
    ).toEqual(['complete', 'in progress']);
  });

  it('incremental refreshes give the same attempts and buckets as a full rebuild', () => {
    const db = tempCase();
    const day = (h: number, m: number): string =>
      `2025-06-01T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
    const first: EventInput[] = [];
    const second: EventInput[] = [];
    for (let u = 0; u < 20; u++) {
      first.push({ user: `u${u}`, time: day(8, u), event: 'start', platform: u % 2 ? 'ios' : 'android' });
      first.push({
        user: `u${u}`,
        time: day(8, u + 5),
        event: 'step',
        action: 'EnrollmentWrapUp',
        platform: u % 2 ? 'ios' : 'android',
      });
      if (u % 3 === 0)
        second.push({ user: `u${u}`, time: day(8, u + 10), event: 'cancel', platform: u % 2 ? 'ios' : 'android' });
    }
    second.push({ user: 'late', time: day(12, 0), event: 'start' });
    importRows(db, { events: first });
    importRows(db, { events: second, details: [{ user: 'x', time: day(9, 0), userAction: 'Cancel' }] });
    const incremental = attemptViews(db);
    const incrementalBuckets = bucketsVersusAttempts(db).buckets;
    expectBucketsConsistent(db);
    expect(incremental.filter((v) => v.userAction === 'Cancel')).toHaveLength(8);
    expect(incremental.filter((v) => v.userAction === 'Exceeded 30 minutes')).toHaveLength(13);

    db.transaction(() => rebuildAllAttempts(db))();
    expect(attemptViews(db)).toEqual(incremental);
    expect(bucketsVersusAttempts(db).buckets).toEqual(incrementalBuckets);
  });

  it("'all' rebuilds everything, and a refresh touching most groups switches to it", () => {
    const db = tempCase();
    const { stats } = importRows(db, {
      mode: 'auto',
      events: [
        { user: 'a', time: '2025-06-01T08:00:00', event: 'start' },
        { user: 'b', time: '2025-06-01T09:00:00', event: 'start' },
      ],
    });
    expect(stats.mode).toBe('all');
    expect(stats.latestEventMs).toBe(ms('2025-06-01T09:00:00'));
    expect(attemptViews(db).map((v) => [v.user, v.outcome, v.userAction])).toEqual([
      ['a', 'incomplete', 'Exceeded 30 minutes'],
      ['b', 'in progress', null],
    ]);
    expectBucketsConsistent(db);
  });

  it('recomputes the latest event time when the setting is missing', () => {
    const db = tempCase();
    const importId = addImport(db);
    const groups = insertEvents(db, importId, [
      { user: 'a', time: '2025-06-01T08:00:00', event: 'start' },
      { user: 'b', time: '2025-06-01T09:00:00', event: 'start' },
    ]);
    refreshAttempts(db, { importId, eventGroups: groups });
    expect(setting(db, LATEST_EVENT_KEY)).toBe(String(ms('2025-06-01T09:00:00')));
    expect(attemptViews(db).map((v) => v.outcome)).toEqual(['incomplete', 'in progress']);
  });

  it('keeps the earliest event and details times (the event-log and data spans) across imports and rebuilds', () => {
    const db = tempCase();
    importRows(db, {
      events: [{ user: 'a', time: '2025-06-03T08:00:00', event: 'start' }],
      details: [{ user: 'd', time: '2025-06-04T08:00:00', userAction: 'Cancel' }],
    });
    expect(setting(db, EARLIEST_EVENT_KEY)).toBe(String(ms('2025-06-03T08:00:00')));
    expect(setting(db, EARLIEST_DETAILS_KEY)).toBe(String(ms('2025-06-04T08:00:00')));
    // A later import with earlier rows of another group moves both back; later rows do not.
    importRows(db, {
      events: [
        { user: 'b', time: '2025-06-01T07:00:00', event: 'start' },
        { user: 'c', time: '2025-06-09T07:00:00', event: 'start' },
      ],
      details: [{ user: 'e', time: '2025-06-02T08:00:00', userAction: 'Cancel' }],
    });
    expect(setting(db, EARLIEST_EVENT_KEY)).toBe(String(ms('2025-06-01T07:00:00')));
    expect(setting(db, EARLIEST_DETAILS_KEY)).toBe(String(ms('2025-06-02T08:00:00')));
    // A case written before these settings existed: the refresh scans once and stores them.
    db.prepare('DELETE FROM settings WHERE key IN (?, ?)').run(EARLIEST_EVENT_KEY, EARLIEST_DETAILS_KEY);
    importRows(db, { events: [{ user: 'f', time: '2025-06-05T07:00:00', event: 'start' }] });
    expect(setting(db, EARLIEST_EVENT_KEY)).toBe(String(ms('2025-06-01T07:00:00')));
    expect(setting(db, EARLIEST_DETAILS_KEY)).toBe(String(ms('2025-06-02T08:00:00')));
    db.prepare("UPDATE settings SET value = '0' WHERE key = ?").run(EARLIEST_EVENT_KEY);
    db.transaction(() => rebuildAllAttempts(db))();
    expect(setting(db, EARLIEST_EVENT_KEY)).toBe(String(ms('2025-06-01T07:00:00')));
    expect(setting(db, EARLIEST_DETAILS_KEY)).toBe(String(ms('2025-06-02T08:00:00')));
  });

  it('an empty import changes nothing', () => {
    const db = tempCase();
    importRows(db, { events: [{ user: 'a', time: '2025-06-01T08:00:00', event: 'complete' }] });
    const before = attemptViews(db);
    const { stats } = importRows(db, {});
    expect(stats).toMatchObject({ mode: 'groups', groups: 0, attempts: 0 });
    expect(attemptViews(db)).toEqual(before);
    expectBucketsConsistent(db);
  });
});
