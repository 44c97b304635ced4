import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseRefused, getSetting, openCase, setSetting } from '../../../src-main/store/case-file';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../src-main/store/migrations';
import { useTempDir } from '../../helpers/temp-dir';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('case files', () => {
  const temp = useTempDir();

  it('creates a marked, migrated case and reopens it', () => {
    const path = join(temp(), 'new.enrollscope');
    const db = openCase(path);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    setSetting(db, 'tz', 'Europe/Berlin');
    db.close();
    const again = openCase(path);
    expect(getSetting(again, 'tz')).toBe('Europe/Berlin');
    again.close();
  });

  it('refuses a missing case when asked not to create one', () => {
    expect(() => openCase(join(temp(), 'missing.enrollscope'), { create: false })).toThrow(/no such case file/);
  });

  it('refuses a text file without changing a byte', () => {
    const path = join(temp(), 'notes.txt');
    writeFileSync(path, 'timestamp,user\n'.repeat(20));
    const before = sha(path);
    expect(() => openCase(path)).toThrow(CaseRefused);
    expect(() => openCase(path)).toThrow(/not an Enrollscope case/);
    expect(sha(path)).toBe(before);
  });

  it('refuses an empty file', () => {
    const path = join(temp(), 'empty.enrollscope');
    writeFileSync(path, '');
    expect(() => openCase(path)).toThrow(/empty file/);
    expect(readFileSync(path).length).toBe(0);
  });

  it("refuses another application's SQLite database without changing a byte", () => {
    const path = join(temp(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (1)');
    other.close();
    const before = sha(path);
    expect(() => openCase(path)).toThrow(/another application/);
    expect(sha(path)).toBe(before);
  });

  it('refuses a case made by a newer version without changing a byte', () => {
    const path = join(temp(), 'future.enrollscope');
    const db = openCase(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(path);
    expect(() => openCase(path)).toThrow(/newer Enrollscope/);
    expect(sha(path)).toBe(before);
  });

  it('refuses a damaged case', () => {
    const path = join(temp(), 'damaged.enrollscope');
    const db = openCase(path);
    db.exec(
      'CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO filler SELECT hex(randomblob(500)) FROM n',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    // Scribble over the middle of the file, keeping the header intact.
    bytes.fill(0xab, 8192, 8192 + 20_000);
    writeFileSync(path, bytes);
    expect(() => openCase(path)).toThrow(/damaged/);
  });
});

describe('migrations', () => {
  const temp = useTempDir();

  it('upgrades a version-1 case in place, keeping its data', () => {
    const path = join(temp(), 'old.enrollscope');
    const old = new Database(path);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.exec("INSERT INTO settings (key, value) VALUES ('customer', 'Contoso')");
    old.close();
    const db = openCase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(getSetting(db, 'customer')).toBe('Contoso');
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(indexes).toEqual(expect.arrayContaining(['attempts_open', 'details_by_seq']));
    db.close();
  });
});
