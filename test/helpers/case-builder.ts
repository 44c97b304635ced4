/**
 * Test cases as real SQLite files: create a case in a temp dir and insert events, details and
 * summary rows with plain SQL, the way the store does (interned users/devices/screens,
 * seq = import_id * 2^32 + line, identical rows stored once).
 */
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCase } from '../../src-main/store/case-file';
import { refreshAttempts, type RefreshStats } from '../../src-main/attempts/refresh';
import {
  actionCode,
  eventCode,
  userActionCode,
  PLATFORM_CODE,
  type ActionName,
  type EventType,
  type Platform,
  type UserAction,
} from '../../src-main/shared/taxonomy';

export type Db = Database.Database;

const tempDirs: string[] = [];

/** A fresh case file in its own temp dir. Call removeTempCases() in afterAll/afterEach. */
export function tempCase(name = 'case.enrollscope'): Db {
  const dir = mkdtempSync(join(tmpdir(), 'enrollscope-test-'));
  tempDirs.push(dir);
  return openCase(join(dir, name));
}

export function removeTempCases(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export type PlatformInput = Platform | 'ios' | 'android';
const platformCode = (p: PlatformInput): number =>
  p === 'ios' ? PLATFORM_CODE['iOS/iPadOS'] : p === 'android' ? PLATFORM_CODE.Android : PLATFORM_CODE[p];

/** ISO text (no offset = UTC) or epoch ms. */
export type TimeInput = string | number;
export const ms = (t: TimeInput): number => {
  if (typeof t === 'number') return t;
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`;
  const value = Date.parse(text);
  if (Number.isNaN(value)) throw new Error(`bad test time ${t}`);
  return value;
};

export interface EventInput {
  readonly user: string;
  readonly platform?: PlatformInput;
  readonly time: TimeInput;
  readonly event: EventType;
  readonly action?: ActionName;
  readonly screen?: string;
  readonly device?: string;
  /** File line; default: position in the list + 2 (a CSV header is line 1). */
  readonly line?: number;
}

/**
 * One user's attempt from `start` (ISO, UTC): each call gives an event `minutes` after it, with
 * its action name when given.
 */
export function attemptFrom(user: string, platform: 'ios' | 'android', start: string) {
  const t0 = Date.parse(`${start}Z`);
  return (minutes: number, event: EventInput['event'], action?: EventInput['action']): EventInput => ({
    user,
    platform,
    time: t0 + minutes * 60_000,
    event,
    ...(action ? { action } : {}),
  });
}

export interface DetailsInput {
  readonly user: string;
  readonly platform?: PlatformInput;
  readonly time: TimeInput;
  readonly userAction: UserAction;
  readonly action?: ActionName;
  readonly screen?: string;
  readonly device?: string;
  readonly line?: number;
}

export interface SummaryInput {
  /** `YYYY-MM-DD` (a day in the report zone) or a point in time. */
  readonly day?: string;
  readonly time?: TimeInput;
  readonly platform?: PlatformInput | null;
  readonly initiated: number;
  readonly incomplete?: number | null;
  readonly line?: number;
}

function intern(db: Db, table: 'users' | 'devices' | 'screens', text: string): number {
  const column = table === 'screens' ? 'text' : 'name';
  if (text === '' && table !== 'users') return 0;
  db.prepare(`INSERT OR IGNORE INTO ${table} (${column}) VALUES (?)`).run(text);
  return db.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`).pluck().get(text) as number;
}

export const userId = (db: Db, name: string): number => intern(db, 'users', name);

let fileCounter = 0;
/** Adds an imports row and returns its id. */
export function addImport(
  db: Db,
  options: {
    file?: string;
    kind?: string;
    format?: string;
    rows?: number;
    imported?: number;
    duplicates?: number;
    skipped?: Record<string, number>;
  } = {},
): number {
  fileCounter++;
  const file = options.file ?? `file-${fileCounter}.csv`;
  const result = db
    .prepare(
      `INSERT INTO imports (file_name, size, sha256, kind, format, imported_at, rows, imported, duplicates, skipped_json, examples_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      file,
      100,
      `sha-${process.pid}-${fileCounter}-${Math.random()}`,
      options.kind ?? 'event-log',
      options.format ?? 'event-log/csv',
      '2025-06-20T10:00:00.000Z',
      options.rows ?? 0,
      options.imported ?? 0,
      options.duplicates ?? 0,
      JSON.stringify(options.skipped ?? {}),
      '[]',
    );
  return Number(result.lastInsertRowid);
}

const seqOf = (importId: number, line: number): number => importId * 2 ** 32 + line;

/** Inserts events (identical rows once); returns the (user id, platform) groups touched. */
export function insertEvents(db: Db, importId: number, events: readonly EventInput[]): [number, number][] {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO events (user_id, platform, time_ms, event, action, screen_id, device_id, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const groups = new Map<string, [number, number]>();
  events.forEach((e, i) => {
    const user = intern(db, 'users', e.user);
    const platform = platformCode(e.platform ?? 'ios');
    insert.run(
      user,
      platform,
      ms(e.time),
      eventCode(e.event),
      e.action ? actionCode(e.action) : 0,
      intern(db, 'screens', e.screen ?? ''),
      intern(db, 'devices', e.device ?? ''),
      seqOf(importId, e.line ?? i + 2),
    );
    groups.set(`${user}:${platform}`, [user, platform]);
  });
  return [...groups.values()];
}

export function insertDetails(db: Db, importId: number, rows: readonly DetailsInput[]): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO details (user_id, platform, time_ms, user_action, action, screen_id, device_id, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  rows.forEach((d, i) => {
    insert.run(
      intern(db, 'users', d.user),
      platformCode(d.platform ?? 'ios'),
      ms(d.time),
      userActionCode(d.userAction),
      d.action ? actionCode(d.action) : 0,
      intern(db, 'screens', d.screen ?? ''),
      intern(db, 'devices', d.device ?? ''),
      seqOf(importId, d.line ?? i + 2),
    );
  });
}

export function insertSummaries(db: Db, importId: number, rows: readonly SummaryInput[]): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO summaries (day_key, day, time_ms, platform, initiated, incomplete, seq) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  rows.forEach((s, i) => {
    const time = s.time === undefined ? null : ms(s.time);
    insert.run(
      s.day ?? String(time),
      s.day ?? null,
      time,
      s.platform ? platformCode(s.platform) : 0,
      s.initiated,
      s.incomplete ?? null,
      seqOf(importId, s.line ?? i + 2),
    );
  });
}

export interface ImportInput {
  readonly events?: readonly EventInput[];
  readonly details?: readonly DetailsInput[];
  readonly summaries?: readonly SummaryInput[];
  readonly file?: string;
  /**
   * 'groups' (default): the incremental refresh, never switching to a full rebuild, so small test
   * cases exercise it; 'auto': the production choice; 'all': a full rebuild.
   */
  readonly mode?: 'groups' | 'auto' | 'all';
}

/** One import the way the store does it: one transaction, rows, then refreshAttempts. */
export function importRows(db: Db, input: ImportInput): { importId: number; stats: RefreshStats } {
  return db.transaction(() => {
    const importId = addImport(db, input.file === undefined ? {} : { file: input.file });
    const groups = insertEvents(db, importId, input.events ?? []);
    insertDetails(db, importId, input.details ?? []);
    insertSummaries(db, importId, input.summaries ?? []);
    const mode = input.mode ?? 'groups';
    const stats = refreshAttempts(
      db,
      { importId, eventGroups: mode === 'all' ? 'all' : groups },
      mode === 'groups' ? { fullRebuildShare: Infinity } : {},
    );
    return { importId, stats };
  })();
}

/** attempt_buckets and the GROUP BY it must equal, both sorted, for toEqual. */
export function bucketsVersusAttempts(db: Db): { buckets: unknown[]; expected: unknown[] } {
  const buckets = db
    .prepare('SELECT bucket, platform, outcome, combo_id, n FROM attempt_buckets ORDER BY 1, 2, 3, 4')
    .raw()
    .all();
  const expected = db
    .prepare(
      `SELECT start_ms / 900000, platform, outcome, combo_id, count(*) FROM attempts GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .raw()
    .all();
  return { buckets, expected };
}

/** attempt_buckets with combo texts instead of ids (ids differ between cases), sorted. */
export function bucketViews(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT b.bucket, b.platform, b.outcome, c.action, c.screen, c.user_action, b.n
       FROM attempt_buckets b LEFT JOIN combos c ON c.id = b.combo_id ORDER BY 1, 2, 3, 4, 5, 6`,
    )
    .raw()
    .all();
}

export interface AttemptView {
  user: string;
  platform: number;
  start: string;
  end: string;
  outcome: 'in progress' | 'complete' | 'incomplete';
  action: string | null;
  screen: string | null;
  userAction: string | null;
  section: string | null;
  reached: number;
  source: number;
  device: string;
}

/** Attempts with texts instead of ids, in a stable order (ids and seqs left out). */
export function attemptViews(db: Db): AttemptView[] {
  const rows = db
    .prepare(
      `SELECT u.name AS user, a.platform, a.start_ms, a.end_ms, a.outcome, c.action, c.screen, c.user_action, c.section,
              a.reached, a.source, d.name AS device
       FROM attempts a JOIN users u ON u.id = a.user_id LEFT JOIN combos c ON c.id = a.combo_id
       LEFT JOIN devices d ON d.id = a.device_id
       ORDER BY u.name, a.platform, a.start_ms, a.source, a.end_ms, a.outcome, c.action, c.screen, c.user_action`,
    )
    .all() as {
    user: string;
    platform: number;
    start_ms: number;
    end_ms: number;
    outcome: number;
    action: string | null;
    screen: string | null;
    user_action: string | null;
    section: string | null;
    reached: number;
    source: number;
    device: string | null;
  }[];
  return rows.map((r) => ({
    user: r.user,
    platform: r.platform,
    start: new Date(r.start_ms).toISOString(),
    end: new Date(r.end_ms).toISOString(),
    outcome: (['in progress', 'complete', 'incomplete'] as const)[r.outcome] ?? 'in progress',
    action: r.action,
    screen: r.screen,
    userAction: r.user_action,
    section: r.section,
    reached: r.reached,
    source: r.source,
    device: r.device ?? '',
  }));
}
