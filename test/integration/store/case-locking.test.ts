/**
 * A case while another process writes to it (an import holds SQLite's write lock): reading it must
 * not need the lock, and a second writer waits, then says that another import is running. Never
 * "damaged". The other writer is a real second process (test/helpers/write-lock-holder.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import { getSetting, openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { listImports } from '../../../src-main/store/imports';
import { MASK_KEY_SETTING, maskKeyOf } from '../../../src-main/store/mask-key';
import { completedAttempt, writeEventLog } from '../../helpers/event-log';
import { runCli } from '../../helpers/run-cli';
import { importRefusal } from '../../helpers/import-refusal';
import { useTempDir } from '../../helpers/temp-dir';
import { holdWriteLock, type LockHolder } from '../../helpers/write-lock-holder';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a case while another process holds its write lock', () => {
  const temp = useTempDir();
  let holder: LockHolder | undefined;
  afterEach(async () => {
    await holder?.release();
    holder = undefined;
  });

  async function caseWithImport(): Promise<{ path: string; more: string }> {
    const dir = temp();
    const path = join(dir, 'busy.enrollscope');
    const first = writeEventLog(
      join(dir, 'first.csv'),
      completedAttempt('ann@contoso.example', 'iOS', '2025-06-02T09:00:00Z'),
    );
    const more = writeEventLog(
      join(dir, 'more.csv'),
      completedAttempt('bob@contoso.example', 'Android', '2025-06-03T09:00:00Z'),
    );
    const db = openCase(path);
    await importFiles(db, [first]);
    db.close();
    return { path, more };
  }

  it('opens and reports without waiting for the lock', async () => {
    const { path } = await caseWithImport();
    holder = await holdWriteLock(path);
    const started = Date.now();
    const db = openCase(path);
    try {
      expect(listImports(db)).toHaveLength(1);
      expect(computeReport(db, { tz: 'UTC' }).imports).toHaveLength(1);
      expect(maskKeyOf(db)).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      db.close();
    }
    // Well under busy_timeout (5 s): nothing waited for the lock.
    expect(Date.now() - started).toBeLessThan(2500);

    const cli = runCli(['report', '--db', path, '--format', 'text']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const imports = runCli(['imports', '--db', path, '--format', 'text']);
    expect(imports.code).toBe(0);
    expect(imports.stdout).toContain('first.csv');
  });

  it('a second import waits, then says another import is running (not damaged) and changes nothing', async () => {
    const { path, more } = await caseWithImport();
    holder = await holdWriteLock(path);
    const db = openCase(path);
    db.pragma('busy_timeout = 300');
    try {
      const error = await importRefusal(db, [more]);
      expect(error.problem).toBe('busy');
      expect(error.message).toContain('another import into this case is running');
      expect(error.message).not.toMatch(/damaged/);
    } finally {
      db.close();
    }

    const cli = runCli(['imports', more, '--db', path]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toBe('');
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(/^enrollscope: busy\.enrollscope: another import into this case is running/);
    expect(cli.stderr).not.toMatch(/damaged|locked/);
    await holder.release();
    holder = undefined;
    const after = openCase(path);
    expect(listImports(after).map((record) => record.file)).toEqual(['first.csv']);
    after.close();
  });

  it('a second import waits for a short lock and then imports', async () => {
    const { path, more } = await caseWithImport();
    holder = await holdWriteLock(path, 1000);
    const started = Date.now();
    const cli = runCli(['imports', more, '--db', path, '--format', 'text']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('more.csv');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('opening a case never writes to it: the masking key of an older case is made by its first import', async () => {
    const { path, more } = await caseWithImport();
    const legacy = openCase(path);
    legacy.prepare('DELETE FROM settings WHERE key = ?').run(MASK_KEY_SETTING);
    legacy.close();
    const before = sha(path);
    const reader = openCase(path);
    expect(getSetting(reader, MASK_KEY_SETTING)).toBeUndefined();
    reader.close();
    expect(sha(path)).toBe(before);

    const writer = openCase(path);
    await importFiles(writer, [more]);
    expect(getSetting(writer, MASK_KEY_SETTING)).toMatch(/^[0-9a-f]{32}$/);
    writer.close();
  });
});
