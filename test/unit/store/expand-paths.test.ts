/**
 * Folder expansion on real folders and real symlink loops: each folder is read once, the walk stops
 * on cancel, and a folder too large or too deep is refused as a whole, naming it.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../../src-main/store/case-file';
import { expandPaths } from '../../../src-main/store/expand-paths';
import { importFiles } from '../../../src-main/store/import-files';
import { eventLogCsv } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-expand-');

function log(path: string, user: string): string {
  writeFileSync(path, eventLogCsv([{ time: '2025-06-02T09:00:00Z', user, platform: 'iOS', event: 'start' }]));
  return path;
}

/** export/ with two files, a sub-folder with one, and links back to itself, its parent and a sibling. */
function loopyFolder(): string {
  const root = join(temp(), 'export');
  mkdirSync(join(root, 'june', 'week1'), { recursive: true });
  log(join(root, 'a.csv'), 'a@x.example');
  log(join(root, 'b.csv'), 'b@x.example');
  log(join(root, 'june', 'week1', 'c.csv'), 'c@x.example');
  symlinkSync('.', join(root, 'self'));
  symlinkSync('..', join(root, 'june', 'up'));
  symlinkSync('../..', join(root, 'june', 'week1', 'top'));
  symlinkSync(join(root, 'june'), join(root, 'june-again'));
  return root;
}

describe('expandPaths', () => {
  it('reads each folder once: links back into folders already read are not followed', async () => {
    const root = loopyFolder();
    const started = Date.now();
    const result = await expandPaths([root]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.cancelled).toBe(false);
    expect(result.missing).toEqual([]);
    expect(result.files.map((f) => f.path.slice(root.length + 1)).sort()).toEqual([
      'a.csv',
      'b.csv',
      'june/week1/c.csv',
    ]);
  });

  it('stops when the signal is aborted, mid-walk', async () => {
    const root = loopyFolder();
    const controller = new AbortController();
    let checks = 0;
    // Aborted at the third check: after the walk started, before it ended.
    const signal = controller.signal;
    Object.defineProperty(signal, 'aborted', { get: () => ++checks >= 3 });
    const result = await expandPaths([root], { signal });
    expect(result.cancelled).toBe(true);
    expect(checks).toBe(3);
    expect(result.files.length).toBeLessThan(3);
  });

  it('refuses a folder with more files than the limit, naming it; other paths still count', async () => {
    const root = loopyFolder();
    const single = log(join(temp(), 'single.csv'), 's@x.example');
    const result = await expandPaths([root, single], { maxFiles: 2 });
    expect(result.missing).toEqual([{ path: root, reason: 'more than 2 files: import the folder in parts' }]);
    expect(result.files.map((f) => basename(f.path))).toEqual(['single.csv']);
  });

  it('refuses a folder nested deeper than the limit', async () => {
    let deep = join(temp(), 'deep');
    const top = deep;
    for (let i = 0; i < 6; i++) deep = join(deep, `level${i}`);
    mkdirSync(deep, { recursive: true });
    log(join(deep, 'x.csv'), 'x@x.example');
    const result = await expandPaths([top], { maxDepth: 4 });
    expect(result.files).toEqual([]);
    expect(result.missing).toHaveLength(1);
    expect(result.missing[0]!.path).toBe(top);
    expect(result.missing[0]!.reason).toMatch(/^folders nested more than 4 levels deep \(.*level4\)$/);
  });
});

describe('importFiles with a folder that links to itself', () => {
  it('imports each file once and ends', async () => {
    const root = loopyFolder();
    const db = openCase(join(temp(), 'case.enrollscope'));
    try {
      const outcomes = await importFiles(db, [root]);
      expect(outcomes.map((o) => [o.file, o.status])).toEqual([
        ['a.csv', 'imported'],
        ['b.csv', 'imported'],
        ['c.csv', 'imported'],
      ]);
    } finally {
      db.close();
    }
  });

  it('cancelled while the folders are read: nothing imported, the given path reported cancelled', async () => {
    const root = loopyFolder();
    const db = openCase(join(temp(), 'case.enrollscope'));
    try {
      const controller = new AbortController();
      controller.abort();
      expect(await importFiles(db, [root], { signal: controller.signal })).toEqual([
        { file: 'export', status: 'cancelled' },
      ]);
      expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
