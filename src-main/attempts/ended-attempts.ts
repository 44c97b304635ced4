/**
 * Attempts ended while an import streams its events (streamed-attempts.ts), kept as columns until
 * they are written in group order. Written as they end, attempts of all groups interleave: each
 * insert lands at a random place of `attempts_by_group`, and measured on the bench's 1M-event log
 * that cost ~3x the inserts of the full rebuild (which writes group after group) and ~20 MB more
 * resident memory (dirty index pages while the parse worker still runs). Sorted by (user,
 * platform), a buffer's worth goes in like the rebuild's; the buffer is bounded (ENDED_CAPACITY), so a
 * larger import writes several sorted runs.
 */
import { OUTCOME, type Outcome } from './codes';
import type { SessionAttempt } from './sessionize';

/** Attempts buffered at most (42 bytes each, ~5.5 MB): the bench's 1M-event log ends ~108,000, written in one run. */
export const ENDED_CAPACITY = 1 << 17;

/** Platform codes are small (1 iOS, 2 Android): groups sort by user id * PLATFORM_SLOTS + platform. */
export const PLATFORM_SLOTS = 4;

/** Where ended attempts go, a sorted run at a time (the case's AttemptWriter, or a run for the storing thread). */
export interface EndedSink {
  writeEventAttempt(userId: number, platform: number, a: SessionAttempt): void;
}

/** One buffered attempt at a time, handed to a sink (it only reads the fields). */
export class AttemptView implements SessionAttempt {
  startMs = 0;
  endMs = 0;
  lastEventMs = 0;
  outcome: Outcome = OUTCOME.inProgress;
  action = 0;
  screenId = 0;
  userAction = 0;
  reachedMask = 0;
  deviceId = 0;
  firstSeq = 0;
}

/** Ended attempts as columns: a buffer's, or a run the parse worker posts (typed arrays, transferred). */
export interface EndedColumns {
  readonly count: number;
  readonly user: Int32Array;
  readonly platform: Uint8Array;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  readonly lastEventMs: Float64Array;
  readonly outcome: Uint8Array;
  readonly action: Uint8Array;
  readonly userAction: Uint8Array;
  readonly reached: Uint8Array;
  readonly screenId: Int32Array;
  readonly deviceId: Int32Array;
  readonly firstSeq: Float64Array;
}

/** Empty columns for `capacity` attempts. */
export const endedColumns = (capacity: number): Omit<EndedColumns, 'count'> => ({
  user: new Int32Array(capacity),
  platform: new Uint8Array(capacity),
  startMs: new Float64Array(capacity),
  endMs: new Float64Array(capacity),
  lastEventMs: new Float64Array(capacity),
  outcome: new Uint8Array(capacity),
  action: new Uint8Array(capacity),
  userAction: new Uint8Array(capacity),
  reached: new Uint8Array(capacity),
  screenId: new Int32Array(capacity),
  deviceId: new Int32Array(capacity),
  firstSeq: new Float64Array(capacity),
});

/** Attempt `i` of `c` into `view` (its user and platform are the caller's to read). */
function load(c: Omit<EndedColumns, 'count'>, i: number, view: AttemptView): void {
  view.startMs = c.startMs[i]!;
  view.endMs = c.endMs[i]!;
  view.lastEventMs = c.lastEventMs[i]!;
  view.outcome = c.outcome[i]! as Outcome;
  view.action = c.action[i]!;
  view.userAction = c.userAction[i]!;
  view.reachedMask = c.reached[i]!;
  view.screenId = c.screenId[i]!;
  view.deviceId = c.deviceId[i]!;
  view.firstSeq = c.firstSeq[i]!;
}

/** Each attempt of a run in its order, through one reused view (`visit` may change its fields). */
export function forEachEnded(
  run: EndedColumns,
  visit: (userId: number, platform: number, attempt: AttemptView) => void,
): void {
  const view = new AttemptView();
  for (let i = 0; i < run.count; i++) {
    load(run, i, view);
    visit(run.user[i]!, run.platform[i]!, view);
  }
}

export class EndedAttempts implements EndedSink {
  length = 0;
  private readonly capacity: number;
  private c: Omit<EndedColumns, 'count'>;
  /** The largest group key buffered (user id * PLATFORM_SLOTS + platform). */
  private maxKey = 0;
  private readonly view = new AttemptView();

  constructor(capacity = ENDED_CAPACITY) {
    this.capacity = capacity;
    this.c = endedColumns(capacity);
  }

  get full(): boolean {
    return this.length === this.capacity;
  }

  /**
   * Adds an attempt of a group. Ids and codes must fit the columns (user, screen and device ids
   * below 2^31, platform below PLATFORM_SLOTS): StreamedAttempts walks no other group.
   */
  push(userId: number, platform: number, a: SessionAttempt): void {
    const i = this.length++;
    const c = this.c;
    c.user[i] = userId;
    c.platform[i] = platform;
    const key = userId * PLATFORM_SLOTS + platform;
    if (key > this.maxKey) this.maxKey = key;
    c.startMs[i] = a.startMs;
    c.endMs[i] = a.endMs;
    c.lastEventMs[i] = a.lastEventMs;
    c.outcome[i] = a.outcome;
    c.action[i] = a.action;
    c.userAction[i] = a.userAction;
    c.reached[i] = a.reachedMask;
    c.screenId[i] = a.screenId;
    c.deviceId[i] = a.deviceId;
    c.firstSeq[i] = a.firstSeq;
  }

  /** As a sink: another buffer's sorted run is kept in its order (the parse worker's run to post). */
  writeEventAttempt(userId: number, platform: number, a: SessionAttempt): void {
    this.push(userId, platform, a);
  }

  /**
   * The buffered attempts, in the order pushed, as the buffer's own columns (the first `count`
   * entries count); the buffer goes on empty in `next` (columns of the same capacity).
   */
  swap(next: Omit<EndedColumns, 'count'>): EndedColumns {
    const run: EndedColumns = { count: this.length, ...this.c };
    this.c = next;
    this.length = 0;
    this.maxKey = 0;
    return run;
  }

  /**
   * Writes the buffered attempts in (user id, platform) order, each group's in the order they
   * ended (their start order), then empties the buffer. A stable counting sort: no comparisons.
   */
  writeSorted(writer: EndedSink): void {
    const n = this.length;
    const c = this.c;
    const starts = new Int32Array(this.maxKey + 2);
    const key = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      key[i] = c.user[i]! * PLATFORM_SLOTS + c.platform[i]!;
      starts[key[i]! + 1]!++;
    }
    for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[starts[key[i]!]!++] = i;
    const view = this.view;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      load(c, i, view);
      writer.writeEventAttempt(c.user[i]!, c.platform[i]!, view);
    }
    this.length = 0;
    this.maxKey = 0;
  }
}
