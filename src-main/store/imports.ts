/** The imports table: one row per imported file (or ZIP entry), its summary and counts. */
import type { ImportRecord } from '../shared/report-types';
import type { CaseDb } from './case-file';
import { cachedStatement } from './statements';

/** A row of the imports table, as SQLite returns it. */
export interface ImportRow {
  id: number;
  file_name: string;
  size: number;
  sha256: string;
  format: string;
  imported_at: string;
  rows: number;
  imported: number;
  duplicates: number;
  skipped_json: string;
  examples_json: string;
}

export const toRecord = (row: ImportRow): ImportRecord => ({
  id: row.id,
  file: row.file_name,
  sha256: row.sha256,
  format: row.format,
  rows: row.rows,
  imported: row.imported,
  duplicates: row.duplicates,
  // Most imports skip nothing: a case of a folder's 10,000 files parsed '{}' and '[]' 10,000 times a report.
  skipped: row.skipped_json === '{}' ? {} : (JSON.parse(row.skipped_json) as Record<string, number>),
  examples: row.examples_json === '[]' ? [] : (JSON.parse(row.examples_json) as ImportRecord['examples']),
  importedAt: row.imported_at,
  size: row.size,
});

/** Every import of the case, oldest first. */
export function listImports(db: CaseDb): ImportRecord[] {
  return (db.prepare('SELECT * FROM imports ORDER BY id').all() as ImportRow[]).map(toRecord);
}

/** Whether an earlier import has the same bytes (findImportBySha without reading its row). */
export function hasImportWithSha(db: CaseDb, sha256: string): boolean {
  return cachedStatement(db, 'SELECT EXISTS (SELECT 1 FROM imports WHERE sha256 = ?)').pluck().get(sha256) === 1;
}

/** How many imports the case holds (a count: a folder's case holds thousands of rows). */
export function importCount(db: CaseDb): number {
  return cachedStatement(db, 'SELECT count(*) FROM imports').pluck().get() as number;
}

export function getImport(db: CaseDb, id: number): ImportRecord | undefined {
  const row = cachedStatement(db, 'SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
  return row && toRecord(row);
}

/** The earlier import of the same bytes, if any. */
export function findImportBySha(db: CaseDb, sha256: string): ImportRecord | undefined {
  const row = cachedStatement(db, 'SELECT * FROM imports WHERE sha256 = ?').get(sha256) as ImportRow | undefined;
  return row && toRecord(row);
}

/** The sizes of every earlier import (a file or a ZIP entry): one pass, for an import run to keep. */
export function importSizes(db: CaseDb): Set<number> {
  return new Set(db.prepare('SELECT DISTINCT size FROM imports').pluck().all() as number[]);
}

/** How a refusal names an earlier import: "import #3 (export.csv, 2025-06-14 10:02 UTC)". */
export function describeImport(record: ImportRecord): string {
  const when = record.importedAt.replace('T', ' ').slice(0, 16);
  return `import #${record.id} (${record.file}, ${when} UTC)`;
}
