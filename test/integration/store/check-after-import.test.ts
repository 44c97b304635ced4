/**
 * An import that found its case intact (integrity_check before its first write) and closes it with
 * nothing but its own writes since leaves the file remembered as checked (closeCase): the first
 * open after the import skips quick_check. A case changed afterwards, by anyone, is checked again,
 * and a damaged one is still refused (docs/security.md, "What is checked when").
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import { CaseRefused, closeCase, openCase, wasQuickChecked } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { runImportInWorker } from '../../../src-main/workers/import-in-worker';
import { completedAttempt, writeEventLog, type TestEvent } from '../../helpers/event-log';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-check-after-import-');

function eventLog(name: string, users = 40): string {
  const events: TestEvent[] = [];
  for (let i = 0; i < users; i++)
    events.push(...completedAttempt(`${name}${i}@contoso.example`, i % 2 ? 'iOS' : 'Android', '2025-06-03T09:00:00Z'));
  return writeEventLog(join(temp(), `${name}.csv`), events);
}

/** Opens the case as every command does and says whether that open ran quick_check. */
function openRanQuickCheck(path: string, cacheDir: string): boolean {
  const db = openCase(path, { create: false, checkCacheDir: cacheDir });
  try {
    return wasQuickChecked(db);
  } finally {
    db.close();
  }
}

/** A case that held one import and was closed, then a second import on a new connection, not yet closed. */
async function importedCase(): Promise<{ path: string; cacheDir: string; db: ReturnType<typeof openCase> }> {
  const path = join(temp(), 'contoso.enrollscope');
  const cacheDir = join(temp(), 'cache');
  const first = openCase(path, { checkCacheDir: cacheDir });
  await importFiles(first, [eventLog('first')]);
  first.close();
  const db = openCase(path, { create: false, checkCacheDir: cacheDir });
  const [outcome] = await importFiles(db, [eventLog('second')]);
  expect(outcome?.status).toBe('imported');
  return { path, cacheDir, db };
}

describe('closing a case after an import', () => {
  it('remembers the file as checked: the first open after the import skips quick_check', async () => {
    const { path, cacheDir, db } = await importedCase();
    closeCase(db);
    expect(openRanQuickCheck(path, cacheDir)).toBe(false);
  });

  it('without closeCase (a plain close) the first open after the import runs quick_check', async () => {
    const { path, cacheDir, db } = await importedCase();
    db.close();
    expect(openRanQuickCheck(path, cacheDir)).toBe(true);
  });

  it('a case changed afterwards by another program is checked again', async () => {
    const { path, cacheDir, db } = await importedCase();
    closeCase(db);
    const other = new Database(path);
    other.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('customer', 'Fabrikam')").run();
    other.close();
    expect(openRanQuickCheck(path, cacheDir)).toBe(true);
    // And, having passed again, remembered again.
    expect(openRanQuickCheck(path, cacheDir)).toBe(false);
  });

  it('a case damaged afterwards is still refused', async () => {
    const { path, cacheDir, db } = await importedCase();
    closeCase(db);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.fill(0xab, 16384, 16384 + 8000));
    let refusal: unknown;
    try {
      openCase(path, { create: false, checkCacheDir: cacheDir }).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(CaseRefused);
    expect((refusal as CaseRefused).problem).toBe('damaged');
  });

  it('remembers nothing when another connection committed between the import and the close', async () => {
    const { path, cacheDir, db } = await importedCase();
    const other = new Database(path);
    other.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('customer', 'Fabrikam')").run();
    other.close();
    closeCase(db);
    expect(openRanQuickCheck(path, cacheDir)).toBe(true);
  });

  it('remembers nothing for a connection that only read (no integrity_check ran)', async () => {
    const { path, cacheDir, db } = await importedCase();
    db.close();
    const reader = openCase(path, { create: false, check: false, checkCacheDir: cacheDir });
    computeReport(reader, {});
    closeCase(reader);
    expect(openRanQuickCheck(path, cacheDir)).toBe(true);
  });
});

describe('the command line and the app leave the memo after an import', () => {
  let savedCacheHome: string | undefined;
  beforeEach(() => {
    savedCacheHome = process.env['XDG_CACHE_HOME'];
  });
  afterEach(() => {
    if (savedCacheHome === undefined) delete process.env['XDG_CACHE_HOME'];
    else process.env['XDG_CACHE_HOME'] = savedCacheHome;
  });

  it('report FILE --db CASE: the next report --db CASE does not run quick_check', () => {
    const cacheHome = join(temp(), 'xdg');
    const path = join(temp(), 'cli.enrollscope');
    const imported = runCli(['report', eventLog('cli'), '--db', path], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(imported.code).toBe(0);
    expect(openRanQuickCheck(path, join(cacheHome, 'enrollscope'))).toBe(false);
  });

  it('report FILE without --db leaves no memo of its temporary case', () => {
    const cacheHome = join(temp(), 'xdg');
    const result = runCli(['report', eventLog('temporary')], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(result.code).toBe(0);
    const cacheDir = join(cacheHome, 'enrollscope');
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);
  });

  it("the app's import worker: the next open does not run quick_check", async () => {
    const cacheHome = join(temp(), 'xdg');
    process.env['XDG_CACHE_HOME'] = cacheHome;
    const path = join(temp(), 'app.enrollscope');
    openCase(path, { checkCacheDir: join(cacheHome, 'enrollscope') }).close();
    const outcomes = await runImportInWorker(path, [eventLog('app')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported']);
    expect(openRanQuickCheck(path, join(cacheHome, 'enrollscope'))).toBe(false);
  });
});
