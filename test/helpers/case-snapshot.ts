/**
 * What a case holds, to compare before and after something that must not change it (a refused
 * import, an import killed half-way): every table's rows (hashed, in a fixed order), the imports
 * and the report. Read-only.
 */
import { createHash } from 'node:crypto';
import type { CaseDb } from '../../src-main/store/case-file';
import { listImports } from '../../src-main/store/imports';
import { computeReport } from '../../src-main/report/compute-report';
import type { ImportRecord, Report } from '../../src-main/shared/report-types';

export interface CaseSnapshot {
  /** Table -> row count. */
  readonly counts: Readonly<Record<string, number>>;
  /** Table -> sha256 of its rows, sorted. */
  readonly digests: Readonly<Record<string, string>>;
  readonly imports: readonly ImportRecord[];
  readonly report: Report;
}

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('hex') : v,
  );

export function caseSnapshot(
  db: CaseDb,
  filter: { from: string; to: string } = { from: '2025-05-01', to: '2025-07-31' },
): CaseSnapshot {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all().map(stable).sort();
    counts[table] = rows.length;
    const hash = createHash('sha256');
    for (const row of rows) hash.update(row).update('\n');
    digests[table] = hash.digest('hex');
  }
  return { counts, digests, imports: listImports(db), report: computeReport(db, { ...filter, tz: 'UTC' }) };
}
