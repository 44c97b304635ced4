/**
 * Crash safety. An import of a large real file (the synthetic generator's log) runs in a
 * CHILD process against a case that already holds an import, and is SIGKILLed at a known point:
 * while rows flow, while attempts are rebuilt, and (the command line itself) while parsing and
 * while the commit is being written to the WAL. The case is then reopened: quick_check passes and
 * it holds exactly what it held before (same imports, same rows, same report), or, when the kill
 * came after the commit, exactly one whole import more. No fixed sleeps: the kill waits for the
 * child's progress lines, its read counter or the WAL file.
 *
 * Also: a damaged case is detected at open and refused, by the command line and by the app's Open
 * case, without changing a byte; so is a file that is not a case.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src-main/app/backend';
import { openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { writeSyntheticLog } from '../../../src-main/tools/synthetic-log';
import { caseSnapshot, type CaseSnapshot } from '../../helpers/case-snapshot';
import { runCli } from '../../helpers/run-cli';

const root = mkdtempSync(join(tmpdir(), 'enrollscope-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const bin = fileURLToPath(new URL('../../../bin/enrollscope.js', import.meta.url));
const child = fileURLToPath(new URL('../../helpers/import-child.ts', import.meta.url));
const RANGE = ['--from', '2025-05-01', '--to', '2025-07-31'];
const BIG_EVENTS = 300_000;

const bigFile = join(root, 'big-export.csv');
const baselineCase = join(root, 'baseline.enrollscope');
let bigSize = 0;
let before: CaseSnapshot;
let beforeCli: string;

beforeAll(async () => {
  const base = join(root, 'earlier-export.csv');
  await writeSyntheticLog(base, { seed: 3, events: 20_000, days: 30, endDay: '2025-06-30' });
  bigSize = (await writeSyntheticLog(bigFile, { seed: 11, events: BIG_EVENTS, days: 30, endDay: '2025-06-30' })).bytes;
  const db = openCase(baselineCase);
  const [outcome] = await importFiles(db, [base]);
  expect(outcome?.status).toBe('imported');
  before = caseSnapshot(db);
  db.close();
  expect(existsSync(`${baselineCase}-wal`)).toBe(false);
  const cli = runCli(['report', '--db', baselineCase, ...RANGE]);
  expect(cli.code, cli.stderr).toBe(0);
  beforeCli = cli.stdout;
}, 60_000);

/** A fresh copy of the case with one import. */
function freshCase(name: string): string {
  const path = join(root, `${name}.enrollscope`);
  copyFileSync(baselineCase, path);
  return path;
}

/** Resolves with how the child ended. */
function ended(process: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => process.on('close', (code, signal) => resolve({ code, signal })));
}

/** Runs the import child and kills it at the first progress line `when` accepts. */
async function killImportChildWhen(casePath: string, when: (line: { phase?: string; rows?: number }) => boolean) {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, casePath, bigFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = ended(proc);
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  let seen: { phase?: string; rows?: number } | undefined;
  for await (const text of createInterface({ input: proc.stdout! })) {
    const line = JSON.parse(text) as { phase?: string; rows?: number };
    if (when(line)) {
      seen = line;
      proc.kill('SIGKILL');
      break;
    }
  }
  const { signal } = await exit;
  expect(seen, `the child ended before the kill point: ${stderr}`).toBeDefined();
  expect(signal).toBe('SIGKILL');
  return seen!;
}

/** Reopens the case as the app and the command line do, and checks it holds what it held before. */
function expectAsBefore(casePath: string): void {
  const db = openCase(casePath, { create: false }); // runs quick_check
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(caseSnapshot(db)).toEqual(before);
  } finally {
    db.close();
  }
  const cli = runCli(['report', '--db', casePath, ...RANGE]);
  expect(cli.code, cli.stderr).toBe(0);
  expect(cli.stdout).toBe(beforeCli);
}

describe('an import killed (SIGKILL) half-way leaves the case as it was', () => {
  it('while rows are flowing (importFiles with the parse worker, as the command line runs it)', async () => {
    const casePath = freshCase('killed-reading');
    const at = await killImportChildWhen(
      casePath,
      (line) => line.phase === 'reading' && (line.rows ?? 0) >= BIG_EVENTS / 3,
    );
    expect(at.rows).toBeLessThan(BIG_EVENTS);
    expectAsBefore(casePath);

    // Nothing of the killed import is left behind: the same file imports in full afterwards.
    const again = spawn(process.execPath, ['--import', 'tsx', child, casePath, bigFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = '';
    again.stdout!.setEncoding('utf8').on('data', (text: string) => (last = text.trim().split('\n').at(-1)!));
    expect(await ended(again)).toEqual({ code: 0, signal: null });
    expect(JSON.parse(last)).toEqual({ done: ['imported'] });
    const db = openCase(casePath, { create: false });
    const after = caseSnapshot(db);
    db.close();
    expect(after.imports.slice(0, before.imports.length)).toEqual(before.imports);
    expect(after.imports).toHaveLength(before.imports.length + 1);
    expect(after.imports.at(-1)).toMatchObject({ file: 'big-export.csv', rows: BIG_EVENTS });
  }, 60_000);

  it('while attempts are being rebuilt (the last step inside the import transaction)', async () => {
    const casePath = freshCase('killed-attempts');
    await killImportChildWhen(casePath, (line) => line.phase === 'attempts');
    expectAsBefore(casePath);
  }, 60_000);

  it.runIf(process.platform === 'linux')(
    'the command line itself (report FILE --db CASE), killed while it parses',
    async () => {
      const casePath = freshCase('killed-cli');
      const proc = spawn(process.execPath, [bin, 'report', bigFile, '--db', casePath], { stdio: 'ignore' });
      const exit = ended(proc);
      // The import is under way once the command line holds the case's write lock (its import
      // transaction is open); rows flow once it has read a third of the file since then.
      const probe = new Database(casePath, { timeout: 0 });
      const holdsWriteLock = (): boolean => {
        try {
          probe.exec('BEGIN IMMEDIATE');
          probe.exec('ROLLBACK');
          return false;
        } catch {
          return true;
        }
      };
      const readBytes = (): number =>
        Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${proc.pid}/io`, 'utf8'))?.[1] ?? Number.NaN);
      let readSinceLock = 0;
      await new Promise<void>((resolve, reject) => {
        let readAtLock: number | undefined;
        const timer = setInterval(() => {
          try {
            if (readAtLock === undefined) {
              if (holdsWriteLock()) readAtLock = readBytes();
              return;
            }
            readSinceLock = readBytes() - readAtLock;
            if (readSinceLock > bigSize / 3) {
              clearInterval(timer);
              proc.kill('SIGKILL');
              resolve();
            }
          } catch (error) {
            clearInterval(timer);
            reject(error as Error);
          }
        }, 2);
      });
      probe.close();
      expect((await exit).signal).toBe('SIGKILL');
      expect(readSinceLock).toBeGreaterThan(bigSize / 3);
      expectAsBefore(casePath);
    },
    60_000,
  );

  it('killed right after the commit, the case still open and the import only in the WAL: the whole import', async () => {
    const casePath = freshCase('killed-after-commit');
    const proc = spawn(process.execPath, ['--import', 'tsx', child, '--hold-after-commit', casePath, bigFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = ended(proc);
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    let committed: { done?: string[]; holding?: boolean } | undefined;
    for await (const text of createInterface({ input: proc.stdout! })) {
      const line = JSON.parse(text) as { done?: string[]; holding?: boolean };
      if (line.holding === true) {
        committed = line;
        proc.kill('SIGKILL');
        break;
      }
    }
    expect(committed, `the child never reported its commit: ${stderr}`).toEqual({ done: ['imported'], holding: true });
    expect((await exit).signal).toBe('SIGKILL');
    // The commit lives only in the WAL: the process never closed the case, so nothing was checkpointed.
    expect(statSync(`${casePath}-wal`).size).toBeGreaterThan(0);

    const db = openCase(casePath, { create: false });
    const after = caseSnapshot(db);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(after.imports.slice(0, before.imports.length)).toEqual(before.imports);
    expect(after.imports).toHaveLength(before.imports.length + 1);
    const record = after.imports.at(-1)!;
    expect(record).toMatchObject({ file: 'big-export.csv', rows: BIG_EVENTS });
    expect(after.counts['events']).toBe(before.counts['events']! + record.imported);
  }, 60_000);

  it('the command line killed once its WAL starts growing (pages spilled or the commit): all of the import or none of it', async () => {
    const casePath = freshCase('killed-commit');
    const wal = `${casePath}-wal`;
    const proc = spawn(process.execPath, [bin, 'report', bigFile, '--db', casePath], { stdio: 'ignore' });
    const exit = ended(proc);
    let walBytes = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        walBytes = existsSync(wal) ? statSync(wal).size : 0;
        if (walBytes > 0) {
          clearInterval(timer);
          proc.kill('SIGKILL');
          resolve();
        }
      }, 1);
      void exit.then(() => {
        clearInterval(timer);
        resolve();
      });
    });
    const { signal } = await exit;
    // The kill must have landed: a run that finished first would test nothing.
    expect(signal).toBe('SIGKILL');
    expect(walBytes).toBeGreaterThan(0);
    const db = openCase(casePath, { create: false });
    const after = caseSnapshot(db);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    if (after.imports.length === before.imports.length) {
      expect(after).toEqual(before);
    } else {
      // The commit record made it to the WAL before the kill (or the run finished): the whole import.
      expect(after.imports.slice(0, before.imports.length)).toEqual(before.imports);
      expect(after.imports).toHaveLength(before.imports.length + 1);
      const record = after.imports.at(-1)!;
      expect(record).toMatchObject({ file: 'big-export.csv', rows: BIG_EVENTS });
      expect(after.counts['events']).toBe(before.counts['events']! + record.imported);
    }
    console.info(
      `killed-commit: ${signal} after ${walBytes} WAL bytes; the case holds ${after.imports.length - before.imports.length} new import(s)`,
    );
  }, 60_000);
});

describe('a damaged case is detected at open and refused without changing a byte', () => {
  const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

  /** A case with data, then damaged: scribbled over, or cut short, in WAL or rollback-journal mode. */
  function damagedCase(name: string, how: 'scribbled' | 'truncated', journal: 'wal' | 'delete'): string {
    const path = freshCase(name);
    const db = openCase(path, { create: false });
    if (journal === 'delete') db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(path);
    if (how === 'scribbled') writeFileSync(path, bytes.fill(0xab, 8192, 8192 + 40_000));
    else writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    return path;
  }

  it.each([
    ['scribbled', 'wal'],
    ['scribbled', 'delete'],
    ['truncated', 'wal'],
    ['truncated', 'delete'],
  ] as const)('%s, %s journal: the command line (report, imports, report FILE --db)', (how, journal) => {
    const path = damagedCase(`damaged-${how}-${journal}`, how, journal);
    const digest = sha(path);
    for (const args of [
      ['report', '--db', path],
      ['imports', '--db', path],
      ['report', bigFile, '--db', path],
    ]) {
      const run = runCli(args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^enrollscope: damaged-[a-z-]+\.enrollscope: the case file is damaged \(.+\)\n$/);
      expect(run.stderr).not.toMatch(/\*\*\*/);
      expect(sha(path)).toBe(digest);
      expect(existsSync(`${path}-wal`)).toBe(false);
    }
  });

  it('the app’s Open case answers a typed refusal, and the file is unchanged', async () => {
    const path = damagedCase('damaged-app', 'scribbled', 'wal');
    const digest = sha(path);
    const app = 'file:///app/index.html';
    const backend = createBackend({
      dialogs: {
        chooseNewCasePath: async () => null,
        chooseCaseToOpen: async () => path,
        chooseImportFiles: async () => [],
      },
      userDataDir: join(root, 'user-data'),
      sampleCase: null,
      emit: () => undefined,
      isTrustedUrl: (url) => url === app,
      systemLanguages: () => ['en-US'],
    });
    for (const [channel, arg] of [
      ['case:open', { path }],
      ['case:pick', undefined],
    ] as const) {
      const answer = await backend.invoke(channel, arg, { url: app, window: 'app' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(!answer.ok && answer.error.message).toMatch(/the case file is damaged/);
    }
    backend.session.close();
    expect(sha(path)).toBe(digest);
  });
});
