/**
 * Generated event logs for benchmarks and property tests: deterministic (seeded), realistic in
 * shape (users with a few attempts each, 3-6 events per attempt, every ending kind, some gaps),
 * inserted straight into `events` the way the store does.
 */
import type Database from 'better-sqlite3';
import {
  ACTION_NAMES,
  EVENT_TYPES,
  PLATFORM_CODE,
  actionCode,
  eventCode,
  parseActionName,
  parseEventType,
  parsePlatform,
} from '../../src-main/shared/taxonomy';
import { mulberry32 } from '../../src-main/tools/mulberry32';
import { syntheticEvents, type SyntheticOptions } from '../../src-main/tools/synthetic-log';

/** Small fast PRNG (mulberry32): the same seed gives the same case. */
export const rng = mulberry32;

export interface GenerateOptions {
  readonly events: number;
  readonly seed?: number;
  /** First day of data (UTC); data spans `days` days. */
  readonly startMs?: number;
  readonly days?: number;
  readonly importId?: number;
  /** Distinct screen texts to use (interned into screens). */
  readonly screens?: number;
}

const code = (name: string): number => EVENT_TYPES.indexOf(name as never) + 1;
const ENDINGS = ['cancel', 'postpone', 'ignore', 'declineall', 'appclosed', 'complete', 'complete', 'complete', 'none'];

/** Inserts about `events` events; returns the number inserted and the number of users. */
export function generateEvents(db: Database.Database, options: GenerateOptions): { events: number; users: number } {
  const random = rng(options.seed ?? 1);
  const start = options.startMs ?? Date.UTC(2025, 3, 1);
  const spanMs = (options.days ?? 60) * 86_400_000;
  const importId = options.importId ?? 1;
  const screenCount = options.screens ?? 8;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const insertUser = db.prepare('INSERT INTO users (name) VALUES (?)');
  const insertScreen = db.prepare('INSERT OR IGNORE INTO screens (text) VALUES (?)');
  for (let s = 1; s <= screenCount; s++) insertScreen.run(`Generated screen ${s}`);
  const screenIds = db.prepare("SELECT id FROM screens WHERE text LIKE 'Generated screen %'").pluck().all() as number[];
  const insert = db.prepare(
    `INSERT OR IGNORE INTO events (user_id, platform, time_ms, event, action, screen_id, device_id, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  let count = 0;
  let users = 0;
  let line = 2;
  const firstUser = ((db.prepare('SELECT max(id) FROM users').pluck().get() as number | null) ?? 0) + 1;
  while (count < options.events) {
    const userId = Number(insertUser.run(`gen-${importId}-${firstUser + users}@example.com`).lastInsertRowid);
    users++;
    const platform = random() < 0.6 ? 1 : 2;
    let t = start + Math.floor(random() * spanMs);
    const attempts = 1 + Math.floor(random() * 3);
    for (let a = 0; a < attempts && count < options.events; a++) {
      let action = 0;
      insert.run(userId, platform, t, code('start'), 0, 0, 0, importId * 2 ** 32 + line++);
      count++;
      const steps = 1 + Math.floor(random() * 4);
      for (let s = 0; s < steps; s++) {
        // Mostly seconds to minutes apart; sometimes a gap of more than 30 minutes.
        t += random() < 0.05 ? 31 * 60_000 + Math.floor(random() * 3_600_000) : 1000 + Math.floor(random() * 300_000);
        action = Math.min(ACTION_NAMES.length, action + 1 + Math.floor(random() * 3));
        const screen = random() < 0.7 ? 0 : pick(screenIds);
        insert.run(userId, platform, t, code('step'), action, screen, 0, importId * 2 ** 32 + line++);
        count++;
      }
      const ending = pick(ENDINGS);
      t += 1000 + Math.floor(random() * 60_000);
      if (ending !== 'none') {
        insert.run(userId, platform, t, code(ending), random() < 0.3 ? action : 0, 0, 0, importId * 2 ** 32 + line++);
        count++;
      }
      t += 3_600_000 + Math.floor(random() * 5 * 86_400_000);
    }
  }
  return { events: count, users };
}

/**
 * The synthetic generator's log (src-main/tools/synthetic-log.ts: realistic flow, catalog screens,
 * daytime curve) inserted straight into `events`, interning in memory: for benchmarks at realistic
 * density without parsing a file.
 */
export function insertSyntheticEvents(db: Database.Database, options: SyntheticOptions, importId = 1): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO events (user_id, platform, time_ms, event, action, screen_id, device_id, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const interned = (table: 'users' | 'devices' | 'screens'): ((text: string) => number) => {
    const ids = new Map<string, number>();
    const column = table === 'screens' ? 'text' : 'name';
    const add = db.prepare(`INSERT INTO ${table} (${column}) VALUES (?)`);
    return (text) => {
      if (text === '' && table !== 'users') return 0;
      let id = ids.get(text);
      if (id === undefined) {
        id = Number(add.run(text).lastInsertRowid);
        ids.set(text, id);
      }
      return id;
    };
  };
  const user = interned('users');
  const device = interned('devices');
  const screen = interned('screens');
  let line = 2;
  for (const row of syntheticEvents(options)) {
    const platform = parsePlatform(row.platform);
    const event = parseEventType(row.event);
    const action = row.actionName === '' ? undefined : parseActionName(row.actionName);
    if (platform === undefined || event === undefined) continue;
    insert.run(
      user(row.userId),
      PLATFORM_CODE[platform],
      Date.parse(row.timestamp),
      eventCode(event),
      action === undefined ? 0 : actionCode(action),
      screen(row.screen),
      device(row.deviceId),
      importId * 2 ** 32 + line++,
    );
  }
  return line - 2;
}
