/**
 * Attempts ended while an import streams its events (streamed-attempts.ts), kept as columns until
 * they are written in group order. Written as they end, attempts of all groups interleave: each
 * insert lands at a random place of `attempts_by_group`, and measured on the bench's 1M-event log
 * that cost ~3x the inserts of the full rebuild (which writes group after group) and ~20 MB more
 * resident memory (dirty index pages while the parse worker still runs). Sorted by (user,
 * platform), a buffer's worth goes in like the rebuild's; the buffer is bounded (ENDED_CAPACITY), so a
 * larger import writes several sorted runs.
 */
import type { AttemptWriter } from './attempt-writer';
import { OUTCOME, type Outcome } from './codes';
import type { SessionAttempt } from './sessionize';

/** Attempts buffered at most (42 bytes each, ~5.5 MB): the bench's 1M-event log ends ~108,000, written in one run. */
export const ENDED_CAPACITY = 1 << 17;

/** Platform codes are small (1 iOS, 2 Android): groups sort by user id * PLATFORM_SLOTS + platform. */
export const PLATFORM_SLOTS = 4;

/** One buffered attempt at a time, handed to AttemptWriter (it only reads the fields). */
class AttemptView implements SessionAttempt {
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

export class EndedAttempts {
  length = 0;
  private readonly capacity: number;
  private readonly user: Int32Array;
  private readonly platform: Uint8Array;
  /** The largest group key buffered (user id * PLATFORM_SLOTS + platform). */
  private maxKey = 0;
  private readonly startMs: Float64Array;
  private readonly endMs: Float64Array;
  private readonly lastEventMs: Float64Array;
  private readonly outcome: Uint8Array;
  private readonly action: Uint8Array;
  private readonly userAction: Uint8Array;
  private readonly reached: Uint8Array;
  private readonly screenId: Int32Array;
  private readonly deviceId: Int32Array;
  private readonly firstSeq: Float64Array;
  private readonly view = new AttemptView();

  constructor(capacity = ENDED_CAPACITY) {
    this.capacity = capacity;
    this.user = new Int32Array(capacity);
    this.platform = new Uint8Array(capacity);
    this.startMs = new Float64Array(capacity);
    this.endMs = new Float64Array(capacity);
    this.lastEventMs = new Float64Array(capacity);
    this.outcome = new Uint8Array(capacity);
    this.action = new Uint8Array(capacity);
    this.userAction = new Uint8Array(capacity);
    this.reached = new Uint8Array(capacity);
    this.screenId = new Int32Array(capacity);
    this.deviceId = new Int32Array(capacity);
    this.firstSeq = new Float64Array(capacity);
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
    this.user[i] = userId;
    this.platform[i] = platform;
    const key = userId * PLATFORM_SLOTS + platform;
    if (key > this.maxKey) this.maxKey = key;
    this.startMs[i] = a.startMs;
    this.endMs[i] = a.endMs;
    this.lastEventMs[i] = a.lastEventMs;
    this.outcome[i] = a.outcome;
    this.action[i] = a.action;
    this.userAction[i] = a.userAction;
    this.reached[i] = a.reachedMask;
    this.screenId[i] = a.screenId;
    this.deviceId[i] = a.deviceId;
    this.firstSeq[i] = a.firstSeq;
  }

  /**
   * Writes the buffered attempts in (user id, platform) order, each group's in the order they
   * ended (their start order), then empties the buffer. A stable counting sort: no comparisons.
   */
  writeSorted(writer: AttemptWriter): void {
    const n = this.length;
    const starts = new Int32Array(this.maxKey + 2);
    const key = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      key[i] = this.user[i]! * PLATFORM_SLOTS + this.platform[i]!;
      starts[key[i]! + 1]!++;
    }
    for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[starts[key[i]!]!++] = i;
    const view = this.view;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      view.startMs = this.startMs[i]!;
      view.endMs = this.endMs[i]!;
      view.lastEventMs = this.lastEventMs[i]!;
      view.outcome = this.outcome[i]! as Outcome;
      view.action = this.action[i]!;
      view.userAction = this.userAction[i]!;
      view.reachedMask = this.reached[i]!;
      view.screenId = this.screenId[i]!;
      view.deviceId = this.deviceId[i]!;
      view.firstSeq = this.firstSeq[i]!;
      writer.writeEventAttempt(this.user[i]!, this.platform[i]!, view);
    }
    this.length = 0;
    this.maxKey = 0;
  }
}
