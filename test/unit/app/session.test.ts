import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { HandlerError } from '../../../src-main/app/ipc';
import { AppSession, type Dialogs, type SessionOptions } from '../../../src-main/app/session';
import { addDays } from '../../../src-main/shared/calendar-day';
import { computeReport } from '../../../src-main/report/compute-report';
import type * as ImportInWorker from '../../../src-main/workers/import-in-worker';
import type { SessionState } from '../../../src-main/shared/ipc-contract';
import { eventLogCsv } from '../../helpers/event-log';

type RunImport = typeof ImportInWorker.runImportInWorker;

// The import worker, replaced in one test by an import that waits to be cancelled; the real one
// everywhere else.
const importer = vi.hoisted(() => ({ stand: null as null | RunImport }));
vi.mock('../../../src-main/workers/import-in-worker', async (original) => {
  const real = await original<typeof ImportInWorker>();
  return {
    ...real,
    runImportInWorker: (...args: Parameters<RunImport>) => (importer.stand ?? real.runImportInWorker)(...args),
  };
});

const SAMPLE = join(process.cwd(), 'resources', 'sample-case.enrollscope');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enrollscope-session-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const noDialogs: Dialogs = {
  chooseNewCasePath: async () => null,
  chooseCaseToOpen: async () => null,
  chooseImportFiles: async () => [],
};

function session(options: Partial<SessionOptions> = {}): AppSession {
  return new AppSession({
    dialogs: noDialogs,
    userDataDir: join(dir, 'user'),
    sampleCase: SAMPLE,
    emit: () => undefined,
    ...options,
  });
}

describe('AppSession', () => {
  it('opens a copy of the sample on the very first start, then the last case', () => {
    const first = session();
    first.start();
    const info = first.state().case!;
    expect(info.path).toBe(join(dir, 'user', 'Sample case.enrollscope'));
    expect(info).toMatchObject({ isSample: true, settings: { tz: 'UTC' } });
    expect(info.importCount).toBeGreaterThan(0);
    const other = first.createCase(join(dir, 'Other'));
    expect(other.path).toBe(join(dir, 'Other.enrollscope'));
    expect(other).toMatchObject({ isSample: false, importCount: 0, settings: {} });
    first.close();

    const second = session();
    second.start();
    expect(second.state().case?.path).toBe(join(dir, 'Other.enrollscope'));
    expect(second.state().recent.map((r) => r.name)).toEqual(['Other', 'Sample case']);
    second.close();
  });

  it('says so when the last case cannot be reopened, and does not fall back to the sample', () => {
    const first = session();
    first.start();
    first.createCase(join(dir, 'Gone.enrollscope'));
    first.close();
    rmSync(join(dir, 'Gone.enrollscope'));
    const second = session();
    second.start();
    expect(second.state().case).toBeNull();
    expect(second.state().notice).toMatch(/Could not reopen the last case \(Gone\)/);
    second.close();
  });

  it('refuses to overwrite an existing file as a new case, and non-case files', () => {
    const s = session({ sampleCase: null });
    s.start();
    s.createCase(join(dir, 'A.enrollscope'));
    expect(() => s.createCase(join(dir, 'A.enrollscope'))).toThrow(HandlerError);
    expect(() => s.openCase(join(dir, 'recent-missing.enrollscope'))).toThrow(/no such case file/);
    s.close();
  });

  it('ends presets at the latest day with data and passes the lists on as the store keeps them', () => {
    const s = session();
    s.start();
    const all = {
      platforms: ['iOS/iPadOS', 'Android'] as const,
      sections: ['Setup Checklist', 'Platform Screens', 'Terms of Use', 'Compliance/Activation'] as const,
    };
    const { db, filter, latestDay } = s.resolve({
      range: { kind: 'last', days: 7 },
      tz: 'UTC',
      platforms: [...all.platforms],
      sections: [...all.sections],
    });
    // The sample's log ends mid-afternoon on 2025-11-14 with no summary row that day: a partial
    // day, so the presets end the day before (the engine's default range).
    expect(latestDay).toBe('2025-11-13');
    expect(computeReport(db, filter).range).toEqual({ from: '2025-11-07', to: '2025-11-13', tz: 'UTC' });
    expect(filter).toEqual({
      from: '2025-11-07',
      to: '2025-11-13',
      tz: 'UTC',
      platforms: all.platforms,
      sections: all.sections,
    });
    const custom = s.resolve({
      range: { kind: 'custom', from: '2025-10-20', to: '2025-10-25' },
      tz: 'UTC',
      platforms: ['Android'],
      sections: ['Terms of Use'],
    });
    expect(custom.filter).toEqual({
      from: '2025-10-20',
      to: '2025-10-25',
      tz: 'UTC',
      platforms: ['Android'],
      sections: ['Terms of Use'],
    });
    s.close();
  });

  it('keeps refused files in the case, is busy during an import, and cancels it', async () => {
    let release: () => void = () => undefined;
    importer.stand = vi.fn(
      (_case: string, paths: readonly string[], options: { signal?: AbortSignal } = {}) =>
        new Promise<never[]>((resolve) => {
          release = () => resolve([]);
          options.signal?.addEventListener('abort', () =>
            resolve(
              paths.map((p) => ({
                file: p.split('/').pop()!,
                status: 'refused',
                reason: 'not an enrollment file',
              })) as never[],
            ),
          );
        }),
    );
    onTestFinished(() => {
      importer.stand = null;
    });
    const s = session({ sampleCase: null });
    s.start();
    const running = s.importFiles(['/in/notes.txt']);
    // No case was open: one was made for the import.
    expect(s.state()).toMatchObject({ importing: true, case: { name: expect.stringMatching(/^Case /) } });
    expect(() => s.openCase(join(dir, 'x.enrollscope'))).toThrow(/An import is running/);
    expect(s.cancelImport()).toBe(true);
    const run = await running;
    expect(run.outcomes).toEqual([{ file: 'notes.txt', status: 'refused', reason: 'not an enrollment file' }]);
    expect(run.case.refused).toMatchObject([{ file: 'notes.txt', reason: 'not an enrollment file' }]);
    expect(s.state().importing).toBe(false);
    expect(s.cancelImport()).toBe(false);
    expect(importer.stand).toHaveBeenCalledTimes(1);
    release();
    s.close();
  });

  it('an import into a case made for it ends with the session as the import left it: the last change the window hears', async () => {
    const heard: SessionState[] = [];
    const s = session({
      sampleCase: null,
      emit: (channel, payload) => {
        if (channel === 'session:changed') heard.push(payload as SessionState);
      },
    });
    s.start();
    const file = join(dir, 'log.csv');
    writeFileSync(
      file,
      eventLogCsv([
        { time: '2025-06-01T08:00:00Z', user: 'ann@contoso.example', platform: 'iOS', event: 'start' },
        { time: '2025-06-01T08:01:00Z', user: 'ann@contoso.example', platform: 'iOS', event: 'complete' },
      ]),
    );
    const run = await s.importFiles([file]);
    expect(run.case.importCount).toBe(1);
    // The case made for the import was announced with no imports; that announcement can reach the
    // window after the import's answer, so a later one must say how the import left the case.
    expect(heard[0]?.case).toMatchObject({ path: run.case.path, importCount: 0 });
    expect(heard.at(-1)).toMatchObject({ importing: false, case: { path: run.case.path, importCount: 1 } });
    s.close();
  });

  it('writes the recent list as JSON in the user data folder', () => {
    const s = session();
    s.start();
    const file = join(dir, 'user', 'recent-cases.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).recent[0].name).toBe('Sample case');
    s.clearRecent();
    expect(s.state().recent.map((r) => r.name)).toEqual(['Sample case']);
    s.close();
  });
});

describe('addDays', () => {
  it('adds days across months', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});
