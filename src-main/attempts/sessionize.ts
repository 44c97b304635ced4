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

/** Orders events the way spec 4 walks them: by time, ties in file order. Sorts in place. */
export function sortGroupEvents(events: GroupEvent[]): GroupEvent[] {
  return events.sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq);
}

/**
 * Walks one group's events (already ordered by time, then seq) and returns its attempts in start
 * order. `caseLatestMs` is the latest event time of the whole case (rule 8).
 */
export function sessionize(events: readonly GroupEvent[], caseLatestMs: number): SessionAttempt[] {
  const out: SessionAttempt[] = [];
  let open = false;
  let startMs = 0;
  let lastMs = 0;
  let action = 0;
  let positionScreen = 0;
  let reached = 0;
  let deviceId = 0;
  let firstSeq = 0;

  const attempt = (
    outcome: Outcome,
    userAction: number,
    endMs: number,
    screenId: number,
    mask: number,
  ): SessionAttempt => ({
    startMs,
    endMs,
    lastEventMs: lastMs,
    outcome,
    action,
    // An (unknown) attempt has no position, so no screen either.
    screenId: action === 0 ? 0 : screenId,
    userAction,
    reachedMask: mask,
    deviceId,
    firstSeq,
  });
  const close = (outcome: Outcome, userAction: number, endMs: number, screenId: number, mask: number): void => {
    out.push(attempt(outcome, userAction, endMs, screenId, mask));
    open = false;
  };

  for (const e of events) {
    if (open) {
      // Rule 2 (checked first: a `start` after a long gap is a timeout, not a restart).
      if (e.timeMs - lastMs > GAP_MS) close(OUTCOME.incomplete, UA_EXCEEDED, lastMs, positionScreen, reached);
      // Rule 3.
      else if (e.event === EV_START) close(OUTCOME.incomplete, UA_CLOSED_APP, lastMs, positionScreen, reached);
    }
    if (!open) {
      // Rule 1.
      open = true;
      startMs = e.timeMs;
      action = 0;
      positionScreen = 0;
      reached = 0;
      deviceId = 0;
      firstSeq = e.seq;
    }
    lastMs = e.timeMs;
    if (deviceId === 0) deviceId = e.deviceId;
    if (e.action !== 0) {
      // Rule 4, widened: every event that names an action name sets the position.
      action = e.action;
      positionScreen = e.screenId;
      reached |= REACHED_BY_ACTION[e.action] ?? 0;
    }
    const endingUserAction = ENDING_USER_ACTION[e.event] ?? 0;
    if (endingUserAction !== 0) {
      // Rules 5 and 6: at this event's action name, or the last one (already in `action`).
      close(OUTCOME.incomplete, endingUserAction, e.timeMs, e.screenId || positionScreen, reached);
    } else if (e.event === EV_COMPLETE) {
      // Rule 7: a completed attempt went through every section (spec 7).
      close(OUTCOME.complete, 0, e.timeMs, positionScreen, ALL_SECTIONS_MASK);
    }
  }

  if (open) {
    // Rule 8.
    out.push(endOfData(attempt(OUTCOME.inProgress, 0, lastMs, positionScreen, reached), caseLatestMs));
  }
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
