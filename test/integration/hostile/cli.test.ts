/**
 * Acceptance: the hostile corpus through the command line, as `report FILE` (a temporary
 * case) and as `report FILE --db CASE` (a case that already holds an import). Every run ends in
 * time and within a heap limit; a refusal is one line on stderr naming the file, no stack trace,
 * nothing on stdout, a non-zero exit, and the case exactly as it was.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../../src-main/shared/report-types';
import { openCase } from '../../../src-main/store/case-file';
import {
  EVENT_HEADER,
  goodRow,
  reasonWithoutEntry,
  writeHostileCorpus,
  type HostileCase,
} from '../../fixtures/hostile/corpus';
import { caseSnapshot, type CaseSnapshot } from '../../helpers/case-snapshot';
import { runCliBounded, type BoundedCliResult } from '../../helpers/run-cli-bounded';

/** Each run: 15 s of wall time (300 MB hashed and sniffed), 256 MB of V8 heap per thread, 400 MB resident. */
const BOUNDS = { timeoutMs: 15_000, heapMb: 256 };
const MAX_RSS_MB = 400;

const root = mkdtempSync(join(tmpdir(), 'enrollscope-hostile-cli-'));
const cases = await writeHostileCorpus(join(root, 'corpus'), { big: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const baselineCase = join(root, 'baseline.enrollscope');
let baseline: CaseSnapshot;

beforeAll(async () => {
  const file = join(root, 'baseline.csv');
  writeFileSync(file, `${EVENT_HEADER}\n${Array.from({ length: 200 }, (_, i) => goodRow(90_000 + i)).join('\n')}\n`);
  const created = await runCliBounded(['imports', file, '--db', baselineCase], BOUNDS);
  expect(created.code, created.stderr).toBe(0);
  const db = openCase(baselineCase, { create: false });
  baseline = caseSnapshot(db);
  db.close();
  expect(baseline.counts['events']).toBe(200);
});

function expectWithinBounds(run: BoundedCliResult): void {
  expect(run.timedOut, `killed after ${BOUNDS.timeoutMs} ms`).toBe(false);
  expect(run.signal).toBeNull();
  expect(run.maxRssMb).toBeDefined();
  expect(run.maxRssMb!).toBeLessThan(MAX_RSS_MB);
  expect(run.stderr).not.toMatch(/\n\s+at |FATAL ERROR|heap out of memory|unexpected error/);
}

function expectRefused(hostile: HostileCase, run: BoundedCliResult): void {
  if (!('refused' in hostile.outcome)) throw new Error('not a refusal');
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  const prefix = `enrollscope: ${hostile.name}: `;
  expect(run.stderr.startsWith(prefix), run.stderr).toBe(true);
  expect(reasonWithoutEntry(hostile, run.stderr.trimEnd().slice(prefix.length))).toMatch(hostile.outcome.refused);
}

/** The imports the run added, as the report lists them. */
function expectImported(hostile: HostileCase, imports: readonly ImportRecord[]): void {
  if (!('imported' in hostile.outcome)) throw new Error('not an import');
  expect(
    imports.map((r) => ({
      file: r.file,
      rows: r.rows,
      imported: r.imported,
      duplicates: r.duplicates,
      skipped: r.skipped,
    })),
  ).toEqual(hostile.outcome.imported.map((r) => ({ duplicates: 0, skipped: {}, ...r })));
}

describe.each(cases)('enrollscope report $name ($what)', (hostile) => {
  it('alone (a temporary case) and with --db (a case holding an import): ends in time, cleanly', async () => {
    const casePath = join(root, `${hostile.name}.enrollscope`);
    copyFileSync(baselineCase, casePath);
    const [alone, withDb] = await Promise.all([
      runCliBounded(['report', hostile.path], BOUNDS),
      runCliBounded(['report', hostile.path, '--db', casePath, '--from', '2025-05-01', '--to', '2025-07-31'], BOUNDS),
    ]);
    expectWithinBounds(alone);
    expectWithinBounds(withDb);

    const db = openCase(casePath, { create: false });
    const after = caseSnapshot(db);
    db.close();
    if ('refused' in hostile.outcome) {
      expectRefused(hostile, alone);
      expectRefused(hostile, withDb);
      expect(after).toEqual(baseline);
    } else {
      expect(alone.code, alone.stderr).toBe(0);
      expect(alone.stderr).toBe('');
      expectImported(hostile, (JSON.parse(alone.stdout) as { imports: ImportRecord[] }).imports);
      expect(withDb.code, withDb.stderr).toBe(0);
      const report = JSON.parse(withDb.stdout) as { imports: ImportRecord[] };
      expect(report.imports.slice(0, baseline.imports.length)).toEqual(baseline.imports);
      expectImported(hostile, report.imports.slice(baseline.imports.length));
      expect(after.imports).toEqual(report.imports);
    }
    rmSync(casePath, { force: true });
  });
});

describe('--db pointed at a file that is not a case', () => {
  it.each(cases)('--db $name is refused without changing a byte', async (hostile) => {
    const digest = (): string => createHash('sha256').update(readFileSync(hostile.path)).digest('hex');
    const before = hostile.name === 'pipe.csv' ? '' : digest();
    const run = await runCliBounded(['report', '--db', hostile.path], BOUNDS);
    expectWithinBounds(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    const name = hostile.name.replace(/\./g, '\\.');
    expect(run.stderr).toMatch(
      new RegExp(
        `^enrollscope: ${name}: (.*not an Enrollscope case.*|a SQLite database of another application.*|not a file)\n$`,
      ),
    );
    if (hostile.name !== 'pipe.csv') expect(digest()).toBe(before);
  });
});
