/**
 * Attempts building in bounded memory whatever the number of users: a full rebuild with more open
 * attempts than it holds settles them against the case's latest time found by a scan (the same
 * outcome as holding them all), and bucket deltas fold into counts per cell past a million keys.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BucketDeltas } from '../../../src-main/attempts/buckets';
import { OUTCOME } from '../../../src-main/attempts/codes';
import { rebuildAllAttempts } from '../../../src-main/attempts/refresh';
import { openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-bounded-');

describe('a full rebuild with many one-event users', () => {
  it('settles more open attempts than it holds against the latest time, as rule 8 says', async () => {
    // 9,000 users with one start each, a minute apart: all but the last 30 minutes' are exceeded.
    const USERS = 9000;
    const lines = ['timestamp,userPrincipalName,deviceId,platform,event'];
    for (let i = 0; i < USERS; i++) {
      lines.push(`${new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString()},u${i}@x.example,d${i},iOS,start`);
    }
    const file = join(temp(), 'users.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const db = openCase(join(temp(), 'case.enrollscope'));
    try {
      const [outcome] = await importFiles(db, [file]);
      expect(outcome?.status).toBe('imported');
      const stats = db.transaction(() => rebuildAllAttempts(db))();
      expect(stats).toMatchObject({ mode: 'all', groups: USERS, attempts: USERS, latestScanned: true });
      const byOutcome = Object.fromEntries(
        db.prepare('SELECT outcome, count(*) FROM attempts GROUP BY outcome').raw().all() as [number, number][],
      );
      // The last event is at minute 8,999: starts at minutes 8,969..8,999 are within 30 minutes.
      expect(byOutcome).toEqual({ [OUTCOME.inProgress]: 31, [OUTCOME.incomplete]: USERS - 31 });
      const buckets = db.prepare('SELECT sum(n) FROM attempt_buckets').pluck().get();
      expect(buckets).toBe(USERS);
    } finally {
      db.close();
    }
  });
});

describe('BucketDeltas', () => {
  it('folds past a million keys and gives the same cells as counting them all', () => {
    const deltas = new BucketDeltas();
    const expected = new Map<string, number>();
    const N = 1_300_000;
    for (let i = 0; i < N; i++) {
      const startMs = Date.UTC(2025, 5, 1) + (i % 977) * 900_000;
      const platform = 1 + (i % 2);
      const outcome = i % 3;
      const combo = i % 5;
      const delta = i % 7 === 0 ? -1 : 1;
      deltas.add(startMs, platform, outcome, combo, delta);
      const key = `${Math.trunc(startMs / 900_000)},${platform},${outcome},${combo}`;
      expected.set(key, (expected.get(key) ?? 0) + delta);
    }
    const rows = deltas.rows();
    expect(rows.length).toBe([...expected.values()].filter((n) => n !== 0).length);
    for (const [bucket, platform, outcome, combo, n] of rows)
      expect(n).toBe(expected.get(`${bucket},${platform},${outcome},${combo}`));
    // In primary-key order.
    const keys = rows.map(([b, p, o, c]) => ((b * 4 + p) * 4 + o) * 2 ** 24 + c);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });
});
