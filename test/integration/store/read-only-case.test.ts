/**
 * A case this user cannot write (docs/security.md, "Read-only cases"): it opens read-only from a
 * copy in memory, so reports, drill-down, exports and PDF work and nothing is created beside it (no
 * -wal/-shm owned by another user); writes are refused as "read-only", never "damaged".
 *
 * Tests run as root, for whom permissions do not stop writes: the real cases are a read-only file
 * system (a tmpfs remounted read-only) and the command line run as `nobody` (setpriv) on a root's case.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listAttempts } from '../../../src-main/drilldown/attempts';
import { computeReport } from '../../../src-main/report/compute-report';
import type { CaseInfo } from '../../../src-main/shared/ipc-contract';
import { PLATFORMS, SECTIONS } from '../../../src-main/shared/taxonomy';
import { openModeOf } from '../../../src-main/store/case-access';
import { isReadOnlyCase, openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { completedAttempt, writeEventLog, type TestEvent } from '../../helpers/event-log';
import { APP_SENDER, testBackend } from '../../helpers/test-backend';
import { importRefusal } from '../../helpers/import-refusal';
import { useTempDir } from '../../helpers/temp-dir';
import { canMountTinyFs } from '../../helpers/tiny-fs';
import { useTinyFs } from '../../helpers/use-tiny-fs';

const BIN = join(process.cwd(), 'bin', 'enrollscope.js');
const canSwitchUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

function asNobody(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, HOME: '/tmp' },
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function events(): TestEvent[] {
  const all: TestEvent[] = [];
  for (let i = 0; i < 20; i++)
    all.push(
      ...completedAttempt(`user${i}@contoso.example`, i % 2 ? 'iOS' : 'Android', `2025-06-0${1 + (i % 5)}T09:00:00Z`),
    );
  all.push({ time: '2025-06-04T10:00:00Z', user: 'left@contoso.example', platform: 'iOS', event: 'start' });
  return all;
}

async function makeCase(dir: string): Promise<{ path: string; more: string }> {
  const path = join(dir, 'shared.enrollscope');
  const db = openCase(path);
  await importFiles(db, [writeEventLog(join(dir, 'log.csv'), events())]);
  db.close();
  const more = writeEventLog(
    join(dir, 'more.csv'),
    completedAttempt('late@contoso.example', 'iOS', '2025-06-05T09:00:00Z'),
  );
  return { path, more };
}

describe('the decision', () => {
  it('writes only when the file and its folder are writable; creates a missing case', () => {
    expect(openModeOf({ exists: false, fileWritable: false, folderWritable: true })).toBe('create');
    expect(openModeOf({ exists: true, fileWritable: true, folderWritable: true })).toBe('write');
    expect(openModeOf({ exists: true, fileWritable: false, folderWritable: true })).toBe('read-only');
    expect(openModeOf({ exists: true, fileWritable: true, folderWritable: false })).toBe('read-only');
    expect(openModeOf({ exists: true, fileWritable: false, folderWritable: false })).toBe('read-only');
  });
});

describe.skipIf(!canMountTinyFs)('a case on a read-only file system', () => {
  const temp = useTempDir();
  const tinyFs = useTinyFs();

  it('reports and drills down from a copy in memory, creates nothing, refuses writes as read-only', async () => {
    const { path: original, more } = await makeCase(temp());
    const writable = openCase(original);
    const expected = computeReport(writable, { tz: 'UTC' });
    const expectedAttempts = listAttempts(writable, { tz: 'UTC', outcome: 'incomplete' });
    writable.close();

    const tiny = tinyFs(2048);
    const path = join(tiny.dir, 'shared.enrollscope');
    copyFileSync(original, path);
    tiny.remountReadOnly();

    const db = openCase(path, { create: false });
    expect(isReadOnlyCase(db)).toBe(true);
    expect(computeReport(db, { tz: 'UTC' })).toEqual(expected);
    expect(listAttempts(db, { tz: 'UTC', outcome: 'incomplete' })).toEqual(expectedAttempts);
    const error = await importRefusal(db, [more]);
    db.close();
    expect(error.problem).toBe('read-only');
    expect(error.message).toBe(
      'shared.enrollscope: the case is read-only for you (the file or its folder is not writable): it can be read, not changed',
    );
    expect(readdirSync(tiny.dir)).toEqual(['shared.enrollscope']);
    // A new case there, or in a folder that does not exist: said so, not "damaged".
    const readOnlyDir = tiny.dir;
    expect(() => openCase(join(readOnlyDir, 'new.enrollscope'))).toThrow(
      /new\.enrollscope: cannot create the case: the folder .* is not writable$/,
    );
    expect(() => openCase(join(readOnlyDir, 'missing', 'new.enrollscope'))).toThrow(
      /cannot create the case: the folder .*missing does not exist$/,
    );
  });

  it('the app says read-only, reports and prints, and refuses imports and annotations', async () => {
    const { path: original } = await makeCase(temp());
    const tiny = tinyFs(2048);
    const path = join(tiny.dir, 'shared.enrollscope');
    copyFileSync(original, path);
    tiny.remountReadOnly();

    const printed: string[] = [];
    const backend = testBackend(join(temp(), 'user-data'), {
      print: {
        render: async (job) => {
          printed.push(job.report.range.to);
          return new TextEncoder().encode('%PDF-1.7');
        },
        choosePdfPath: async () => join(temp(), 'report.pdf'),
      },
    });
    const sender = APP_SENDER;
    const opened = await backend.invoke('case:open', { path }, sender);
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    expect((opened as { value: CaseInfo }).value.readOnly).toBe(true);
    const request = {
      range: { kind: 'last', days: 14 },
      platforms: [...PLATFORMS],
      sections: [...SECTIONS],
      tz: 'UTC',
    };
    const report = await backend.invoke('report:get', request, sender);
    expect(report.ok, JSON.stringify(report).slice(0, 300)).toBe(true);
    const pdf = await backend.invoke(
      'print:pdf',
      {
        report: request,
        customer: 'Contoso',
        consultant: 'Me',
        maskUsers: true,
        page: { paper: 'A4', orientation: 'portrait' },
        language: 'en',
      },
      sender,
    );
    expect(pdf.ok, JSON.stringify(pdf)).toBe(true);
    expect(printed).toHaveLength(1);
    const note = await backend.invoke('annotations:add', { date: '2025-06-02', text: 'x' }, sender);
    expect(note).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/read-only/) } });
    const imported = await backend.invoke('import:run', { paths: [join(temp(), 'nothing.csv')] }, sender);
    expect(imported).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/read-only/) },
    });
    backend.session.close();
    expect(readdirSync(tiny.dir)).toEqual(['shared.enrollscope']);
  });
});

describe.skipIf(!canSwitchUser)("another user's case (the command line run as nobody)", () => {
  const temp = useTempDir();

  async function rootsCase(): Promise<{ dir: string; path: string; more: string }> {
    const dir = temp();
    chmodSync(dir, 0o1777); // anyone may create files here, as in a shared folder
    const { path, more } = await makeCase(dir);
    chmodSync(path, 0o644);
    chmodSync(more, 0o644);
    return { dir, path, more };
  }

  it('reports, drills down and checks it without leaving -wal/-shm files; an import is refused as read-only', async () => {
    const { dir, path, more } = await rootsCase();
    const expected = spawnSync(process.execPath, [BIN, 'report', '--db', path], { encoding: 'utf8' }).stdout;
    expect(readdirSync(dir).sort()).toEqual(['log.csv', 'more.csv', 'shared.enrollscope']);

    const report = asNobody(['report', '--db', path]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout)).toEqual(JSON.parse(expected));
    const attempts = asNobody(['attempts', '--db', path, '--outcome', 'incomplete']);
    expect(attempts.code).toBe(0);
    expect((JSON.parse(attempts.stdout) as { total: number }).total).toBeGreaterThan(0);
    expect(asNobody(['check', '--db', path])).toMatchObject({ code: 0, stdout: 'ok\n' });

    const refused = asNobody(['imports', more, '--db', path]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'enrollscope: shared.enrollscope: the case is read-only for you (the file or its folder is not writable): it can be read, not changed\n',
    );
    expect(readdirSync(dir).sort()).toEqual(['log.csv', 'more.csv', 'shared.enrollscope']);
    // Not even readable: said so, not "damaged".
    chmodSync(path, 0o600);
    expect(asNobody(['report', '--db', path])).toMatchObject({
      code: 1,
      stderr: 'enrollscope: shared.enrollscope: cannot read the case: permission denied\n',
    });
    chmodSync(path, 0o644);
    // The owner still opens and imports into it.
    const owner = openCase(path);
    expect((await importFiles(owner, [more]))[0]!.status).toBe('imported');
    owner.close();
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('prints it to PDF, leaving nothing beside it but the PDF', async () => {
    const { dir, path } = await rootsCase();
    const out = join(dir, 'report.pdf');
    const names = ['--customer', 'Contoso', '--consultant', 'Jane Doe'];
    const result = asNobody([
      'report',
      '--db',
      path,
      '--format',
      'pdf',
      '--out',
      out,
      '--mask-users',
      '--browser',
      '/usr/bin/chromium',
      ...names,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(dir).sort()).toEqual(['log.csv', 'more.csv', 'report.pdf', 'shared.enrollscope']);
  });

  it('refuses, as read-only and not damaged, a case whose latest changes are still in its -wal', async () => {
    const { dir, path } = await rootsCase();
    const holder = new Database(path);
    holder.prepare("INSERT INTO settings (key, value) VALUES ('customer', 'Contoso')").run();
    try {
      expect(existsSync(`${path}-wal`)).toBe(true);
      const result = asNobody(['report', '--db', path]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^enrollscope: shared\.enrollscope: the case is read-only for you and its latest changes are still in its -wal file/,
      );
      expect(result.stderr).not.toMatch(/damaged/);
      expect(readdirSync(dir).sort()).toEqual([
        'log.csv',
        'more.csv',
        'shared.enrollscope',
        'shared.enrollscope-shm',
        'shared.enrollscope-wal',
      ]);
    } finally {
      holder.close();
    }
  });
});
