/**
 * The walk of each (user, platform) group's events as they come, for the attempts of an import
 * into a case without events (streamed-attempts.ts in the storing thread, by case ids;
 * workers/walk-in-worker.ts in the parse worker, by string codes).
 *
 * A log exported in time order gives each group its rows in time order, mixed with other groups'
 * rows. Walking each group as its rows come (one open attempt per group) builds the same attempts
 * as the full rebuild after the store, without reading or regrouping the events: what is left
 * after the last row is settling each group's open attempt (rule 8, once the latest time is known).
 * A group whose rows go back in time, or one group too many, gives the walk up.
 */
import { EndedAttempts, PLATFORM_SLOTS, type EndedSink } from './ended-attempts';
import { closeAtEndOfData, OpenAttempt, walkEvent, type SessionAttempt } from './sessionize';

/**
 * Groups walked at most (45 bytes each: ~3 MB at the limit); a log with more is rebuilt after the
 * store. The bench's 1M-event log has 26,719; 1M one-event users walked to 262,144 groups took
 * ~14 MB more peak memory before giving up.
 */
export const GROUPS_WALKED = 1 << 16;

/** User ids past this are not walked (ids are handed out from 1 up in a case without events). */
const MAX_USER_ID = 2 ** 28;
/** Screen and device ids are buffered in 32 bits (ended-attempts.ts; a larger one gives the walk up). */
const MAX_ID = 2 ** 31 - 1;

/** Fields of a group's walk state in its row: times and seq as doubles (GroupStates.rows)... */
const START = 0;
const LAST = 1;
const FIRST_SEQ = 2;
/** ...ids and codes as 32-bit integers after them (GroupStates.ints, the same memory). */
const SCREEN = 6;
const DEVICE = 7;
/** The action code * 2 + 1 when an attempt is open. */
const ACTION_OPEN = 8;
const REACHED = 9;
/** A row's doubles: 40 bytes (twice as many 32-bit integers). */
const STRIDE = 5;

/** Groups per block of GroupStates (~370 KB). */
const BLOCK_BITS = 13;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;

/** One block's rows (doubles, and the same memory as 32-bit integers) and each group's user and platform. */
class StateBlock {
  readonly rows = new Float64Array(BLOCK * STRIDE);
  readonly ints = new Int32Array(this.rows.buffer);
  readonly user = new Int32Array(BLOCK);
  readonly platform = new Uint8Array(BLOCK);
}

/**
 * Each group's walk state (an OpenAttempt's fields) as one row of 40 bytes: one cache line per
 * event walked. As objects they took ~90 bytes of heap a group (a 5M-event log has ~150,000
 * groups); as separate columns, 10 cache misses an event (the walk cost 3x more). Rows are kept
 * in blocks added as groups come: an array grown by doubling took ~17 MB at that size (64-byte
 * rows), and every copy it left behind stayed until a full garbage collection.
 */
class GroupStates {
  private readonly blocks: StateBlock[] = [];

  /** Makes room for group `g` (groups come 0, 1, 2...). */
  add(g: number): void {
    if (g >> BLOCK_BITS === this.blocks.length) this.blocks.push(new StateBlock());
  }

  load(g: number, into: OpenAttempt): void {
    const block = this.blocks[g >> BLOCK_BITS]!;
    const rows = block.rows;
    const ints = block.ints;
    const at = (g & IN_BLOCK) * STRIDE;
    const i = at * 2;
    into.startMs = rows[at + START]!;
    into.lastMs = rows[at + LAST]!;
    into.firstSeq = rows[at + FIRST_SEQ]!;
    into.positionScreen = ints[i + SCREEN]!;
    into.deviceId = ints[i + DEVICE]!;
    const actionOpen = ints[i + ACTION_OPEN]!;
    into.action = actionOpen >> 1;
    into.isOpen = (actionOpen & 1) === 1;
    into.reached = ints[i + REACHED]!;
  }

  store(g: number, from: OpenAttempt): void {
    const block = this.blocks[g >> BLOCK_BITS]!;
    const rows = block.rows;
    const ints = block.ints;
    const at = (g & IN_BLOCK) * STRIDE;
    const i = at * 2;
    rows[at + START] = from.startMs;
    rows[at + LAST] = from.lastMs;
    rows[at + FIRST_SEQ] = from.firstSeq;
    ints[i + SCREEN] = from.positionScreen;
    ints[i + DEVICE] = from.deviceId;
    ints[i + ACTION_OPEN] = from.action * 2 + (from.isOpen ? 1 : 0);
    ints[i + REACHED] = from.reached;
  }

  lastOf(g: number): number {
    return this.blocks[g >> BLOCK_BITS]!.rows[(g & IN_BLOCK) * STRIDE + LAST]!;
  }

  userOf(g: number): number {
    return this.blocks[g >> BLOCK_BITS]!.user[g & IN_BLOCK]!;
  }

  platformOf(g: number): number {
    return this.blocks[g >> BLOCK_BITS]!.platform[g & IN_BLOCK]!;
  }

  startGroup(g: number, userId: number, platform: number): void {
    const block = this.blocks[g >> BLOCK_BITS]!;
    block.user[g & IN_BLOCK] = userId;
    block.platform[g & IN_BLOCK] = platform;
    // No earlier event bounds the group's first one.
    block.rows[(g & IN_BLOCK) * STRIDE + LAST] = -Infinity;
  }
}

/** The walk, whatever holds the ids (case ids, or a parse worker's string codes). */
export class GroupWalk<S extends EndedSink> {
  /** The walk was given up: the caller rebuilds the attempts after the store. */
  abandoned = false;
  /** The latest and earliest event times walked. */
  latestMs = -Infinity;
  earliestMs = Infinity;
  protected sink: S | undefined;
  /** Each group's walk, in the order groups first appeared. */
  private states = new GroupStates();
  private groups = 0;
  /** The walk of the group at hand (loaded from and stored back to `states`). */
  private readonly at = new OpenAttempt();
  /** Group index + 1 by user id * PLATFORM_SLOTS + platform (0: not seen yet). */
  private slots = new Int32Array(4096);
  /** Attempts ended by the event just walked. */
  private readonly ended: SessionAttempt[] = [];
  /** Attempts ended so far, not yet written (written in group order: ended-attempts.ts). */
  private buffer: EndedAttempts | undefined;
  private readonly groupsWalked: number;

  constructor(
    sink: S,
    /** Tests reach the limits with small ones. */
    limits: { readonly groups?: number; readonly ended?: number } = {},
  ) {
    this.sink = sink;
    this.buffer = new EndedAttempts(limits.ended);
    this.groupsWalked = limits.groups ?? GROUPS_WALKED;
  }

  /** Events walked so far. */
  walked = 0;

  /** Groups walked so far. */
  get groupCount(): number {
    return this.groups;
  }

  /** Whether the walk holds every stored event's attempts (call after the store). */
  get usable(): boolean {
    return !this.abandoned && this.sink !== undefined;
  }

  /** One stored event, in the order stored. */
  add(
    userId: number,
    platform: number,
    timeMs: number,
    event: number,
    action: number,
    screenId: number,
    deviceId: number,
    seq: number,
  ): void {
    if (this.abandoned) return;
    const g = this.groupOf(userId, platform);
    if (g < 0 || screenId > MAX_ID || deviceId > MAX_ID) return this.abandon();
    const states = this.states;
    // Spec order is (time, seq) and rows come in seq order: a group's rows must not go back in time.
    if (timeMs < states.lastOf(g)) return this.abandon();
    if (timeMs > this.latestMs) this.latestMs = timeMs;
    if (timeMs < this.earliestMs) this.earliestMs = timeMs;
    this.walked++;
    const a = this.at;
    const ended = this.ended;
    states.load(g, a);
    walkEvent(a, timeMs, event, action, screenId, deviceId, seq, ended);
    states.store(g, a);
    if (ended.length === 0) return;
    const buffer = this.buffer!;
    for (const attempt of ended) {
      if (buffer.full) buffer.writeSorted(this.sink!);
      buffer.push(userId, platform, attempt);
    }
    ended.length = 0;
  }

  /** The group's index in `states` (added when new), or -1 when it cannot be walked. */
  private groupOf(userId: number, platform: number): number {
    if (!(userId >= 0 && userId < MAX_USER_ID && platform >= 0 && platform < PLATFORM_SLOTS)) return -1;
    const slot = userId * PLATFORM_SLOTS + platform;
    if (slot >= this.slots.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.slots.length * 2));
      grown.set(this.slots);
      this.slots = grown;
    }
    const index = this.slots[slot]!;
    if (index !== 0) return index - 1;
    if (this.groups === this.groupsWalked) return -1;
    const g = this.groups++;
    const states = this.states;
    states.add(g);
    states.startGroup(g, userId, platform);
    this.slots[slot] = g + 1;
    return g;
  }

  /** Gives the walk up: its memory dropped, what it wrote discarded (`discard`). Safe to call more than once. */
  abandon(): void {
    if (this.abandoned) return;
    this.abandoned = true;
    this.sink = undefined;
    this.dropState();
    this.discard();
  }

  /** What the walk wrote so far is thrown away (the sink's owner knows how). */
  protected discard(): void {}

  /**
   * After the last event: each group's open attempt settled against `latestMs` (rule 8: the
   * latest time walked) and written. Returns the sink, which took every attempt of the walk.
   */
  settle(): S {
    const sink = this.sink;
    if (this.abandoned || sink === undefined) throw new Error('the streamed attempts were given up');
    const { states, at } = this;
    const buffer = this.buffer!;
    for (let g = 0; g < this.groups; g++) {
      states.load(g, at);
      const last = closeAtEndOfData(at, this.latestMs);
      if (!last) continue;
      if (buffer.full) buffer.writeSorted(sink);
      buffer.push(states.userOf(g), states.platformOf(g), last);
    }
    buffer.writeSorted(sink);
    this.sink = undefined;
    this.dropState();
    return sink;
  }

  private dropState(): void {
    this.buffer = undefined;
    this.states = new GroupStates();
    this.slots = new Int32Array(0);
  }
}
