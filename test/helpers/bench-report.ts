/**
 * Report latency on a generated case:
 *   npx tsx test/helpers/bench-report.ts [events=5000000] [days=60] [synthetic|dense]
 * Builds the case once (events → attempts), then times computeReport for a mix of filters and
 * prints p50 / p95 / max per filter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rebuildAllAttempts } from '../../src-main/attempts/refresh';
import { computeReport } from '../../src-main/report/compute-report';
import type { ReportFilter } from '../../src-main/shared/report-types';
import { openCase } from '../../src-main/store/case-file';
import { generateEvents, insertSyntheticEvents } from './generate-case';

const eventCount = Number(process.argv[2] ?? 5_000_000);
const days = Number(process.argv[3] ?? 60);
/** 'synthetic' (default): the realistic generator of src-main/tools; 'dense': generate-case.ts (many combos). */
const kind = process.argv[4] ?? 'synthetic';
const dir = mkdtempSync(join(tmpdir(), 'enrollscope-bench-'));
try {
  const path = join(dir, 'bench.enrollscope');
  let db = openCase(path);
  db.prepare("INSERT INTO imports VALUES (1, 'gen', 'gen', 0, 'x', 'event-log', 'gen', '', 0, 0, 0, '{}', '[]')").run();
  let t = performance.now();
  db.transaction(() =>
    kind === 'dense'
      ? generateEvents(db, { events: eventCount, days, startMs: Date.UTC(2025, 3, 1) })
      : insertSyntheticEvents(db, { seed: 1, events: eventCount, days, endDay: '2025-05-30' }),
  )();
  console.log(`generated ${eventCount} events in ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const stats = db.transaction(() => rebuildAllAttempts(db))();
  console.log(`attempts: ${stats.attempts} in ${(performance.now() - t).toFixed(0)} ms`);
  const buckets = db.prepare('SELECT count(*) FROM attempt_buckets').pluck().get() as number;
  console.log(`attempt_buckets rows: ${buckets}`);
  // A fresh connection, as the app has after opening a case.
  db.close();
  db = openCase(path);

  const filters: [string, ReportFilter][] = [
    ['default (latest 14 days, UTC)', {}],
    ['14 days, Europe/Berlin', { from: '2025-04-20', to: '2025-05-03', tz: 'Europe/Berlin' }],
    ['14 days, Android only', { from: '2025-04-20', to: '2025-05-03', platforms: ['Android'] }],
    ['30 days, Asia/Kathmandu', { from: '2025-04-01', to: '2025-04-30', tz: 'Asia/Kathmandu' }],
    ['all 60 days, one section', { from: '2025-04-01', to: '2025-05-30', sections: ['Terms of Use'] }],
  ];
  for (const [label, filter] of filters) {
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      t = performance.now();
      computeReport(db, filter);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q: number): string => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    console.log(`${label}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  }
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
