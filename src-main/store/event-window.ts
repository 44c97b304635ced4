/**
 * Events buffered as columns and inserted a window at a time, sorted by the events table's key.
 *
 * A log comes in time order, so its rows land at random places of the events B-tree (keyed by
 * user first): each insert touches another page, and past ~1M events the tree outgrows SQLite's
 * page cache. Inserted in key order, consecutive rows land on the same page. Measured from JS
 * (500-row INSERT OR IGNORE statements): 5M rows in file order 5.97 s, in windows of 500k rows
 * sorted by key 4.33 s, sort included.
 *
 * The window is sorted by the full key, then seq: of the rows sharing a key, the one with the
 * smallest seq is inserted first and kept, the others ignored, exactly as in file order (an earlier
 * window holds only smaller seqs). The caller counts the ignored rows as before (BulkInserter).
 *
 * The sort: a stable counting sort by user id over the arrival order (then by platform, for a user
 * seen on several), then, within each (user, platform) group (rows nearly in time order), an
 * insertion sort by the rest of the key, which falls back to a general sort when a group's rows
 * are far out of order.
 */
import { BulkInserter, ROWS_PER_STATEMENT, type PackedRows } from './bulk-insert';
import type { CaseDb } from './case-file';

/**
 * Rows per window: 31 bytes each (4 MB at 2^17). 2^18 saved the most CPU at 5M events on a loaded
 * machine, but a window's insert stops the storing side from taking batches: on a quiet machine
 * 2^17, with more credits for the parser (workers/parse-protocol.ts CREDITS), finished sooner. See
 * docs/decisions.md, "Session 5: events inserted in key order" and "credits and the window".
 */
export const EVENT_WINDOW_ROWS = 1 << 17;

/** The first allocation: a small file's window stays small (a folder of thousands shares one). */
const FIRST_ROWS = 1024;
/** Windows this small are sorted whole by insertion (no counts to allocate and clear). */
const SMALL_WINDOW = 32;
/** Shifts an insertion sort makes per row of its group before giving up for a general sort. */
const SHIFTS_PER_ROW = 8;
/** Case ids are buffered in 32 bits: a row with a larger one is inserted alone, after the window. */
const MAX_ID = 0xffffffff;

/** The events table's columns, in the order of its key, then seq. */
export const EVENT_COLUMNS: readonly string[] = [
  'user_id',
  'platform',
  'time_ms',
  'event',
  'action',
  'screen_id',
  'device_id',
  'seq',
];

/**
 * A window's rows are bound as four values, not eight: user * 256 + platform, time * 256 + event *
 * 16 + action, screen * 2^32 + device, seq (bulk-insert.ts PackedRows). Every part is an integer and
 * the packed values stay below 2^53, where a double is exact: users and devices below 2^32
 * (MAX_ID), platforms below 256 (a byte here), event and action codes below 16, times from 0 to
 * PACKED_TIME_LIMIT (the year 3084; the import accepts up to 2100), screens below
 * PACKED_SCREEN_LIMIT (2,097,152 distinct screen texts). A row outside these is inserted alone,
 * unpacked. Measured (1M events of the bench's narrow log, windows of 2^17 rows, the statements
 * alone, three runs): 538-573 ms bound as eight values, 491-534 ms as five, 451-477 ms as four; the
 * same rows stored.
 */
export const EVENT_PACKING: PackedRows = {
  width: 4,
  select:
    'column1 >> 8, column1 & 255, column2 >> 8, (column2 >> 4) & 15, column2 & 15, column3 >> 32, column3 & 4294967295, column4',
};
const PACKED_TIME_LIMIT = 2 ** 45;
const PACKED_SCREEN_LIMIT = 2 ** 21;

/** The inserter a window writes its rows with: INSERT OR IGNORE into events, packed. */
export const eventInserter = (db: CaseDb): BulkInserter =>
  new BulkInserter(db, 'events', EVENT_COLUMNS, ROWS_PER_STATEMENT, EVENT_PACKING);

export class EventWindow {
  /** Rows buffered. */
  length = 0;
  private rows = 0;
  private user = new Uint32Array(0);
  private platform = new Uint8Array(0);
  private time = new Float64Array(0);
  private event = new Uint8Array(0);
  private action = new Uint8Array(0);
  private screen = new Uint32Array(0);
  private device = new Uint32Array(0);
  private seq = new Float64Array(0);
  private order = new Int32Array(0);
  private counts = new Int32Array(0);
  private inserter: BulkInserter | undefined;
  /** Windows sorted by each path, for tests to assert which one ran. */
  readonly sorts = { small: 0, byRange: 0, byRank: 0, platforms: 0, fallback: 0, alone: 0 };

  constructor(readonly capacity = EVENT_WINDOW_ROWS) {}

  /**
   * Starts an input's rows: they go to `inserter`. Rows still buffered belonged to an input that
   * was rolled back (refused, cancelled): they are dropped, never inserted.
   */
  begin(inserter: BulkInserter): void {
    if (inserter.packed !== EVENT_PACKING) throw new Error('EventWindow: its rows go to an eventInserter');
    this.inserter = inserter;
    this.length = 0;
  }

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
    if (
      userId > MAX_ID ||
      !(screenId < PACKED_SCREEN_LIMIT) ||
      deviceId > MAX_ID ||
      event > 15 ||
      action > 15 ||
      !(timeMs >= 0 && timeMs < PACKED_TIME_LIMIT && Number.isInteger(timeMs))
    ) {
      return this.insertAlone(userId, platform, timeMs, event, action, screenId, deviceId, seq);
    }
    const i = this.length;
    if (i === this.rows) this.grow();
    this.user[i] = userId;
    this.platform[i] = platform;
    this.time[i] = timeMs;
    this.event[i] = event;
    this.action[i] = action;
    this.screen[i] = screenId;
    this.device[i] = deviceId;
    this.seq[i] = seq;
    this.length = i + 1;
    if (i + 1 === this.capacity) this.flush();
  }

  /**
   * The input's last rows inserted; columns grown past the first size are dropped (a large file's
   * 8 MB would otherwise stay through the attempts step, at the import's peak).
   */
  finish(): void {
    this.flush();
    if (this.rows > FIRST_ROWS) this.drop();
  }

  /** Inserts the buffered rows in key order (statements of the inserter; its last one may stay partial). */
  flush(): void {
    const n = this.length;
    if (n === 0) return;
    const inserter = this.inserter;
    if (!inserter) throw new Error('EventWindow.flush before begin');
    const order = this.sorted(n);
    const { user, platform, time, event, action, screen, device, seq } = this;
    const values = inserter.values;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      let at = inserter.at;
      // EVENT_PACKING
      values[at++] = user[i]! * 256 + platform[i]!;
      values[at++] = time[i]! * 256 + event[i]! * 16 + action[i]!;
      values[at++] = screen[i]! * 4294967296 + device[i]!;
      values[at++] = seq[i];
      inserter.at = at;
      inserter.rowAdded();
    }
    this.length = 0;
  }

  /** One row, after the window's (which hold smaller seqs): kept in seq order among rows of its key. */
  private insertAlone(...row: [number, number, number, number, number, number, number, number]): void {
    this.flush();
    this.sorts.alone++;
    this.inserter!.addUnpacked(...row);
  }

  private drop(): void {
    this.rows = 0;
    this.user = new Uint32Array(0);
    this.platform = new Uint8Array(0);
    this.time = new Float64Array(0);
    this.event = new Uint8Array(0);
    this.action = new Uint8Array(0);
    this.screen = new Uint32Array(0);
    this.device = new Uint32Array(0);
    this.seq = new Float64Array(0);
    this.order = new Int32Array(0);
    this.counts = new Int32Array(0);
  }

  private grow(): void {
    const rows = Math.min(this.capacity, Math.max(FIRST_ROWS, this.rows * 2));
    const grown = <T extends Float64Array | Uint32Array | Uint8Array>(old: T, make: (size: number) => T): T => {
      const next = make(rows);
      next.set(old);
      return next;
    };
    this.user = grown(this.user, (size) => new Uint32Array(size));
    this.platform = grown(this.platform, (size) => new Uint8Array(size));
    this.time = grown(this.time, (size) => new Float64Array(size));
    this.event = grown(this.event, (size) => new Uint8Array(size));
    this.action = grown(this.action, (size) => new Uint8Array(size));
    this.screen = grown(this.screen, (size) => new Uint32Array(size));
    this.device = grown(this.device, (size) => new Uint32Array(size));
    this.seq = grown(this.seq, (size) => new Float64Array(size));
    this.order = new Int32Array(rows);
    this.rows = rows;
  }

  /** The rows' indices in key order, then seq. */
  private sorted(n: number): Int32Array {
    const order = this.order;
    if (n <= SMALL_WINDOW) {
      for (let k = 0; k < n; k++) order[k] = k;
      this.sorts.small++;
      this.sortRun(order, 0, n, true);
      return order;
    }
    const user = this.user;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const u = user[i]!;
      if (u < min) min = u;
      if (u > max) max = u;
    }
    // A row's slot is its user's offset from the smallest id when the window's ids are dense, else
    // its user's rank among the window's (a new file's users spread over a large case's ids): the
    // counts stay within one per row.
    const byRange = max - min < Math.max(n, 4096);
    const ranks = byRange ? undefined : this.userRanks(n);
    const users = byRange ? max - min + 1 : this.distinctUsers;
    if (byRange) this.sorts.byRange++;
    else this.sorts.byRank++;
    if (this.counts.length < users + 1) this.counts = new Int32Array(users + 1);
    else this.counts.fill(0, 0, users + 1);
    const counts = this.counts;
    const slot = (i: number): number => (ranks === undefined ? user[i]! - min : ranks[i]!);
    for (let i = 0; i < n; i++) counts[slot(i) + 1]!++;
    for (let u = 1; u <= users; u++) counts[u]! += counts[u - 1]!;
    for (let i = 0; i < n; i++) order[counts[slot(i)]!++] = i;
    // Each count is now where its user's rows end, and the next user's begin.
    let from = 0;
    for (let u = 0; u < users; u++) {
      const to = counts[u]!;
      if (to - from > 1) this.sortUser(order, from, to);
      from = to;
    }
    return order;
  }

  /** Rows by platform (a count per code), for a user seen on several in one window. */
  private readonly byPlatform = new Int32Array(257);
  private scratch = new Int32Array(0);

  /** Sorts one user's rows, order[from, to): by platform (stable), then each group by the rest of the key. */
  private sortUser(order: Int32Array, from: number, to: number): void {
    const platform = this.platform;
    const first = platform[order[from]!]!;
    let mixed = false;
    for (let k = from + 1; k < to && !mixed; k++) mixed = platform[order[k]!] !== first;
    if (!mixed) return this.sortRun(order, from, to, false);
    this.sorts.platforms++;
    const counts = this.byPlatform.fill(0);
    for (let k = from; k < to; k++) counts[platform[order[k]!]! + 1]!++;
    for (let p = 1; p < counts.length; p++) counts[p]! += counts[p - 1]!;
    if (this.scratch.length < to - from) this.scratch = new Int32Array(to - from);
    const scratch = this.scratch;
    for (let k = from; k < to; k++) scratch[counts[platform[order[k]!]!]!++] = order[k]!;
    order.set(scratch.subarray(0, to - from), from);
    // Each count is now where its platform's rows end.
    let start = 0;
    for (let p = 0; p < 256; p++) {
      const end = counts[p]!;
      if (end - start > 1) this.sortRun(order, from + start, from + end, false);
      start = end;
    }
  }

  /** How many distinct users userRanks found. */
  private distinctUsers = 0;

  /** Each row's user's rank among the window's distinct users. */
  private userRanks(n: number): Int32Array {
    const user = this.user;
    // A typed array's own sort is numeric.
    const distinct = user.slice(0, n).sort();
    let count = 0;
    for (let k = 0; k < n; k++)
      if (count === 0 || distinct[k] !== distinct[count - 1]) distinct[count++] = distinct[k]!;
    this.distinctUsers = count;
    const ranks = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const u = user[i]!;
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (distinct[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      ranks[i] = lo;
    }
    return ranks;
  }

  /**
   * Sorts order[from, to) by the full key, then seq. Rows of one group come nearly in time order:
   * an insertion sort, until it has shifted too much. `wholeKey`: the rows may differ in user or
   * platform too (a small window, sorted whole).
   */
  private sortRun(order: Int32Array, from: number, to: number, wholeKey: boolean): void {
    const compare = wholeKey ? this.compareAll : this.compareInGroup;
    let budget = (to - from) * SHIFTS_PER_ROW;
    for (let k = from + 1; k < to; k++) {
      const row = order[k]!;
      let j = k - 1;
      while (j >= from && compare(order[j]!, row) > 0) {
        if (--budget < 0) {
          // The row back in the hole its shifts left: the run is a permutation again.
          order[j + 1] = row;
          order.subarray(from, to).sort(compare);
          this.sorts.fallback++;
          return;
        }
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = row;
    }
  }

  /** Key order (user, platform, time, event, action, screen, device), then seq. */
  private readonly compareAll = (a: number, b: number): number =>
    this.user[a]! - this.user[b]! || this.platform[a]! - this.platform[b]! || this.compareInGroup(a, b);

  /** The same, for two rows of one (user, platform) group. */
  private readonly compareInGroup = (a: number, b: number): number =>
    this.time[a]! - this.time[b]! ||
    this.event[a]! - this.event[b]! ||
    this.action[a]! - this.action[b]! ||
    this.screen[a]! - this.screen[b]! ||
    this.device[a]! - this.device[b]! ||
    this.seq[a]! - this.seq[b]!;
}
