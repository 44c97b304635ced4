/**
 * A passed quick_check is remembered per case (store/check-memo.ts): an unchanged case is not read
 * whole again at its next open; a case that changed in any way is checked again, and a damaged
 * one is still refused.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseRefused, openCase, setSetting, wasQuickChecked } from '../../../src-main/store/case-file';
import { caseFingerprint, userCacheDir } from '../../../src-main/store/check-memo';
import { useTempDir } from '../../helpers/temp-dir';

describe('userCacheDir', () => {
  it('follows each system’s convention', () => {
    expect(userCacheDir({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32', 'C:\\Users\\ana')).toContain(
      join('C:\\Users\\ana\\AppData\\Local', 'Enrollscope', 'Cache'),
    );
    expect(userCacheDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Caches/Enrollscope');
    expect(userCacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/ana')).toBe('/xdg/enrollscope');
    expect(userCacheDir({}, 'linux', '/home/ana')).toBe('/home/ana/.cache/enrollscope');
  });
});

describe('opening a case remembers its passed quick_check', () => {
  const temp = useTempDir('enrollscope-check-memo-');

  function makeCase(): { path: string; cacheDir: string } {
    const path = join(temp(), 'contoso.enrollscope');
    const cacheDir = join(temp(), 'cache');
    const db = openCase(path, { checkCacheDir: cacheDir });
    setSetting(db, 'customer', 'Contoso');
    db.close();
    return { path, cacheDir };
  }

  const opened = (path: string, cacheDir: string): boolean => {
    const db = openCase(path, { create: false, checkCacheDir: cacheDir });
    try {
      return wasQuickChecked(db);
    } finally {
      db.close();
    }
  };

  it('checks an unchanged case once, then trusts the memo', () => {
    const { path, cacheDir } = makeCase();
    expect(opened(path, cacheDir)).toBe(true);
    expect(opened(path, cacheDir)).toBe(false);
    expect(opened(path, cacheDir)).toBe(false);
  });

  it('checks again after any write through SQLite', () => {
    const { path, cacheDir } = makeCase();
    expect(opened(path, cacheDir)).toBe(true);
    const before = caseFingerprint(path);
    const db = openCase(path, { create: false, checkCacheDir: cacheDir });
    setSetting(db, 'customer', 'Fabrikam');
    db.close();
    expect(caseFingerprint(path)).not.toBe(before);
    expect(opened(path, cacheDir)).toBe(true);
  });

  it('refuses a case damaged after its check was remembered', () => {
    const { path, cacheDir } = makeCase();
    expect(opened(path, cacheDir)).toBe(true);
    expect(opened(path, cacheDir)).toBe(false);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.fill(0xab, 16384, 16384 + 8000));
    expect(() => openCase(path, { create: false, checkCacheDir: cacheDir })).toThrow(CaseRefused);
  });

  it('sees a change that kept the size, even with the old modification time put back', () => {
    const { path, cacheDir } = makeCase();
    expect(opened(path, cacheDir)).toBe(true);
    const db = openCase(path, { create: false, checkCacheDir: cacheDir });
    setSetting(db, 'customer', 'Contoso'); // the same value: a transaction all the same
    db.close();
    const { mtime } = { mtime: new Date('2025-01-01T00:00:00Z') };
    utimesSync(path, mtime, mtime);
    expect(opened(path, cacheDir)).toBe(true);
  });

  it('checks at every open when the cache folder cannot be written', () => {
    const { path } = makeCase();
    const blocked = join(temp(), 'a-file');
    writeFileSync(blocked, '');
    const cacheDir = join(blocked, 'cache'); // a folder inside a file: never created
    expect(opened(path, cacheDir)).toBe(true);
    expect(opened(path, cacheDir)).toBe(true);
  });
});
