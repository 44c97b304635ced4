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

type BucketRow = [bucket: number, platform: number, outcome: number, comboId: number, n: number];

/**
 * A cell is packed into one number, ((bucket * 4 + platform) * 4 + outcome) * 2^24 + combo, so the
 * map has plain number keys and sorting the keys sorts the cells in primary-key order. Exact while
 * |bucket| < 2^24 (start times up to the year 2448) and combo ids < 2^24; anything outside goes to
 * a slower map keyed by text, so it is still counted right.
 */
const COMBO_SPAN = 2 ** 24;
const BUCKET_LIMIT = 2 ** 24;

const ROWS_PER_INSERT = 100;

function unpack(key: number, n: number): BucketRow {
  // Floor division recovers each field for negative buckets too (the remainders are >= 0).
  const cell = Math.floor(key / COMBO_SPAN);
  const bucketPlatform = Math.floor(cell / 4);
  const bucket = Math.floor(bucketPlatform / 4);
  return [bucket, bucketPlatform - bucket * 4, cell - bucketPlatform * 4, key - cell * COMBO_SPAN, n];
}

/** A growable list of packed cell keys (a Map with double keys costs ~0.5 µs an update). */
class KeyList {
  private keys = new Float64Array(1024);
  length = 0;

  push(key: number): void {
    if (this.length === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.length++] = key;
  }

  /** The keys sorted ascending (typed-array sort: numeric, fast). */
  sorted(): Float64Array {
    return this.keys.subarray(0, this.length).sort();
  }

  clear(): void {
    this.length = 0;
  }
}

/**
 * Keys kept as a list before they are folded into counts per cell. A list costs 8 bytes per attempt
 * written (a full rebuild of millions of one-event users wrote millions); folded, memory follows
 * the number of cells (15-minute buckets x platforms x outcomes x combos), whatever the users.
 */
const FOLD_AT = 1 << 20;

/** Signed counts per (bucket, platform, outcome, combo). */
export class BucketDeltas {
  private readonly added = new KeyList();
  private readonly removed = new KeyList();
  private readonly wide = new Map<string, number>();
  /** Counts per packed cell, of the keys folded so far (see FOLD_AT). */
  private readonly folded = new Map<number, number>();

  add(startMs: number, platform: number, outcome: number, comboId: number, delta: 1 | -1): void {
    const bucket = bucketOf(startMs);
    if (comboId < COMBO_SPAN && bucket < BUCKET_LIMIT && bucket > -BUCKET_LIMIT && platform < 4 && outcome < 4) {
      const key = ((bucket * 4 + platform) * 4 + outcome) * COMBO_SPAN + comboId;
      (delta > 0 ? this.added : this.removed).push(key);
      if (this.added.length + this.removed.length >= FOLD_AT) this.fold();
    } else {
      const key = `${bucket},${platform},${outcome},${comboId}`;
      this.wide.set(key, (this.wide.get(key) ?? 0) + delta);
    }
  }

  /** The listed keys as (key, added - removed) counts, in key order: two sorted runs merged. */
  private eachListed(onCell: (key: number, n: number) => void): void {
    const added = this.added.sorted();
    const removed = this.removed.sorted();
    let i = 0;
    let j = 0;
    while (i < added.length || j < removed.length) {
      const a = i < added.length ? added[i]! : Infinity;
      const r = j < removed.length ? removed[j]! : Infinity;
      const key = Math.min(a, r);
      let n = 0;
      for (; i < added.length && added[i] === key; i++) n++;
      for (; j < removed.length && removed[j] === key; j++) n--;
      if (n !== 0) onCell(key, n);
    }
  }

  private fold(): void {
    this.eachListed((key, n) => this.folded.set(key, (this.folded.get(key) ?? 0) + n));
    this.added.clear();
    this.removed.clear();
  }

  /** Non-zero cells; the packed ones in primary-key order (cheaper B-tree inserts). */
  rows(): BucketRow[] {
    const rows: BucketRow[] = [];
    if (this.folded.size === 0) {
      this.eachListed((key, n) => rows.push(unpack(key, n)));
    } else {
      this.fold();
      for (const key of Float64Array.from(this.folded.keys()).sort()) {
        const n = this.folded.get(key)!;
        if (n !== 0) rows.push(unpack(key, n));
      }
    }
    for (const [key, n] of this.wide) {
      if (n === 0) continue;
      const [bucket = 0, platform = 0, outcome = 0, comboId = 0] = key.split(',').map(Number);
      rows.push([bucket, platform, outcome, comboId, n]);
    }
    return rows;
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
    for (const [bucket, platform, outcome, comboId, n] of this.rows()) {
      upsert.run(bucket, platform, outcome, comboId, n);
      if (n < 0) dropEmpty.run(bucket, platform, outcome, comboId);
    }
  }

  /** Replaces attempt_buckets with these counts (after a full rebuild, when the deltas are totals). */
  replace(db: Database.Database): void {
    db.prepare('DELETE FROM attempt_buckets').run();
    const values = (count: number): string => Array.from({ length: count }, () => '(?, ?, ?, ?, ?)').join(', ');
    const insertMany = db.prepare(
      `INSERT INTO attempt_buckets (bucket, platform, outcome, combo_id, n) VALUES ${values(ROWS_PER_INSERT)}`,
    );
    const insertOne = db.prepare(
      `INSERT INTO attempt_buckets (bucket, platform, outcome, combo_id, n) VALUES ${values(1)}`,
    );
    const rows = this.rows();
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT)
      insertMany.run(rows.slice(i, i + ROWS_PER_INSERT).flat());
    for (; i < rows.length; i++) insertOne.run(rows[i]!);
  }
}
