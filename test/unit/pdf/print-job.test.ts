/**
 * The print job reads each report it needs once: the findings' reports (the filter, each platform
 * alone, the previous period, the baseline days) also give the platform roll-ups and the comparison
 * with the previous period. Counted on the real computeReport, on a copy of the sample case.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ComputeReport from '../../../src-main/report/compute-report';
import { buildPrintJob } from '../../../src-main/pdf/print-job';
import { computeComparison } from '../../../src-main/compare/compare';
import { reportWithFindings } from '../../../src-main/findings/gather';
import { computeReport } from '../../../src-main/report/compute-report';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import type { PrintJob } from '../../../src-main/shared/print-types';

/** Every computeReport call of the engine, counted (the real function answers). */
const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../../src-main/report/compute-report', async (original) => {
  const real = await original<typeof ComputeReport>();
  return {
    ...real,
    computeReport: (...args: Parameters<typeof real.computeReport>) => {
      calls.n++;
      return real.computeReport(...args);
    },
  };
});

const SAMPLE = join(process.cwd(), 'resources', 'sample-case.enrollscope');
const meta: PrintJob['meta'] = {
  page: { paper: 'A4', orientation: 'portrait' },
  caseName: 'Sample',
  customer: '',
  consultant: '',
  generatedAt: '2025-11-20T08:00:00.000Z',
  maskUsers: false,
  sampleData: true,
  language: 'en',
};

let dir: string;
let db: CaseDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enrollscope-print-job-'));
  copyFileSync(SAMPLE, join(dir, 'sample.enrollscope'));
  db = openCase(join(dir, 'sample.enrollscope'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('buildPrintJob', () => {
  it('computes each report once: the roll-ups and the comparison are the findings’ reports', () => {
    const filter = { from: '2025-10-31', to: '2025-11-13', tz: 'UTC' };
    const report = computeReport(db, filter);
    calls.n = 0;
    const job = buildPrintJob(db, { report, meta, compare: 'previous' });
    // The report as filtered and the previous period, each platform alone, and the funnel's
    // initiated count (every section: another filter). The range is 14 days, so the findings'
    // 14 baseline days are the previous period itself (a report of their own before: 6). Each
    // platform's roll-up and the previous period used to be computed again (10 in all).
    expect(calls.n).toBe(5);

    const { findings } = reportWithFindings(db, filter);
    expect(job.findings).toEqual(findings);
    for (const platform of report.filters.platforms) {
      const alone = computeReport(db, { ...filter, platforms: [platform] }).rollup;
      expect(job.platformRollups?.[platform]).toMatchObject({
        initiated: alone.initiated,
        incomplete: alone.incomplete,
        incompleteRate: alone.incompleteRate,
      });
    }
    expect(job.comparison).toEqual(computeComparison(db, filter, 'previous'));
  });

  it('computes another period asked for on its own', () => {
    const filter = { from: '2025-10-31', to: '2025-11-13', tz: 'UTC' };
    const report = computeReport(db, filter);
    const against = { from: '2025-10-01', to: '2025-10-14' };
    calls.n = 0;
    const job = buildPrintJob(db, { report, meta, compare: against });
    expect(calls.n).toBe(5 + 2);
    expect(job.comparison).toEqual(computeComparison(db, filter, against));
    expect(job.comparison?.previous.range).toMatchObject(against);
  });
});
