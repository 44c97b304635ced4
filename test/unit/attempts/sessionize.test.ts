/** Spec 4, rule by rule, on the pure walk of one group. */
import { describe, expect, it } from 'vitest';
import { sessionize, sortGroupEvents, type GroupEvent } from '../../../src-main/attempts/sessionize';
import { ALL_SECTIONS_MASK, OUTCOME } from '../../../src-main/attempts/codes';
import {
  actionCode,
  eventCode,
  userActionCode,
  type ActionName,
  type EventType,
} from '../../../src-main/shared/taxonomy';

const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const MIN = 60_000;
const HALF_HOUR = 30 * MIN;

let seq = 0;
/** An event `offset` ms after T0. */
function ev(offset: number, event: EventType, action?: ActionName, screenId = 0, deviceId = 0): GroupEvent {
  seq++;
  return {
    timeMs: T0 + offset,
    event: eventCode(event),
    action: action ? actionCode(action) : 0,
    screenId,
    deviceId,
    seq,
  };
}
const lastOf = (events: GroupEvent[]): number => events[events.length - 1]!.timeMs;
/** Walk with the case's latest event being the group's own last event. */
const walk = (events: GroupEvent[], caseLatestMs = lastOf(events)) => sessionize(events, caseLatestMs);

const UA = {
  cancel: userActionCode('Cancel'),
  postpone: userActionCode('Postpone'),
  ignore: userActionCode('Ignore'),
  decline: userActionCode('Decline All'),
  exceeded: userActionCode('Exceeded 30 minutes'),
  closed: userActionCode('Closed app'),
};

describe('sessionize (spec 4)', () => {
  it('rule 1: the first event opens an attempt that starts at its time', () => {
    const [a] = walk([ev(0, 'start'), ev(MIN, 'step', 'EnrollmentWrapUp'), ev(2 * MIN, 'complete')]);
    expect(a).toMatchObject({ startMs: T0, endMs: T0 + 2 * MIN, outcome: OUTCOME.complete, userAction: 0 });
  });

  it('rule 2: a gap of exactly 30:00.000 does not split the attempt', () => {
    const attempts = walk([ev(0, 'start'), ev(HALF_HOUR, 'step', 'DeviceCategory'), ev(HALF_HOUR + 1, 'complete')]);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.outcome).toBe(OUTCOME.complete);
  });

  it('rule 2: a gap of 30:00.001 ends the attempt as Exceeded 30 minutes at its last action; the event opens a new one', () => {
    const events = [
      ev(0, 'start'),
      ev(MIN, 'step', 'DeviceCategory', 7),
      ev(MIN + HALF_HOUR + 1, 'step', 'TermsofUse'),
    ];
    const [first, second] = walk(events, lastOf(events) + HALF_HOUR + 1);
    expect(first).toMatchObject({
      startMs: T0,
      endMs: T0 + MIN,
      lastEventMs: T0 + MIN,
      outcome: OUTCOME.incomplete,
      userAction: UA.exceeded,
      action: actionCode('DeviceCategory'),
      screenId: 7,
    });
    expect(second).toMatchObject({ startMs: T0 + MIN + HALF_HOUR + 1, action: actionCode('TermsofUse') });
  });

  it('rule 2: the gap is measured from the previous event of the attempt, not from its start', () => {
    const events = [
      ev(0, 'start'),
      ev(20 * MIN, 'step', 'EnrollmentWrapUp'),
      ev(45 * MIN, 'step', 'DeviceCategory'),
      ev(70 * MIN, 'complete'),
    ];
    const attempts = walk(events);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.outcome).toBe(OUTCOME.complete);
  });

  it('rule 2 before rule 3: a start after more than 30 minutes is a timeout, not Closed app', () => {
    const [first] = walk([ev(0, 'step', 'EnrollmentWrapUp'), ev(HALF_HOUR + 1, 'start')]);
    expect(first!.userAction).toBe(UA.exceeded);
  });

  it('rule 3: start while an attempt is open ends it as Closed app at its last action', () => {
    const attempts = walk([
      ev(0, 'start'),
      ev(MIN, 'step', 'iOSProfileLaunch', 3),
      ev(2 * MIN, 'start'),
      ev(3 * MIN, 'complete'),
    ]);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({
      outcome: OUTCOME.incomplete,
      userAction: UA.closed,
      action: actionCode('iOSProfileLaunch'),
      screenId: 3,
      endMs: T0 + MIN,
    });
    expect(attempts[1]).toMatchObject({ startMs: T0 + 2 * MIN, outcome: OUTCOME.complete });
  });

  it('rule 4: step moves the position; the last step before the end is where the attempt stands', () => {
    const [a] = walk([
      ev(0, 'start'),
      ev(MIN, 'step', 'EnrollmentWrapUp', 1),
      ev(2 * MIN, 'step', 'KnoxActivation', 2),
      ev(3 * MIN, 'cancel'),
    ]);
    expect(a).toMatchObject({ action: actionCode('KnoxActivation'), screenId: 2, userAction: UA.cancel });
  });

  it('rule 5: cancel, postpone, ignore, declineall end the attempt with their user action', () => {
    const cases: [EventType, number][] = [
      ['cancel', UA.cancel],
      ['postpone', UA.postpone],
      ['ignore', UA.ignore],
      ['declineall', UA.decline],
    ];
    for (const [event, userAction] of cases) {
      const [a] = walk([ev(0, 'start'), ev(MIN, event, 'TermsofUse')]);
      expect(a).toMatchObject({
        outcome: OUTCOME.incomplete,
        userAction,
        action: actionCode('TermsofUse'),
        endMs: T0 + MIN,
      });
    }
  });

  it('rule 5: an ending event with its own action name ends there, not at the last step', () => {
    const [a] = walk([ev(0, 'step', 'EnrollmentWrapUp', 4), ev(MIN, 'postpone', 'Compliance')]);
    expect(a).toMatchObject({ action: actionCode('Compliance'), screenId: 0, userAction: UA.postpone });
  });

  it('rule 5: cancel without an action name uses the last action name (and its screen)', () => {
    const [a] = walk([ev(0, 'start'), ev(MIN, 'step', 'AndroidPermissions', 9), ev(2 * MIN, 'cancel')]);
    expect(a).toMatchObject({ action: actionCode('AndroidPermissions'), screenId: 9, userAction: UA.cancel });
  });

  it('rule 6: appclosed ends the attempt as Closed app', () => {
    const [a] = walk([ev(0, 'start'), ev(MIN, 'step', 'PreEnrollmentWizard'), ev(2 * MIN, 'appclosed')]);
    expect(a).toMatchObject({
      outcome: OUTCOME.incomplete,
      userAction: UA.closed,
      action: actionCode('PreEnrollmentWizard'),
    });
  });

  it('rule 7: complete alone opens and completes an attempt, which reached every section', () => {
    const attempts = walk([ev(0, 'complete')]);
    expect(attempts).toEqual([
      {
        startMs: T0,
        endMs: T0,
        lastEventMs: T0,
        outcome: OUTCOME.complete,
        action: 0,
        screenId: 0,
        userAction: 0,
        reachedMask: ALL_SECTIONS_MASK,
        deviceId: 0,
        firstSeq: attempts[0]!.firstSeq,
      },
    ]);
  });

  it('rule 8: an open attempt is Exceeded 30 minutes when the case latest event is more than 30 minutes later', () => {
    const events = [ev(0, 'start'), ev(MIN, 'step', 'Activation')];
    const [a] = sessionize(events, T0 + MIN + HALF_HOUR + 1);
    expect(a).toMatchObject({
      outcome: OUTCOME.incomplete,
      userAction: UA.exceeded,
      action: actionCode('Activation'),
      endMs: T0 + MIN,
    });
  });

  it('rule 8: exactly 30 minutes behind the case latest event, the attempt stays in progress', () => {
    const events = [ev(0, 'start'), ev(MIN, 'step', 'Activation')];
    const [a] = sessionize(events, T0 + MIN + HALF_HOUR);
    expect(a).toMatchObject({ outcome: OUTCOME.inProgress, userAction: 0, endMs: T0 + MIN });
  });

  it('rule 8 is measured from the case, not the group: a quiet group stays in progress only if the case is quiet too', () => {
    const events = [ev(0, 'start')];
    expect(sessionize(events, T0)[0]!.outcome).toBe(OUTCOME.inProgress);
    expect(sessionize(events, T0 + 10 * HALF_HOUR)[0]!.outcome).toBe(OUTCOME.incomplete);
  });

  it('an attempt that ends before any action name is known is (unknown), without screen or sections', () => {
    const [a] = walk([ev(0, 'start', undefined, 5), ev(MIN, 'cancel', undefined, 6)]);
    expect(a).toMatchObject({ action: 0, screenId: 0, userAction: UA.cancel, reachedMask: 0 });
  });

  it('screen: the ending event’s own screen wins over the position’s', () => {
    const [a] = walk([ev(0, 'step', 'iOSProfileLaunch', 1), ev(MIN, 'cancel', undefined, 2)]);
    expect(a).toMatchObject({ action: actionCode('iOSProfileLaunch'), screenId: 2 });
  });

  it('screen: an event naming an action without a screen clears the position screen (the catalog applies later)', () => {
    const [a] = walk([
      ev(0, 'step', 'iOSProfileLaunch', 1),
      ev(MIN, 'step', 'iOSProfileLaunch'),
      ev(2 * MIN, 'ignore'),
    ]);
    expect(a).toMatchObject({ screenId: 0, userAction: UA.ignore });
  });

  it('any event that names an action name sets the position, not only step', () => {
    const [a] = walk([ev(0, 'start', 'EnrollmentWrapUp', 8), ev(MIN, 'appclosed')]);
    expect(a).toMatchObject({ action: actionCode('EnrollmentWrapUp'), screenId: 8 });
  });

  it('reached: an action of section i marks sections 0..i; completion marks all', () => {
    const [a] = walk([ev(0, 'step', 'TermsofUse'), ev(MIN, 'step', 'EnrollmentWrapUp'), ev(2 * MIN, 'cancel')]);
    expect(a!.reachedMask).toBe(0b0111);
    const [b] = walk([ev(0, 'step', 'iOSProfileLaunch'), ev(MIN, 'complete')]);
    expect(b!.reachedMask).toBe(ALL_SECTIONS_MASK);
  });

  it('device: the first non-zero device of the attempt; firstSeq: its first event', () => {
    const events = [
      ev(0, 'start'),
      ev(MIN, 'step', 'EnrollmentWrapUp', 0, 4),
      ev(2 * MIN, 'step', 'DeviceCategory', 0, 5),
    ];
    const [a] = walk(events);
    expect(a).toMatchObject({ deviceId: 4, firstSeq: events[0]!.seq });
  });

  it('ties keep file order: equal times are walked by seq', () => {
    const complete: GroupEvent = {
      timeMs: T0 + MIN,
      event: eventCode('complete'),
      action: 0,
      screenId: 0,
      deviceId: 0,
      seq: 10,
    };
    const cancel: GroupEvent = {
      timeMs: T0 + MIN,
      event: eventCode('cancel'),
      action: 0,
      screenId: 0,
      deviceId: 0,
      seq: 11,
    };
    const start: GroupEvent = {
      timeMs: T0,
      event: eventCode('start'),
      action: actionCode('EnrollmentWrapUp'),
      screenId: 0,
      deviceId: 0,
      seq: 12,
    };
    const attempts = sessionize(sortGroupEvents([cancel, start, complete]), T0 + MIN);
    // complete (seq 10) comes before cancel (seq 11): the first attempt completes, cancel opens
    // and immediately ends a second one.
    expect(attempts.map((a) => a.outcome)).toEqual([OUTCOME.complete, OUTCOME.incomplete]);
    expect(attempts[1]).toMatchObject({ startMs: T0 + MIN, action: 0, userAction: UA.cancel });
  });

  it('an ending event with no open attempt opens and ends one on its own', () => {
    const attempts = walk([ev(0, 'complete'), ev(MIN, 'postpone', 'Compliance')]);
    expect(attempts.map((a) => [a.outcome, a.startMs, a.endMs])).toEqual([
      [OUTCOME.complete, T0, T0],
      [OUTCOME.incomplete, T0 + MIN, T0 + MIN],
    ]);
  });

  it('no events, no attempts', () => {
    expect(sessionize([], T0)).toEqual([]);
  });
});

describe('sessionize: the readings of revision 2 (spec 4, last paragraphs)', () => {
  it('a start that names an action name puts the attempt it opens there, with its own screen', () => {
    const [a] = walk([ev(0, 'start', 'PreEnrollmentWizard', 3), ev(MIN, 'postpone')]);
    expect(a).toMatchObject({ action: actionCode('PreEnrollmentWizard'), screenId: 3, userAction: UA.postpone });
  });

  it('a start within 30 minutes ends the open attempt at ITS last action; the start’s action goes to the new one', () => {
    const [first, second] = walk([
      ev(0, 'step', 'DeviceCategory', 4),
      ev(MIN, 'start', 'TermsofUse', 9),
      ev(2 * MIN, 'declineall'),
    ]);
    expect(first).toMatchObject({ action: actionCode('DeviceCategory'), screenId: 4, userAction: UA.closed });
    expect(second).toMatchObject({ action: actionCode('TermsofUse'), screenId: 9, userAction: UA.decline });
  });

  it('a halt that names an action name and a screen ends there, with that screen', () => {
    const [a] = walk([ev(0, 'step', 'iOSProfileLaunch', 1), ev(MIN, 'cancel', 'KnoxActivation', 2)]);
    expect(a).toMatchObject({ action: actionCode('KnoxActivation'), screenId: 2, userAction: UA.cancel });
  });

  it('a halt that names an action name but no screen has no screen (the catalog’s applies), even at the same action', () => {
    const [a] = walk([ev(0, 'step', 'iOSProfileLaunch', 1), ev(MIN, 'cancel', 'iOSProfileLaunch')]);
    expect(a).toMatchObject({ action: actionCode('iOSProfileLaunch'), screenId: 0, userAction: UA.cancel });
  });

  it('a halt without an action name ends at the last action name and that step’s screen', () => {
    const [a] = walk([
      ev(0, 'step', 'AndroidPermissions', 5),
      ev(MIN, 'step', 'KnoxActivation', 6),
      ev(2 * MIN, 'appclosed'),
    ]);
    expect(a).toMatchObject({ action: actionCode('KnoxActivation'), screenId: 6, userAction: UA.closed });
  });

  it('a halt without an action name but with a screen of its own ends at the last action with its own screen', () => {
    const [a] = walk([ev(0, 'step', 'AndroidPermissions', 5), ev(MIN, 'ignore', undefined, 11)]);
    expect(a).toMatchObject({ action: actionCode('AndroidPermissions'), screenId: 11, userAction: UA.ignore });
  });

  it('appclosed that names an action name ends there (Closed app)', () => {
    const [a] = walk([ev(0, 'step', 'DeviceCategory', 5), ev(MIN, 'appclosed', 'Compliance', 12)]);
    expect(a).toMatchObject({ action: actionCode('Compliance'), screenId: 12, userAction: UA.closed });
  });

  it('a timeout ends at the action name and screen of the attempt’s last event that named one', () => {
    const [a] = walk([
      ev(0, 'step', 'EnrollmentWrapUp', 3),
      ev(MIN, 'step', 'Activation'),
      ev(MIN + HALF_HOUR + 1, 'start'),
    ]);
    expect(a).toMatchObject({ action: actionCode('Activation'), screenId: 0, userAction: UA.exceeded });
  });
});
