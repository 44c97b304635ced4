/**
 * `attempt_buckets` upkeep. The table must always equal
 *   SELECT start_ms / 900000, platform, outcome, combo_id, count(*) FROM attempts GROUP BY 1,2,3,4
 * (the report reads it instead of attempts). Changes are accumulated in memory as signed deltas
 * and written once per refresh.
 */
import type Database from 'better-sqlite3';

export const BUCKET_MS = 900_000;

/** The bucket of a start time, exactly as SQLite's integer division computes it (truncation). */
export const bucketOf = (startMs: number): number => Math.trunc(startMs / BUCKET_MS);

/** Signed counts per (bucket, platform, outcome, combo). */
export class BucketDeltas {
  /** Outer key: bucket * 16 + platform * 4 + outcome (platform < 4, outcome < 4). */
  private readonly cells = new Map<number, Map<number, number>>();

  add(startMs: number, platform: number, outcome: number, comboId: number, delta: number): void {
    const key = bucketOf(startMs) * 16 + platform * 4 + outcome;
    let byCombo = this.cells.get(key);
    if (byCombo === undefined) {
      byCombo = new Map();
      this.cells.set(key, byCombo);
    }
    byCombo.set(comboId, (byCombo.get(comboId) ?? 0) + delta);
  }

  *entries(): Generator<[bucket: number, platform: number, outcome: number, comboId: number, n: number]> {
    for (const [key, byCombo] of this.cells) {
      // Floor division recovers the bucket for negative keys too (the remainder is 0..15).
      const bucket = Math.floor(key / 16);
      const rest = key - bucket * 16;
      for (const [comboId, n] of byCombo) if (n !== 0) yield [bucket, rest >> 2, rest & 3, comboId, n];
    }
  }

  /** Adds the deltas to attempt_buckets and drops rows that fall to zero. */
  applyTo(db: Database.Database): void {
    const upsert = db.prepare(
      `INSERT INTO attempt_buckets (bucket, platform, outcome, combo_id, n) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
    const dropEmpty = db.prepare(
      'DELETE FROM attempt_buckets WHERE bucket = ? AND platform = ? AND outcome = ? AND combo_id = ? AND n = 0',
    );
    for (const [bucket, platform, outcome, comboId, n] of this.entries()) {
      upsert.run(bucket, platform, outcome, comboId, n);
      if (n < 0) dropEmpty.run(bucket, platform, outcome, comboId);
    }
  }

  /** Replaces attempt_buckets with these counts (after a full rebuild, when deltas are totals). */
  replace(db: Database.Database): void {
    db.prepare('DELETE FROM attempt_buckets').run();
    const insert = db.prepare(
      'INSERT INTO attempt_buckets (bucket, platform, outcome, combo_id, n) VALUES (?, ?, ?, ?, ?)',
    );
    for (const row of this.entries()) insert.run(...row);
  }
}
