/**
 * Spec section 4: one (user, platform) group's events → its attempts. Pure: no I/O, no clock.
 *
 * Decisions where the spec is loose (also in docs):
 * - Any event that names an action name moves the attempt's position (action and screen), not
 *   only `step`: a `start` or `cancel` at EnrollmentWrapUp says where the user is.
 * - An ending event without an action name keeps the last position (rules 5 and 6).
 * - The screen of an incomplete attempt is the ending event's own screen when it has one, else the
 *   screen of the event that set the position (0 when that event had none; the combo builder then
 *   falls back to the catalog screen). Gap and restart endings have no ending event of their own.
 * - An attempt that ends before any action name is known is `(unknown)` with screen 0.
 * - endMs: the ending event's time for explicit endings and `complete`; the attempt's last event
 *   time for Exceeded 30 minutes (gap or end of data), for a restart (the `start` belongs to the
 *   next attempt) and for an attempt still in progress.
 */
import {
  ALL_SECTIONS_MASK,
  ENDING_USER_ACTION,
  EV_COMPLETE,
  EV_START,
  GAP_MS,
  OUTCOME,
  REACHED_BY_ACTION,
  UA_CLOSED_APP,
  UA_EXCEEDED,
  type Outcome,
} from './codes';

/** One event of a group, as stored in `events` (codes: see taxonomy). */
export interface GroupEvent {
  readonly timeMs: number;
  /** Event code 1..8. */
  readonly event: number;
  /** Action code, 0 = none. */
  readonly action: number;
  /** screens.id, 0 = none. */
  readonly screenId: number;
  /** devices.id, 0 = none. */
  readonly deviceId: number;
  /** File order: import_id * 2^32 + line. */
  readonly seq: number;
}

export interface SessionAttempt {
  readonly startMs: number;
  readonly endMs: number;
  readonly lastEventMs: number;
  readonly outcome: Outcome;
  /** Action code where the attempt ended (or stands), 0 = unknown. */
  readonly action: number;
  /** screens.id of the resolved screen, 0 = none (the catalog screen applies, see file comment). */
  readonly screenId: number;
  /** User action code 1..6 for incomplete attempts, else 0. */
  readonly userAction: number;
  /** Bit i: section i of SECTIONS reached (spec 7). */
  readonly reachedMask: number;
  /** First non-zero device id of the attempt's events, 0 = none. */
  readonly deviceId: number;
  /** seq of the attempt's first event. */
  readonly firstSeq: number;
}

/**
 * A group's events as parallel columns (index i = the i-th event in spec order). The bulk reader
 * fills reused typed arrays instead of allocating an object per event.
 */
export interface EventColumns {
  readonly length: number;
  readonly timeMs: ArrayLike<number>;
  readonly event: ArrayLike<number>;
  readonly action: ArrayLike<number>;
  readonly screenId: ArrayLike<number>;
  readonly deviceId: ArrayLike<number>;
  readonly seq: ArrayLike<number>;
}

/** Orders events the way spec 4 walks them: by time, ties in file order. Sorts in place. */
export function sortGroupEvents(events: GroupEvent[]): GroupEvent[] {
  return events.sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq);
}

/**
 * Walks one group's events (already ordered by time, then seq) and returns its attempts in start
 * order. `caseLatestMs` is the latest event time of the whole case (rule 8).
 */
export function sessionize(events: readonly GroupEvent[], caseLatestMs: number): SessionAttempt[] {
  return sessionizeColumns(
    {
      length: events.length,
      timeMs: events.map((e) => e.timeMs),
      event: events.map((e) => e.event),
      action: events.map((e) => e.action),
      screenId: events.map((e) => e.screenId),
      deviceId: events.map((e) => e.deviceId),
      seq: events.map((e) => e.seq),
    },
    caseLatestMs,
  );
}

/** The state of a group's walk: its open attempt, if any (a streaming walk keeps one per group). */
export class OpenAttempt {
  /** Whether an attempt is open (the fields below describe it). */
  isOpen = false;
  startMs = 0;
  /** The time of the group's last event walked, open or not. */
  lastMs = 0;
  action = 0;
  positionScreen = 0;
  reached = 0;
  deviceId = 0;
  firstSeq = 0;

  open(timeMs: number, seq: number): void {
    this.isOpen = true;
    this.startMs = timeMs;
    this.action = 0;
    this.positionScreen = 0;
    this.reached = 0;
    this.deviceId = 0;
    this.firstSeq = seq;
  }

  close(outcome: Outcome, userAction: number, endMs: number, screenId: number, mask: number): SessionAttempt {
    this.isOpen = false;
    return {
      startMs: this.startMs,
      endMs,
      lastEventMs: this.lastMs,
      outcome,
      action: this.action,
      // An (unknown) attempt has no position, so no screen either.
      screenId: this.action === 0 ? 0 : screenId,
      userAction,
      reachedMask: mask,
      deviceId: this.deviceId,
      firstSeq: this.firstSeq,
    };
  }
}

/**
 * Spec 4's rules 1-7 for one event of a group, walked in spec order: the attempts it ends (none,
 * one, or two: a long gap and an ending event) are pushed to `out`.
 */
export function walkEvent(
  a: OpenAttempt,
  timeMs: number,
  event: number,
  eventAction: number,
  screenId: number,
  deviceId: number,
  seq: number,
  out: SessionAttempt[],
): void {
  if (a.isOpen) {
    if (timeMs - a.lastMs > GAP_MS) {
      // Rule 2 (checked first: a `start` after a long gap is a timeout, not a restart).
      out.push(a.close(OUTCOME.incomplete, UA_EXCEEDED, a.lastMs, a.positionScreen, a.reached));
    } else if (event === EV_START) {
      // Rule 3.
      out.push(a.close(OUTCOME.incomplete, UA_CLOSED_APP, a.lastMs, a.positionScreen, a.reached));
    }
  }
  // Rule 1.
  if (!a.isOpen) a.open(timeMs, seq);
  a.lastMs = timeMs;
  if (a.deviceId === 0) a.deviceId = deviceId;
  if (eventAction !== 0) {
    // Rule 4, widened: every event that names an action name sets the position.
    a.action = eventAction;
    a.positionScreen = screenId;
    a.reached |= REACHED_BY_ACTION[eventAction] ?? 0;
  }
  const endingUserAction = ENDING_USER_ACTION[event] ?? 0;
  if (endingUserAction !== 0) {
    // Rules 5 and 6: at this event's action name, or the last one (already in a.action).
    out.push(a.close(OUTCOME.incomplete, endingUserAction, timeMs, screenId || a.positionScreen, a.reached));
  } else if (event === EV_COMPLETE) {
    // Rule 7: a completed attempt went through every section (spec 7).
    out.push(a.close(OUTCOME.complete, 0, timeMs, a.positionScreen, ALL_SECTIONS_MASK));
  }
}

/** Rule 8 for the attempt a group's walk left open (undefined when none is). */
export function closeAtEndOfData(a: OpenAttempt, caseLatestMs: number): SessionAttempt | undefined {
  if (!a.isOpen) return undefined;
  return endOfData(a.close(OUTCOME.inProgress, 0, a.lastMs, a.positionScreen, a.reached), caseLatestMs);
}

/** sessionize over columns: the same walk, used by the bulk reader. */
export function sessionizeColumns(events: EventColumns, caseLatestMs: number): SessionAttempt[] {
  const out: SessionAttempt[] = [];
  const a = new OpenAttempt();
  const { timeMs, event, action, screenId, deviceId, seq } = events;
  for (let i = 0; i < events.length; i++) {
    walkEvent(a, timeMs[i]!, event[i]!, action[i]!, screenId[i]!, deviceId[i]!, seq[i]!, out);
  }
  const last = closeAtEndOfData(a, caseLatestMs);
  if (last) out.push(last);
  return out;
}

/**
 * Rule 8 for a group's last attempt when it is still open: Exceeded 30 minutes when the case's
 * latest event is strictly more than 30 minutes after its last event, else still in progress.
 * Exported so a full rebuild can sessionize before it knows the case's latest time (pass
 * -Infinity to sessionize) and settle the open attempts afterwards.
 */
export function endOfData(attempt: SessionAttempt, caseLatestMs: number): SessionAttempt {
  if (attempt.outcome !== OUTCOME.inProgress || !(caseLatestMs - attempt.lastEventMs > GAP_MS)) return attempt;
  return {
    ...attempt,
    outcome: OUTCOME.incomplete,
    userAction: UA_EXCEEDED,
    endMs: attempt.lastEventMs,
  };
}
