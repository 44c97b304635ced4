/**
 * Opening and creating case files. A case is a SQLite database marked with our application id.
 * Anything else (another app's database, a text file, a newer case) is refused before SQLite
 * opens it for writing, so a refused file never changes by a single byte.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { caseAccessOf, openModeOf } from './case-access';
import { onlyOwnWritesSinceFullCheck, refuseDamaged } from './case-check';
import { caseFingerprint, quickCheckRemembered, rememberQuickCheck, userCacheDir } from './check-memo';
import { CaseRefused, caseProblemOf, caseRefusalOf } from './case-errors';
import { ensureMaskKey } from './mask-key';
import { APPLICATION_ID, MIGRATIONS, MIGRATIONS_THAT_REBUILD, SCHEMA_VERSION } from './migrations';

/**
 * better-sqlite3 is a CommonJS package: required, not imported, because Node's ES module loader
 * wraps a CommonJS package at a cost (~3 ms of every command's start).
 */
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

export type CaseDb = BetterSqlite3.Database;

export { CaseRefused };

const SQLITE_MAGIC = 'SQLite format 3\0';

interface HeaderFacts {
  readonly applicationId: number;
  readonly userVersion: number;
}

/** Reads the 100-byte SQLite header straight from disk (read-only, no SQLite involved). */
function readHeader(path: string): HeaderFacts {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) throw new CaseRefused(path, 'empty file, not an Enrollscope case');
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new CaseRefused(path, 'not an Enrollscope case (not a SQLite database)');
  }
  return { userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
}

function checkHeader(path: string): void {
  const { applicationId, userVersion } = readHeader(path);
  if (applicationId !== APPLICATION_ID) {
    throw new CaseRefused(path, 'a SQLite database of another application, not an Enrollscope case');
  }
  if (userVersion > SCHEMA_VERSION) {
    throw new CaseRefused(
      path,
      `made by a newer Enrollscope (case schema ${userVersion}; this version reads up to ${SCHEMA_VERSION})`,
    );
  }
}

function applyPragmas(db: CaseDb, throwaway: boolean): void {
  if (throwaway) {
    // A case deleted after use (the command line's temporary case) has nothing a crash could
    // damage that anyone would open again: its rollback journal stays in memory (a savepoint still
    // rolls back a refused file) and nothing is synced. The commit then writes the pages once,
    // without a WAL to checkpoint (docs/security.md, "The temporary case").
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
  } else {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a power cut may lose the last commit, never corrupts the case.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('temp_store = MEMORY');
  // 32 MiB. Events are inserted a window at a time in key order (event-window.ts), so a large import
  // no longer needs the B-tree's pages cached to stay linear: at 5M events 32 MiB measured the same
  // CPU as 64 MiB (within 2%) and a peak 35-45 MB lower (docs/decisions.md, "Session 5").
  db.pragma('cache_size = -32768');
  db.pragma('busy_timeout = 5000');
  // Deleted or overwritten text (a removed annotation, an old value) is zeroed within its page at
  // no extra I/O; it would otherwise stay readable in the file's free space.
  db.pragma('secure_delete = FAST');
}

/** Brings a case up to SCHEMA_VERSION in one transaction. */
function migrate(db: CaseDb, rebuild: boolean): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from >= SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let version = from; version < SCHEMA_VERSION; version++) db.exec(MIGRATIONS[version]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
  // A migration that drops personal data leaves its bytes in the pages' free space (secure_delete
  // does not clear what SQLite's rebalancing leaves between cells): the file is rebuilt, once.
  if (rebuild && from > 0 && MIGRATIONS_THAT_REBUILD.some((version) => version > from)) db.exec('VACUUM');
  // Put the new header (application id, version) into the main file, where checkHeader reads it.
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export interface OpenCaseOptions {
  /** Create the case when the file does not exist (default true). */
  readonly create?: boolean;
  /** Run `PRAGMA quick_check` and refuse a damaged case (default true). */
  readonly check?: boolean;
  /** Open with SQLite's read-only flag (the caller's choice; a case this user cannot write is read-only anyway). */
  readonly readonly?: boolean;
  /** Where passed checks are remembered (check-memo.ts); default: the user's cache folder. */
  readonly checkCacheDir?: string;
  /** A new case deleted after use, never opened again: no crash safety (applyPragmas). */
  readonly throwaway?: boolean;
}

/** Connections whose open ran quick_check (the others found the unchanged case remembered). */
const quickChecked = new WeakSet<CaseDb>();

/** True when opening this connection ran `PRAGMA quick_check` (not skipped as remembered). */
export function wasQuickChecked(db: CaseDb): boolean {
  return quickChecked.has(db);
}

/** Where each connection to a case file remembers passed checks (OpenCaseOptions.checkCacheDir). */
const checkCacheDirs = new WeakMap<CaseDb, string>();

/** Connections that read an in-memory copy of a case this user cannot write (case-access.ts). */
const readOnlyCopies = new WeakMap<CaseDb, string>();

/** True when nothing may be written through this connection (opened read-only, or a read-only case). */
export function isReadOnlyCase(db: CaseDb): boolean {
  return db.readonly || readOnlyCopies.has(db);
}

/** The case file's path (a read-only case's copy in memory has none of its own). */
export function casePathOf(db: CaseDb): string {
  return readOnlyCopies.get(db) ?? db.name;
}

export const READ_ONLY_REASON =
  'the case is read-only for you (the file or its folder is not writable): it can be read, not changed';

/**
 * A case this user cannot write, read from a copy in memory: SQLite touches nothing beside it (no
 * `-wal`, no `-shm`). Changes still in its `-wal` file cannot be read that way: refused, clearly.
 */
function openReadOnlyCopy(path: string): CaseDb {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new CaseRefused(
      path,
      'the case is read-only for you and its latest changes are still in its -wal file (it is open elsewhere, or was not closed cleanly): ' +
        'open it again once its owner has closed it, or copy it together with its -wal file',
      'read-only',
    );
  }
  const bytes = readFileSync(path);
  // The header says WAL (bytes 18-19 = 2); SQLite reads an in-memory database only in rollback mode.
  bytes[18] = 1;
  bytes[19] = 1;
  const db = new Database(bytes);
  readOnlyCopies.set(db, path);
  return db;
}

/** Opens (or creates) a case file. Throws CaseRefused for anything that is not a usable case. */
export function openCase(path: string, options: OpenCaseOptions = {}): CaseDb {
  const exists = existsSync(path);
  if (exists) {
    if (!statSync(path).isFile()) throw new CaseRefused(path, 'not a file');
    try {
      checkHeader(path);
    } catch (error) {
      if (caseProblemOf(error) === 'read-only')
        throw new CaseRefused(path, 'cannot read the case: permission denied', 'read-only');
      throw caseRefusalOf(path, error) ?? error;
    }
  } else if (options.create === false) {
    throw new CaseRefused(path, 'no such case file');
  }
  const access = caseAccessOf(path, exists);
  if (!exists) {
    const folder = dirname(path);
    if (!existsSync(folder)) throw new CaseRefused(path, `cannot create the case: the folder ${folder} does not exist`);
    if (!access.folderWritable)
      throw new CaseRefused(path, `cannot create the case: the folder ${folder} is not writable`, 'read-only');
  }
  const mode = openModeOf(access);
  // Taken before SQLite opens the file: the state the check (or the memo of an earlier one) is about.
  const fingerprint = exists && options.check !== false ? caseFingerprint(path) : null;
  const cacheDir = options.checkCacheDir ?? userCacheDir();

  let db: CaseDb;
  try {
    db =
      mode === 'read-only'
        ? openReadOnlyCopy(path)
        : new Database(path, { readonly: options.readonly ?? false, fileMustExist: exists });
  } catch (error) {
    if (error instanceof CaseRefused) throw error;
    // SQLite's native module failed to load (built for another runtime): not the case's fault.
    if ((error as { code?: unknown } | null)?.code === 'ERR_DLOPEN_FAILED') throw error;
    throw caseRefusalOf(path, error) ?? new CaseRefused(path, `cannot open: ${(error as Error).message}`);
  }
  try {
    if (!exists) {
      // 16 KiB pages (SQLite's default is 4 KiB): committing an import of a million events writes
      // a quarter of the WAL frames (~70 ms less), with the same file size and the same read speed.
      db.pragma('page_size = 16384');
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    // The check comes before any pragma that writes (journal_mode = WAL rewrites the header of a
    // case in rollback-journal mode): a damaged case is refused without changing a byte.
    db.pragma('busy_timeout = 5000');
    checkCacheDirs.set(db, cacheDir);
    if (exists && options.check !== false && !quickCheckRemembered(path, fingerprint, cacheDir)) {
      refuseDamaged(db, path, 'quick');
      quickChecked.add(db);
      rememberQuickCheck(path, fingerprint, cacheDir);
    }
    if (readOnlyCopies.has(db)) {
      // Only the copy in memory is brought up to date; then nothing may be written to it.
      migrate(db, false);
      db.pragma('query_only = ON');
    } else if (!options.readonly) {
      applyPragmas(db, options.throwaway === true && !exists);
      migrate(db, true);
      // Opening never writes to an existing case (a reader must not need the write lock while an
      // import holds it): the key is made here for a new case, else by the first write (mask-key.ts).
      if (!exists) ensureMaskKey(db);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof CaseRefused) throw error;
    throw (
      caseRefusalOf(path, error) ??
      new CaseRefused(path, `the case file is damaged (${(error as Error).message})`, 'damaged')
    );
  }
}

/**
 * Closes a case. A connection that imported (its integrity_check passed before its first write)
 * and saw no other connection commit since leaves the file as its own SQLite writes made it over
 * pages found intact: that file is remembered as checked, so the next open does not read it whole
 * again (check-memo.ts; docs/security.md, "What is checked when"). Taken after closing, when the
 * last connection has moved the -wal into the file; anything that changes the file later, another
 * program included, makes the next open check it again.
 */
export function closeCase(db: CaseDb): void {
  let trusted = false;
  try {
    trusted = !readOnlyCopies.has(db) && !db.readonly && onlyOwnWritesSinceFullCheck(db);
  } catch {
    // A connection in trouble (a full disk, an I/O error) is closed, and nothing is remembered.
  }
  const path = db.name;
  const cacheDir = checkCacheDirs.get(db);
  db.close();
  if (trusted && cacheDir !== undefined) rememberQuickCheck(path, caseFingerprint(path), cacheDir);
}

export function getSetting(db: CaseDb, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setSetting(db: CaseDb, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
