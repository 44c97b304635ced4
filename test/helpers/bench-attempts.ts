/**
 * Timing of the attempt builder on a generated case:
 *   npx tsx test/helpers/bench-attempts.ts [events=1000000]
 * Prints the full rebuild time, an incremental refresh of 1% of the groups, and a refresh after
 * an import that moves the case's latest time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rebuildAllAttempts, refreshAttempts } from '../../src-main/attempts/refresh';
import { openCase } from '../../src-main/store/case-file';
import { generateEvents } from './generate-case';

const eventCount = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'enrollscope-bench-'));
try {
  const db = openCase(join(dir, 'bench.enrollscope'));
  db.prepare("INSERT INTO imports VALUES (1, 'gen', 'gen', 0, 'x', 'event-log', 'gen', '', 0, 0, 0, '{}', '[]')").run();
  let t = performance.now();
  const { events, users } = db.transaction(() => generateEvents(db, { events: eventCount }))();
  console.log(`generated ${events} events, ${users} users in ${(performance.now() - t).toFixed(0)} ms`);

  for (let run = 0; run < 3; run++) {
    t = performance.now();
    const stats = db.transaction(() => rebuildAllAttempts(db))();
    console.log(
      `full rebuild: ${(performance.now() - t).toFixed(0)} ms, ${stats.attempts} attempts, ${stats.groups} groups`,
    );
  }

  const groups = db.prepare('SELECT DISTINCT user_id, platform FROM attempts WHERE user_id % 100 = 7').raw().all() as [
    number,
    number,
  ][];
  t = performance.now();
  const incremental = db.transaction(() =>
    refreshAttempts(db, { importId: 1, eventGroups: groups }, { fullRebuildShare: Infinity }),
  )();
  console.log(`incremental, ${incremental.groups} groups (1%): ${(performance.now() - t).toFixed(0)} ms`);

  const all = db.prepare('SELECT DISTINCT user_id, platform FROM attempts').raw().all() as [number, number][];
  for (const share of [0.1, 0.25, 0.5]) {
    const some = all.filter((_, i) => i % Math.round(1 / share) === 0);
    t = performance.now();
    db.transaction(() => refreshAttempts(db, { importId: 1, eventGroups: some }, { fullRebuildShare: Infinity }))();
    console.log(`incremental, ${some.length} groups (${share * 100}%): ${(performance.now() - t).toFixed(0)} ms`);
  }

  // A later event moves the latest time: in-progress attempts get re-walked.
  db.prepare(
    "INSERT INTO imports VALUES (2, 'gen2', 'gen2', 0, 'y', 'event-log', 'gen', '', 0, 0, 0, '{}', '[]')",
  ).run();
  const latest = Number(db.prepare("SELECT value FROM settings WHERE key = '_latestEventMs'").pluck().get());
  db.prepare('INSERT INTO users (id, name) VALUES (999999999, ?)').run('late');
  db.prepare('INSERT INTO events VALUES (999999999, 1, ?, 1, 0, 0, 0, ?)').run(latest + 3_600_000, 2 * 2 ** 32 + 2);
  t = performance.now();
  const moved = db.transaction(() => refreshAttempts(db, { importId: 2, eventGroups: [[999999999, 1]] }))();
  console.log(
    `latest moved: ${(performance.now() - t).toFixed(0)} ms, ${moved.groups} groups re-walked (${moved.mode})`,
  );
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
