/**
 * How a case is checked for damage, and when (docs/security.md, "What is checked when"):
 *
 * - every open of a case not remembered as checked (check-memo.ts): `PRAGMA quick_check` (pages,
 *   records, but not whether indexes match their tables);
 * - before the first write of each connection (an import): `PRAGMA integrity_check`, which also
 *   finds an index that no longer matches its table (later imports would store duplicates);
 * - on demand: `enrollscope check --db CASE` and the app's Check case (the same integrity_check).
 *
 * An import that passed its integrity_check and closed its case with nothing but its own writes
 * since (closeCase, case-file.ts) counts as a passed check of the file as it left it.
 */
import type Database from 'better-sqlite3';
import { CaseRefused } from './case-errors';

export interface CaseCheckResult {
  readonly ok: boolean;
  /** SQLite's findings, one per line, headings ("*** in database main ***") left out. */
  readonly problems: readonly string[];
}

/** Runs `PRAGMA quick_check` or `PRAGMA integrity_check`, up to `limit` problems. */
export function checkCase(db: Database.Database, kind: 'quick' | 'full' = 'full', limit = 100): CaseCheckResult {
  const pragma = kind === 'quick' ? 'quick_check' : 'integrity_check';
  const rows = db.pragma(`${pragma}(${limit})`, { simple: false }) as Record<string, unknown>[];
  const lines = rows.flatMap((row) => String(Object.values(row)[0]).split('\n')).map((line) => line.trim());
  if (lines.length === 1 && lines[0] === 'ok') return { ok: true, problems: [] };
  const problems = lines.filter((line) => line !== '' && !line.startsWith('***'));
  return { ok: false, problems: problems.length > 0 ? problems : lines };
}

/** Throws CaseRefused ('damaged') naming the first problem when the check fails. */
export function refuseDamaged(db: Database.Database, path: string, kind: 'quick' | 'full'): void {
  const { ok, problems } = checkCase(db, kind, 10);
  if (!ok) throw new CaseRefused(path, `the case file is damaged (${problems[0]})`, 'damaged');
}

/** Connections whose integrity_check passed before their first write, with PRAGMA data_version then. */
const checkedForWriting = new WeakMap<Database.Database, number>();

/** SQLite's count of commits made by other connections, as this connection sees it. */
function dataVersion(db: Database.Database): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/**
 * integrity_check once per connection, before its first write: an import never adds to a case whose
 * indexes are damaged. A connection that found the case intact is trusted for its later writes.
 */
export function refuseDamagedBeforeWrite(db: Database.Database): void {
  if (checkedForWriting.has(db)) return;
  // Read before the check: a commit by another connection from here on changes it.
  const version = dataVersion(db);
  try {
    refuseDamaged(db, db.name, 'full');
  } catch (error) {
    if (error instanceof CaseRefused) {
      throw new CaseRefused(
        db.name,
        `${error.reason}; nothing was imported (see enrollscope check --db CASE)`,
        'damaged',
      );
    }
    throw error;
  }
  checkedForWriting.set(db, version);
}

/**
 * True when this connection's integrity_check passed before its first write and no other
 * connection has committed to the case since: everything the case holds is then what that check
 * found intact plus this connection's own commits, written by SQLite.
 */
export function onlyOwnWritesSinceFullCheck(db: Database.Database): boolean {
  const version = checkedForWriting.get(db);
  return version !== undefined && db.open && dataVersion(db) === version;
}
