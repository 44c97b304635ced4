/**
 * The funnel over a range where some cells' initiated count is known and some is not (spec 5
 * revision 2, spec 7): an event log for two days, details rows after it, a summary row covering
 * one of those cells. Counts worked out by hand from the rows below.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeFunnel } from '../../../src-main/funnel/funnel';
import { mergeCells } from '../../../src-main/funnel/funnel-counts';
import { attemptFrom, importRows, removeTempCases, tempCase } from '../../helpers/case-builder';

afterEach(removeTempCases);

const MIN = 60_000;
const DAY = 86_400_000;

function mixedCase() {
  const db = tempCase();
  type Step = Parameters<ReturnType<typeof attemptFrom>>;
  const attempts: [string, 'ios' | 'android', string, Step[]][] = [
    // A completes; B cancels in Platform Screens after 4 minutes; C declines the terms after 6.
    [
      'a',
      'ios',
      '2025-06-01T09:00:00',
      [
        [0, 'start'],
        [1, 'step', 'PreEnrollmentWizard'],
        [2, 'step', 'iOSProfileLaunch'],
        [3, 'complete'],
      ],
    ],
    [
      'b',
      'android',
      '2025-06-01T10:00:00',
      [
        [0, 'start'],
        [1, 'step', 'AndroidPermissions'],
        [4, 'cancel'],
      ],
    ],
    [
      'c',
      'ios',
      '2025-06-02T08:00:00',
      [
        [0, 'start'],
        [2, 'step', 'TermsofUse'],
        [6, 'declineall'],
      ],
    ],
  ];
  importRows(db, {
    events: attempts.flatMap(([user, platform, start, steps]) => {
      const at = attemptFrom(user, platform, start);
      return steps.map((step) => at(...step));
    }),
  });
  // After the event log: 4 June has no summary (both cells unknown); on 5 June a summary covers iOS.
  importRows(db, {
    details: [
      { user: 'u1', platform: 'ios', time: '2025-06-04T09:00:00', userAction: 'Postpone', action: 'Compliance' },
      { user: 'u2', platform: 'ios', time: '2025-06-04T10:00:00', userAction: 'Cancel', action: 'TermsofUse' },
      { user: 'u3', platform: 'ios', time: '2025-06-04T11:00:00', userAction: 'Cancel', action: 'PreEnrollmentWizard' },
      {
        user: 'u4',
        platform: 'android',
        time: '2025-06-04T12:00:00',
        userAction: 'Cancel',
        action: 'AndroidPermissions',
      },
      { user: 'u5', platform: 'ios', time: '2025-06-05T09:00:00', userAction: 'Postpone', action: 'Compliance' },
      { user: 'u6', platform: 'ios', time: '2025-06-05T10:00:00', userAction: 'Ignore', action: 'iOSProfileLaunch' },
      { user: 'u7', platform: 'android', time: '2025-06-05T11:00:00', userAction: 'Cancel', action: 'KnoxActivation' },
    ],
    summaries: [{ day: '2025-06-05', platform: 'ios', initiated: 10, incomplete: 2 }],
  });
  return db;
}

describe('computeFunnel with known and unknown cells', () => {
  it('counts the attempts of known cells only, and the others apart', () => {
    const funnel = computeFunnel(mixedCase(), { from: '2025-06-01', to: '2025-06-05' });
    // Known: the event log's days (A, B, C) and iOS on 5 June (U5, U6; initiated 10 from the summary).
    expect(funnel.initiated).toBe(3 + 10);
    expect(funnel).toMatchObject({ attempts: 5, completed: 1, incomplete: 4, inProgress: 0, unclassified: 0 });
    expect(funnel.sections.map((s) => s.reached)).toEqual([5, 5, 3, 2]);
    expect(funnel.sections.map((s) => s.incomplete)).toEqual([0, 2, 1, 1]);
    // Platform Screens: U6 (a details row: 0 ms) and B (4 minutes); the lower middle value is the median.
    expect(funnel.sections[1]).toMatchObject({ medianMs: 0, p75Ms: 4 * MIN });
    expect(funnel.sections[2]).toMatchObject({ medianMs: 6 * MIN, p75Ms: 6 * MIN });
    expect(funnel.sections[3]).toMatchObject({ medianMs: 0, p75Ms: 0 });
    expect(funnel.sections[0]).toMatchObject({ medianMs: null, p75Ms: null });
    // U1-U4 on 4 June and U7 (Android, 5 June) lie in unknown cells.
    expect(funnel.caveatItems).toEqual([
      { kind: 'initiatedFromSummary', fromSummary: 8, initiated: 13 },
      { kind: 'attemptsOutside', count: 5 },
    ]);
  });

  it('one platform: its own cells', () => {
    const funnel = computeFunnel(mixedCase(), { from: '2025-06-01', to: '2025-06-05', platforms: ['Android'] });
    expect(funnel).toMatchObject({ initiated: 1, attempts: 1, completed: 0, incomplete: 1 });
    expect(funnel.sections.map((s) => s.incomplete)).toEqual([0, 1, 0, 0]);
    expect(funnel.caveatItems).toEqual([{ kind: 'attemptsOutside', count: 2 }]);
  });

  it('no known cell: every attempt is counted, none is left out', () => {
    const funnel = computeFunnel(mixedCase(), { from: '2025-06-04', to: '2025-06-04' });
    expect(funnel.initiated).toBeNull();
    expect(funnel).toMatchObject({ attempts: 4, incomplete: 4 });
    expect(funnel.sections.map((s) => s.incomplete)).toEqual([1, 1, 1, 1]);
    expect(funnel.caveatItems).toEqual([{ kind: 'initiatedUnknown' }]);
  });
});

describe('mergeCells', () => {
  it('joins adjacent days of a platform into one run, and keeps platforms and gaps apart', () => {
    const day = (n: number, code: number) => [n * DAY, (n + 1) * DAY, code] as const;
    expect(mergeCells([day(3, 1), day(1, 1), day(2, 1), day(5, 1), day(1, 2), day(2, 2)])).toEqual([
      [1 * DAY, 4 * DAY, 1],
      [5 * DAY, 6 * DAY, 1],
      [1 * DAY, 3 * DAY, 2],
    ]);
  });
});
