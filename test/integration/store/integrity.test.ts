/**
 * What is checked when (docs/security.md): quick_check at open misses an index that no longer
 * matches its table; integrity_check (enrollscope check, and before an import's first write) finds it.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCase } from '../../../src-main/store/case-check';
import { openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { flipBitInIndex } from '../../helpers/damage-index';
import { completedAttempt, writeEventLog, type TestEvent } from '../../helpers/event-log';
import { runCli } from '../../helpers/run-cli';
import { APP_SENDER, testBackend } from '../../helpers/test-backend';
import { importRefusal } from '../../helpers/import-refusal';
import { useTempDir } from '../../helpers/temp-dir';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('index damage', () => {
  const temp = useTempDir();

  async function damagedCase(): Promise<{ path: string; more: string }> {
    const dir = temp();
    const path = join(dir, 'indexed.enrollscope');
    const events: TestEvent[] = [];
    for (let i = 0; i < 300; i++)
      events.push(
        ...completedAttempt(`user${i}@contoso.example`, i % 2 ? 'iOS' : 'Android', `2025-06-0${1 + (i % 9)}T09:00:00Z`),
      );
    const first = writeEventLog(join(dir, 'first.csv'), events);
    const more = writeEventLog(
      join(dir, 'more.csv'),
      completedAttempt('late@contoso.example', 'iOS', '2025-06-10T09:00:00Z'),
    );
    const db = openCase(path);
    await importFiles(db, [first]);
    db.close();
    flipBitInIndex(path, 'attempts_by_group');
    return { path, more };
  }

  it('is missed by quick_check and found by integrity_check', async () => {
    const { path } = await damagedCase();
    const raw = new Database(path, { readonly: true });
    expect(checkCase(raw, 'quick').ok).toBe(true);
    const full = checkCase(raw, 'full');
    raw.close();
    expect(full.ok).toBe(false);
    expect(full.problems.join('\n')).toMatch(/attempts_by_group/);
  });

  it('enrollscope check prints the problems and exits 1; a healthy case prints ok and exits 0', async () => {
    const { path } = await damagedCase();
    const before = sha(path);
    const damaged = runCli(['check', '--db', path]);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toMatch(/^.*indexed\.enrollscope: damaged, integrity_check found:\n/);
    expect(damaged.stdout).toMatch(/missing from index attempts_by_group/);
    expect(sha(path)).toBe(before);

    const healthy = join(temp(), 'healthy.enrollscope');
    openCase(healthy).close();
    const ok = runCli(['check', '--db', healthy]);
    expect(ok).toMatchObject({ code: 0, stdout: 'ok\n', stderr: '' });

    const missing = runCli(['check', '--db', join(temp(), 'nothing.enrollscope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such case file/);
  });

  it('an import refuses the case before writing anything', async () => {
    const { path, more } = await damagedCase();
    // quick_check at open does not see it: the case opens.
    const db = openCase(path);
    const error = await importRefusal(db, [more]);
    db.close();
    expect(error.problem).toBe('damaged');
    expect(error.message).toMatch(/the case file is damaged \(.*attempts_by_group.*\); nothing was imported/);

    const before = sha(path);
    const cli = runCli(['imports', more, '--db', path]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^enrollscope: indexed\.enrollscope: the case file is damaged .*nothing was imported/);
    expect(sha(path)).toBe(before);
  });
});

describe("the app's Check case (case:check)", () => {
  const temp = useTempDir();

  it('answers ok for a healthy case and the problems for a damaged one', async () => {
    const dir = temp();
    const path = join(dir, 'app.enrollscope');
    const events: TestEvent[] = [];
    for (let i = 0; i < 300; i++)
      events.push(...completedAttempt(`user${i}@contoso.example`, 'iOS', '2025-06-02T09:00:00Z'));
    const db = openCase(path);
    await importFiles(db, [writeEventLog(join(dir, 'log.csv'), events)]);
    db.close();
    const backend = testBackend(join(dir, 'user-data'));
    const sender = APP_SENDER;
    expect((await backend.invoke('case:open', { path }, sender)).ok).toBe(true);
    expect(await backend.invoke('case:check', undefined, sender)).toEqual({
      ok: true,
      value: { ok: true, problems: [] },
    });
    backend.session.close();

    flipBitInIndex(path, 'attempts_by_group');
    expect((await backend.invoke('case:open', { path }, sender)).ok).toBe(true);
    const damaged = await backend.invoke('case:check', undefined, sender);
    expect(damaged).toMatchObject({ ok: true, value: { ok: false } });
    expect((damaged as { value: { problems: string[] } }).value.problems.join('\n')).toMatch(
      /missing from index attempts_by_group/,
    );
    backend.session.close();
  });
});
