/**
 * End to end on one file: synthetic event log → importFiles (parse, store, attempts) → report.
 *   npx tsx test/helpers/bench-end-to-end.ts [events=1000000] [days=30]
 * Prints the import time with its attempts share, and the report time. Files go to a temp dir.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as refresh from '../../src-main/attempts/refresh';
import { computeReport } from '../../src-main/report/compute-report';
import { openCase } from '../../src-main/store/case-file';
import { importFiles } from '../../src-main/store/import-files';
import { writeSyntheticLog } from '../../src-main/tools/synthetic-log';

const events = Number(process.argv[2] ?? 1_000_000);
const days = Number(process.argv[3] ?? 30);
const dir = mkdtempSync(join(tmpdir(), 'enrollscope-e2e-'));
try {
  const file = join(dir, 'events.csv');
  await writeSyntheticLog(file, { seed: 3, events, days, endDay: '2025-06-30' });
  const db = openCase(join(dir, 'case.enrollscope'));
  let t = performance.now();
  const outcomes = await importFiles(db, [file]);
  const imported = performance.now() - t;
  const attempts = db.prepare('SELECT count(*) FROM attempts').pluck().get() as number;
  t = performance.now();
  db.transaction(() => refresh.rebuildAllAttempts(db))();
  const rebuild = performance.now() - t;
  t = performance.now();
  const report = computeReport(db, {});
  const reported = performance.now() - t;
  console.log(`${outcomes.map((o) => o.status).join(',')}: ${events} events, ${attempts} attempts`);
  console.log(
    `import (parse + store + attempts): ${imported.toFixed(0)} ms; attempts alone (full rebuild): ${rebuild.toFixed(0)} ms`,
  );
  console.log(`first report (${report.range.from}..${report.range.to}): ${reported.toFixed(0)} ms`);
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
