/**
 * The events an import stores into a case that had none, kept in memory as columns while they are
 * stored, so that the full rebuild of attempts that follows walks them from here instead of
 * reading them back from SQLite (the read-back was ~0.3 s of the ~0.42 s per million events).
 *
 * They are exactly the stored events: the case had no events before, so the only rows SQLite
 * ignored as duplicates (INSERT OR IGNORE on the primary key) were earlier rows of this same
 * import, and the row it kept is the first inserted, i.e. the smallest seq. A file rolled back to
 * its savepoint is truncated away. Past EVENTS_HELD events the columns are dropped and the rebuild
 * reads the case as before: memory stays bounded whatever the import's size.
 */
import { Columns, type GroupSource } from './read-events';
import type { EventColumns } from './sessionize';

/** Events held at most: 31 bytes each, ~47 MB at the limit. */
export const EVENTS_HELD = 1_500_000;

/** Events per chunk of columns: chunks are added as events come (no copy on growth, no slack). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;
/** Rows of one millisecond compared one by one; past this many, through a set of their keys. */
const LINEAR_RUN = 32;
/** Case ids held in 32 bits (ids are handed out from 1 up; a larger one stops holding). */
const MAX_ID = 2 ** 31 - 1;

class Chunk {
  readonly user = new Int32Array(CHUNK);
  readonly platform = new Uint8Array(CHUNK);
  readonly time = new Float64Array(CHUNK);
  readonly event = new Uint8Array(CHUNK);
  readonly action = new Uint8Array(CHUNK);
  readonly screen = new Int32Array(CHUNK);
  readonly device = new Int32Array(CHUNK);
  readonly seq = new Float64Array(CHUNK);
}

export class HeldEvents implements GroupSource {
  length = 0;
  /** More than `limit` events came (or an id too large to hold): nothing is held any more. */
  overflowed = false;
  private chunks: Chunk[] = [];

  constructor(private readonly limit = EVENTS_HELD) {}

  /** Whether the rebuild can walk these events instead of the case's. */
  get usable(): boolean {
    return !this.overflowed;
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
    if (this.overflowed) return;
    const i = this.length;
    if (i === this.limit || userId > MAX_ID || screenId > MAX_ID || deviceId > MAX_ID) return this.overflow();
    const chunk = this.chunks[i >>> CHUNK_BITS] ?? this.addChunk();
    const k = i & IN_CHUNK;
    chunk.user[k] = userId;
    chunk.platform[k] = platform;
    chunk.time[k] = timeMs;
    chunk.event[k] = event;
    chunk.action[k] = action;
    chunk.screen[k] = screenId;
    chunk.device[k] = deviceId;
    chunk.seq[k] = seq;
    this.length = i + 1;
  }

  /** Forgets the events added after `length` (their file was rolled back). */
  truncate(length: number): void {
    if (this.overflowed || length >= this.length) return;
    this.length = length;
    this.chunks.length = (length + IN_CHUNK) >>> CHUNK_BITS;
  }

  private addChunk(): Chunk {
    const chunk = new Chunk();
    this.chunks.push(chunk);
    return chunk;
  }

  private overflow(): void {
    this.overflowed = true;
    this.length = 0;
    this.chunks = [];
  }

  /** Calls `visit` with each event's user id and index, in insertion order. */
  private eachUser(visit: (user: number, index: number) => void): void {
    for (let c = 0; c < this.chunks.length; c++) {
      const users = this.chunks[c]!.user;
      const base = c << CHUNK_BITS;
      const count = Math.min(CHUNK, this.length - base);
      for (let k = 0; k < count; k++) visit(users[k]!, base + k);
    }
  }

  private userOf(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.user[i & IN_CHUNK]!;
  }

  private platformOf(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.platform[i & IN_CHUNK]!;
  }

  private timeOf(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.time[i & IN_CHUNK]!;
  }

  private seqOf(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.seq[i & IN_CHUNK]!;
  }

  /**
   * Every group in (user id, platform) order, its events in spec order (time, then seq), each
   * primary key once (its first row): what EventReader.forEachGroup reads from the case.
   */
  forEachGroup(onGroup: (userId: number, platform: number, events: EventColumns) => void): void {
    if (this.overflowed) throw new Error('held events overflowed: read the case instead');
    const order = this.byUser();
    const columns = new Columns();
    for (let at = 0; at < order.length;) {
      const userId = this.userOf(order[at]!);
      // The user's platforms as bits (codes are small; a larger one takes the slow path).
      let platforms = 0;
      let other = false;
      let end = at;
      for (; end < order.length && this.userOf(order[end]!) === userId; end++) {
        const platform = this.platformOf(order[end]!);
        if (platform < 31) platforms |= 1 << platform;
        else other = true;
      }
      if (end - at > this.scratch.length) this.scratch = new Int32Array(Math.max(end - at, this.scratch.length * 2));
      for (let platform = 0; platform < 31; platform++) {
        if (platforms & (1 << platform)) this.emitGroup(order, at, end, userId, platform, columns, onGroup);
      }
      if (other) {
        const large = new Set<number>();
        for (let k = at; k < end; k++) if (this.platformOf(order[k]!) >= 31) large.add(this.platformOf(order[k]!));
        for (const platform of [...large].sort((a, b) => a - b)) {
          this.emitGroup(order, at, end, userId, platform, columns, onGroup);
        }
      }
      at = end;
    }
  }

  /** Index room for one user's events. */
  private scratch = new Int32Array(64);

  private emitGroup(
    order: Int32Array,
    from: number,
    to: number,
    userId: number,
    platform: number,
    columns: Columns,
    onGroup: (userId: number, platform: number, events: EventColumns) => void,
  ): void {
    const group = this.scratch;
    let n = 0;
    for (let k = from; k < to; k++) if (this.platformOf(order[k]!) === platform) group[n++] = order[k]!;
    this.sortBySpecOrder(group, n);
    n = this.dropDuplicates(group, n);
    columns.reserve(n);
    for (let k = 0; k < n; k++) {
      const i = group[k]!;
      const chunk = this.chunks[i >>> CHUNK_BITS]!;
      const at = i & IN_CHUNK;
      columns.timeMs[k] = chunk.time[at]!;
      columns.event[k] = chunk.event[at]!;
      columns.action[k] = chunk.action[at]!;
      columns.screenId[k] = chunk.screen[at]!;
      columns.deviceId[k] = chunk.device[at]!;
      columns.seq[k] = chunk.seq[at]!;
    }
    onGroup(userId, platform, columns);
  }

  /** Indices ordered by user id, insertion order kept within a user (a counting sort). */
  private byUser(): Int32Array {
    const n = this.length;
    const order = new Int32Array(n);
    if (n === 0) return order;
    let min = Infinity;
    let max = -Infinity;
    this.eachUser((user) => {
      if (user < min) min = user;
      if (user > max) max = user;
    });
    const starts = new Int32Array(max - min + 2);
    this.eachUser((user) => starts[user - min + 1]!++);
    for (let u = 1; u < starts.length; u++) starts[u]! += starts[u - 1]!;
    this.eachUser((user, i) => (order[starts[user - min]!++] = i));
    return order;
  }

  /** Spec order: time, then seq. Indices come in seq order, and mostly in time order already. */
  private sortBySpecOrder(group: Int32Array, n: number): void {
    for (let k = 1; k < n; k++) {
      if (this.timeOf(group[k]!) < this.timeOf(group[k - 1]!)) {
        group.subarray(0, n).sort((a, b) => this.timeOf(a) - this.timeOf(b) || this.seqOf(a) - this.seqOf(b));
        return;
      }
    }
  }

  /**
   * Keeps the first of the rows sharing a primary key (same time, event, action, screen and
   * device), in place; returns how many are kept. Rows of one key share a time: each row is
   * compared with the kept rows of its time only (through a set once those are many).
   */
  private dropDuplicates(group: Int32Array, n: number): number {
    let kept = n === 0 ? 0 : 1;
    let runStart = 0;
    let runKeys: Set<string> | undefined;
    for (let k = 1; k < n; k++) {
      const i = group[k]!;
      if (this.timeOf(i) !== this.timeOf(group[kept - 1]!)) {
        runStart = kept;
        runKeys = undefined;
      }
      let duplicate = false;
      if (kept - runStart < LINEAR_RUN) {
        for (let j = runStart; j < kept && !duplicate; j++) duplicate = this.sameKey(group[j]!, i);
      } else {
        if (!runKeys) {
          runKeys = new Set();
          for (let j = runStart; j < kept; j++) runKeys.add(this.keyOf(group[j]!));
        }
        const key = this.keyOf(i);
        duplicate = runKeys.has(key);
        if (!duplicate) runKeys.add(key);
      }
      if (!duplicate) group[kept++] = i;
    }
    return kept;
  }

  private sameKey(a: number, b: number): boolean {
    const x = this.chunks[a >>> CHUNK_BITS]!;
    const y = this.chunks[b >>> CHUNK_BITS]!;
    const i = a & IN_CHUNK;
    const j = b & IN_CHUNK;
    return (
      x.event[i] === y.event[j] &&
      x.action[i] === y.action[j] &&
      x.screen[i] === y.screen[j] &&
      x.device[i] === y.device[j]
    );
  }

  private keyOf(a: number): string {
    const x = this.chunks[a >>> CHUNK_BITS]!;
    const i = a & IN_CHUNK;
    return `${x.event[i]},${x.action[i]},${x.screen[i]},${x.device[i]}`;
  }
}
