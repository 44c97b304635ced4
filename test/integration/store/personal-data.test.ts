/**
 * A case keeps no personal data that no view reads (docs/what-a-case-holds.md): migration 4 drops
 * the failures' user, device and details and the imports' source path from a case made by an
 * older version, and removed or replaced annotation text does not stay in the file's free space.
 * Each test looks for the text in the file's bytes, not only through SQL.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAnnotation, removeAnnotation, updateAnnotation } from '../../../src-main/notes/annotations';
import { computeFailures } from '../../../src-main/failures/failures';
import { openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { listImports } from '../../../src-main/store/imports';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../src-main/store/migrations';
import { deviceEnrollmentFailuresZip, enrollmentActivityCsv } from '../../helpers/failure-files';
import { useTempDir } from '../../helpers/temp-dir';

/** Whether the case's files on disk (main file and any -wal) hold the text, as UTF-8. */
function fileHolds(path: string, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return [path, `${path}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(needle));
}

const columns = (db: Database.Database, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);

const SECRETS = [
  'ann.secret@contoso.example',
  'SECRET-DEVICE-0042',
  'SECRET-DETAILS-TEXT',
  '/home/SECRET-CONSULTANT/customer.csv',
];

/** A case exactly as version 3 of the schema made it, with a failure and an import that hold personal data. */
function version3Case(path: string): void {
  const db = new Database(path);
  db.pragma('page_size = 16384');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  for (const migration of MIGRATIONS.slice(0, 3)) db.exec(migration);
  db.pragma('user_version = 3');
  db.prepare(
    `INSERT INTO imports (file_name, source_path, size, sha256, kind, format, imported_at, rows, imported, duplicates, skipped_json, examples_json)
     VALUES ('customer.csv', ?, 10, 'abc', 'failures', 'failures/csv', '2025-06-01T00:00:00.000Z', 1, 1, 0, '{}', '[]')`,
  ).run(SECRETS[3]);
  const insert = db.prepare(
    `INSERT INTO failures (key, time_ms, user, device, os, os_version, method, category, reason, details, seq)
     VALUES (?, ?, ?, ?, 'iOS', '17.5', 'Company Portal', 'User abandonment', 'User canceled', ?, ?)`,
  );
  for (let i = 0; i < 200; i++) {
    insert.run(
      `id:g-${i}`,
      Date.parse('2025-06-02T10:00:00Z') + i * 60_000,
      SECRETS[0],
      SECRETS[1],
      `${SECRETS[2]} ${'x'.repeat(i * 50)}`,
      2 ** 32 + i,
    );
  }
  db.close();
}

describe('personal data a case does not keep', () => {
  const temp = useTempDir();

  it('migration 4 drops what no view reads from a version-3 case, and the view still counts', () => {
    const path = join(temp(), 'old.enrollscope');
    version3Case(path);
    for (const secret of SECRETS) expect(fileHolds(path, secret)).toBe(true);

    const db = openCase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(columns(db, 'failures')).toEqual([
      'key',
      'time_ms',
      'os',
      'os_version',
      'method',
      'category',
      'reason',
      'seq',
    ]);
    expect(columns(db, 'imports')).not.toContain('source_path');
    const failures = computeFailures(db, { from: '2025-06-02', to: '2025-06-02', tz: 'UTC' });
    expect(failures.total).toBe(200);
    expect(listImports(db).map((record) => record.file)).toEqual(['customer.csv']);
    db.close();

    for (const secret of SECRETS) expect(fileHolds(path, secret), secret).toBe(false);
  });

  it('an import of failures stores no user, device or details', async () => {
    const dir = temp();
    const path = join(dir, 'failures.enrollscope');
    const db = openCase(path);
    const outcomes = await importFiles(db, [deviceEnrollmentFailuresZip(dir), enrollmentActivityCsv(dir)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported']);
    expect(computeFailures(db, { from: '2025-06-01', to: '2025-06-03', tz: 'UTC' }).total).toBe(6);
    db.close();
    for (const text of ['ann@contoso.example', 'bob@contoso.example', 'Ann iPhone', 'Max 5 devices', dir]) {
      expect(fileHolds(path, text), text).toBe(false);
    }
  });

  it('a removed or replaced annotation leaves no text behind in the file', () => {
    const path = join(temp(), 'notes.enrollscope');
    let db = openCase(path);
    const kept = addAnnotation(db, { date: '2025-06-02', text: 'Kept note about the rollout' });
    const removed = addAnnotation(db, { date: '2025-06-03', text: 'Call Jane Roe about the HR complaint' });
    const replaced = addAnnotation(db, { date: '2025-06-04', text: 'Draft: blame the vendor' });
    db.close();
    expect(fileHolds(path, 'Jane Roe')).toBe(true);

    db = openCase(path);
    removeAnnotation(db, removed.id);
    updateAnnotation(db, replaced.id, { text: 'Vendor change planned' });
    db.close();
    expect(fileHolds(path, 'Jane Roe')).toBe(false);
    expect(fileHolds(path, 'blame the vendor')).toBe(false);
    expect(fileHolds(path, 'Vendor change planned')).toBe(true);
    expect(fileHolds(path, kept.text)).toBe(true);
  });
});
