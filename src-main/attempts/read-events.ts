/**
 * Reading `events` in the order spec 4 walks them. The primary key orders a group by
 * (time, event, action, screen, device), which differs from file order only between events of the
 * same millisecond, so a group is re-sorted by (time, seq) only when it has such ties.
 */
import type Database from 'better-sqlite3';
import { sortGroupEvents, type GroupEvent } from './sessionize';
import { userPages } from './user-pages';

const COLUMNS = 'time_ms, event, action, screen_id, device_id, seq';

type EventTuple = [timeMs: number, event: number, action: number, screenId: number, deviceId: number, seq: number];

const toEvent = (r: EventTuple): GroupEvent => ({
  timeMs: r[0],
  event: r[1],
  action: r[2],
  screenId: r[3],
  deviceId: r[4],
  seq: r[5],
});

/** Reads one group's events by primary-key prefix, in spec order. */
export function groupReader(db: Database.Database): (userId: number, platform: number) => GroupEvent[] {
  const select = db.prepare(`SELECT ${COLUMNS} FROM events WHERE user_id = ? AND platform = ?`).raw();
  return (userId, platform) => {
    const events: GroupEvent[] = [];
    let ties = false;
    let previous = NaN;
    for (const row of select.iterate(userId, platform)) {
      const e = toEvent(row as EventTuple);
      if (e.timeMs === previous) ties = true;
      previous = e.timeMs;
      events.push(e);
    }
    return ties ? sortGroupEvents(events) : events;
  };
}

/** The latest event time of one group (a primary-key seek, not a scan). */
export function groupLatest(db: Database.Database): (userId: number, platform: number) => number | undefined {
  const select = db
    .prepare('SELECT time_ms FROM events WHERE user_id = ? AND platform = ? ORDER BY time_ms DESC LIMIT 1')
    .pluck();
  return (userId, platform) => select.get(userId, platform) as number | undefined;
}

/**
 * Every group of the case, in primary-key order (one pass over the table, page by page of users),
 * handed to `onGroup` in spec order. `onGroup` may write: each page is read to the end first.
 */
export function forEachGroup(
  db: Database.Database,
  onGroup: (userId: number, platform: number, events: GroupEvent[]) => void,
): void {
  const select = db
    .prepare(`SELECT user_id, platform, ${COLUMNS} FROM events WHERE user_id >= ? AND user_id < ?`)
    .raw();
  for (const [lo, hi] of userPages(db, 'events')) {
    const rows = select.all(lo, hi) as [number, number, ...EventTuple][];
    let userId = -1;
    let platform = -1;
    let events: GroupEvent[] = [];
    let ties = false;
    let previous = NaN;
    const flush = (): void => {
      if (events.length > 0) onGroup(userId, platform, ties ? sortGroupEvents(events) : events);
      events = [];
      ties = false;
      previous = NaN;
    };
    for (const r of rows) {
      if (r[0] !== userId || r[1] !== platform) {
        flush();
        userId = r[0];
        platform = r[1];
      }
      const timeMs = r[2];
      if (timeMs === previous) ties = true;
      previous = timeMs;
      events.push({ timeMs, event: r[3], action: r[4], screenId: r[5], deviceId: r[6], seq: r[7] });
    }
    flush();
  }
}
