/**
 * Reading `events` in the order spec 4 walks them, fast.
 *
 * Moving a million rows out of SQLite one row at a time costs about a microsecond a row in
 * better-sqlite3 (a JS array and boxed numbers per row). Instead each group comes back as one row
 * holding JSON arrays of packed numbers (time*256 + event*16 + action; screen*2^26 + device; seq),
 * which JSON.parse turns into unboxed double arrays. That halves the read time of a full rebuild.
 *
 * The primary key orders a group by (time, event, action, screen, device); spec order is (time,
 * seq). The two differ only between events of the same millisecond, so a group is re-sorted only
 * when it has such ties (or, defensively, when the aggregate did not visit rows in key order).
 */
import type Database from 'better-sqlite3';
import type { EventColumns } from './sessionize';
import { userPages } from './user-pages';

/** Screen and device ids below this are packed into one number (their product stays < 2^53). */
const ID_PACK = 2 ** 26;

type GroupRow = [userId: number, platform: number, timeEventAction: string, screenDevice: string, seq: string];

/** Reusable column buffers: one group at a time, valid until the next group is read. */
export class Columns implements EventColumns {
  length = 0;
  timeMs = new Float64Array(64);
  event = new Uint8Array(64);
  action = new Uint8Array(64);
  screenId = new Float64Array(64);
  deviceId = new Float64Array(64);
  seq = new Float64Array(64);

  reserve(n: number): void {
    this.length = n;
    if (n <= this.timeMs.length) return;
    const size = Math.max(n, this.timeMs.length * 2);
    this.timeMs = new Float64Array(size);
    this.event = new Uint8Array(size);
    this.action = new Uint8Array(size);
    this.screenId = new Float64Array(size);
    this.deviceId = new Float64Array(size);
    this.seq = new Float64Array(size);
  }

  /** Decodes one group row; returns false when the events need sorting (ties or out of order). */
  decode(row: GroupRow, packedIds: boolean): boolean {
    const tea = JSON.parse(row[2]) as number[];
    const ids = JSON.parse(row[3]) as number[];
    const seq = JSON.parse(row[4]) as number[];
    this.reserve(tea.length);
    let ordered = true;
    let previous = -Infinity;
    for (let i = 0; i < tea.length; i++) {
      const packed = tea[i]!;
      // Floor division keeps this exact for times before 1970 too (the remainder is 0..255).
      const time = Math.floor(packed / 256);
      const rest = packed - time * 256;
      this.timeMs[i] = time;
      this.event[i] = rest >> 4;
      this.action[i] = rest & 15;
      if (packedIds) {
        const screenDevice = ids[i]!;
        const screen = Math.floor(screenDevice / ID_PACK);
        this.screenId[i] = screen;
        this.deviceId[i] = screenDevice - screen * ID_PACK;
      } else {
        this.screenId[i] = ids[2 * i]!;
        this.deviceId[i] = ids[2 * i + 1]!;
      }
      this.seq[i] = seq[i]!;
      if (time <= previous) ordered = false;
      previous = time;
    }
    return ordered;
  }

  /** Reorders the buffered group by (time, seq). */
  sortBySpecOrder(): void {
    const order = Array.from({ length: this.length }, (_, i) => i);
    order.sort((a, b) => this.timeMs[a]! - this.timeMs[b]! || this.seq[a]! - this.seq[b]!);
    for (const column of [this.timeMs, this.event, this.action, this.screenId, this.deviceId, this.seq]) {
      const copy = column.slice(0, this.length);
      for (let i = 0; i < order.length; i++) column[i] = copy[order[i]!]!;
    }
  }
}

/** Where a full rebuild walks the case's events from: every group, in (user id, platform) order. */
export interface GroupSource {
  forEachGroup(onGroup: (userId: number, platform: number, events: EventColumns) => void): void;
}

export class EventReader implements GroupSource {
  private readonly packedIds: boolean;
  private readonly byPage: Database.Statement<[number, number]>;
  private readonly byGroup: Database.Statement<[number, number]>;
  private readonly latestOfGroup: Database.Statement<[number, number]>;
  private readonly columns = new Columns();

  constructor(private readonly db: Database.Database) {
    const maxId = (table: string): number =>
      (db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null) ?? 0;
    this.packedIds = maxId('screens') < ID_PACK && maxId('devices') < ID_PACK;
    const ids = this.packedIds ? `screen_id * ${ID_PACK} + device_id` : 'screen_id, device_id';
    const aggregates = `json_group_array(time_ms * 256 + event * 16 + action), json_group_array(${ids}), json_group_array(seq)`;
    // json_group_array takes one argument: unpacked ids go through group_concat into a JSON array.
    const select = this.packedIds
      ? `SELECT user_id, platform, ${aggregates} FROM events`
      : `SELECT user_id, platform, json_group_array(time_ms * 256 + event * 16 + action),
                '[' || group_concat(screen_id || ',' || device_id) || ']', json_group_array(seq) FROM events`;
    this.byPage = db.prepare(`${select} WHERE user_id >= ? AND user_id < ? GROUP BY user_id, platform`).raw();
    this.byGroup = db.prepare(`${select} WHERE user_id = ? AND platform = ? GROUP BY user_id, platform`).raw();
    this.latestOfGroup = db
      .prepare('SELECT time_ms FROM events WHERE user_id = ? AND platform = ? ORDER BY time_ms DESC LIMIT 1')
      .pluck();
  }

  /**
   * Every group of the case in primary-key order (one pass, page by page of users), handed to
   * `onGroup` in spec order. `onGroup` may write: each page is read to the end first. The columns
   * are only valid during the callback.
   */
  forEachGroup(onGroup: (userId: number, platform: number, events: EventColumns) => void): void {
    for (const [lo, hi] of userPages(this.db, 'events')) {
      for (const row of this.byPage.all(lo, hi) as GroupRow[]) onGroup(row[0], row[1], this.decode(row));
    }
  }

  /** One group's events in spec order (valid until the next read). */
  readGroup(userId: number, platform: number): EventColumns {
    const row = this.byGroup.get(userId, platform) as GroupRow | undefined;
    if (row === undefined) {
      this.columns.reserve(0);
      return this.columns;
    }
    return this.decode(row);
  }

  /** The latest event time of one group (a primary-key seek, not a scan). */
  groupLatest(userId: number, platform: number): number | undefined {
    return this.latestOfGroup.get(userId, platform) as number | undefined;
  }

  private decode(row: GroupRow): EventColumns {
    if (!this.columns.decode(row, this.packedIds)) this.columns.sortBySpecOrder();
    return this.columns;
  }
}
