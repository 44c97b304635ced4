import { describe, expect, it, vi } from 'vitest';
import type {
  CaseInfo,
  EnrollscopeApi,
  IpcResult,
  ReportRequest,
  SessionState,
} from '../../../src-main/shared/ipc-contract';
import { createAppStore } from '../../../src-renderer/store';
import type { Report } from '../../../src-main/shared/report-types';
import { caseAt, ok, reportOf, settle } from './store-fakes';
import { translator } from '../../../src-main/shared/i18n/translator';
import { messageText } from '../../../src-renderer/i18n/user-message';

const caseInfo = (path: string, tz?: string): CaseInfo => caseAt(path, { settings: tz ? { tz } : {} });

function fakeApi(
  session: SessionState,
  overrides: Partial<EnrollscopeApi> = {},
): EnrollscopeApi & { requests: ReportRequest[] } {
  const requests: ReportRequest[] = [];
  const api = {
    requests,
    getSession: () => ok(session),
    newCase: () => ok(null),
    pickCase: () => ok(null),
    openCase: ({ path }: { path: string }) => ok(caseInfo(path)),
    saveCaseSettings: vi.fn((settings: { tz?: string }) => ok(caseInfo(session.case!.path, settings.tz))),
    clearRecent: () => ok([]),
    getReport: (request: ReportRequest) => {
      requests.push(request);
      return ok({ report: reportOf(request), latestDay: '2025-06-14' });
    },
    pickImportFiles: () => ok([]),
    importFiles: ({ paths }: { paths: readonly string[] }) =>
      ok({
        outcomes: paths.map((p) => ({ file: p, status: 'cancelled' as const })),
        case: session.case ?? caseInfo('/u/Cases/new.enrollscope'),
      }),
    cancelImport: () => ok(true),
    // Called by the slices beside the report whenever the case or the report changes.
    listAnnotations: () => ok([]),
    getFunnel: () => ok(null),
    getFindings: () => ok([]),
    onImportProgress: () => () => undefined,
    onMenuCommand: () => () => undefined,
    onSessionChanged: () => () => undefined,
    pathForFile: (file: File) => (file.name === 'web.csv' ? '' : `/drop/${file.name}`),
    ...overrides,
  };
  return api as unknown as EnrollscopeApi & { requests: ReportRequest[] };
}

describe('the store', () => {
  it('opens the session case with its zone and asks for the default report', async () => {
    const api = fakeApi({
      case: caseInfo('/c/a.enrollscope', 'Asia/Tokyo'),
      recent: [],
      notice: null,
      importing: false,
    });
    const store = createAppStore(api);
    await store.getState().init();
    await settle();
    expect(api.requests).toEqual([
      {
        range: { kind: 'last', days: 14 },
        platforms: ['iOS/iPadOS', 'Android'],
        sections: ['Setup Checklist', 'Platform Screens', 'Terms of Use', 'Compliance/Activation'],
        tz: 'Asia/Tokyo',
      },
    ]);
    expect(store.getState()).toMatchObject({ reportStatus: 'ready', latestDay: '2025-06-14' });
  });

  it('keeps the taxonomy order and at least one platform and section', async () => {
    const api = fakeApi({ case: caseInfo('/c/a.enrollscope'), recent: [], notice: null, importing: false });
    const store = createAppStore(api);
    await store.getState().init();
    const s = store.getState;
    s().toggleSection('Setup Checklist');
    s().toggleSection('Terms of Use');
    s().toggleSection('Setup Checklist');
    expect(s().sections).toEqual(['Setup Checklist', 'Platform Screens', 'Compliance/Activation']);
    s().togglePlatform('iOS/iPadOS');
    s().togglePlatform('Android'); // the last one stays
    expect(s().platforms).toEqual(['Android']);
    s().selectAllSections();
    expect(s().sections).toHaveLength(4);
  });

  it('narrows to what was clicked in one request, and clears one filter at a time', async () => {
    const api = fakeApi({ case: caseInfo('/c/a.enrollscope'), recent: [], notice: null, importing: false });
    const store = createAppStore(api);
    await store.getState().init();
    await settle();
    const s = store.getState;
    const epoch = s().filterEpoch;
    api.requests.length = 0;
    s().narrowTo({ sections: ['Terms of Use'], platforms: ['Android', 'iOS/iPadOS'] });
    await settle();
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({
      range: { kind: 'last', days: 14 },
      platforms: ['iOS/iPadOS', 'Android'],
      sections: ['Terms of Use'],
    });
    s().narrowTo({ range: { from: '2025-06-03', to: '2025-06-03' } });
    await settle();
    expect(api.requests.at(-1)).toMatchObject({
      range: { kind: 'custom', from: '2025-06-03', to: '2025-06-03' },
      sections: ['Terms of Use'],
    });
    expect(s().filterEpoch).toBe(epoch + 2);
    s().clearFilter('sections');
    expect(s().sections).toHaveLength(4);
    expect(s().range).toEqual({ kind: 'custom', from: '2025-06-03', to: '2025-06-03' });
    s().clearFilter('dates');
    expect(s().range).toEqual({ kind: 'last', days: 14 });
    s().togglePlatform('Android');
    s().clearFilter('platforms');
    expect(s().platforms).toEqual(['iOS/iPadOS', 'Android']);
    await settle();
    expect(api.requests.at(-1)).toMatchObject({
      range: { kind: 'last', days: 14 },
      platforms: ['iOS/iPadOS', 'Android'],
    });
  });

  it('shows only the answer to the latest request', async () => {
    const pending: ((value: IpcResult<{ report: Report; latestDay: string }>) => void)[] = [];
    const requests: ReportRequest[] = [];
    const api = fakeApi({ case: caseInfo('/c/a.enrollscope'), recent: [], notice: null, importing: false }, {
      getReport: (request: ReportRequest) => {
        requests.push(request);
        return new Promise((resolve) => pending.push(resolve));
      },
    } as Partial<EnrollscopeApi>);
    const store = createAppStore(api);
    await store.getState().init();
    store.getState().setPreset(7);
    store.getState().setPreset(30);
    expect(requests.map((r) => (r.range.kind === 'last' ? r.range.days : 0))).toEqual([14, 7, 30]);
    pending[2]!({ ok: true, value: { report: reportOf(requests[2]!), latestDay: 'x' } });
    await settle();
    pending[1]!({
      ok: true,
      value: {
        report: { ...reportOf(requests[1]!), rollup: { ...reportOf(requests[1]!).rollup, initiated: 999 } },
        latestDay: 'y',
      },
    });
    await settle();
    expect(store.getState().latestDay).toBe('x');
    expect(store.getState().report?.rollup.initiated).toBe(10);
  });

  it('saves a new time zone in the case', async () => {
    const api = fakeApi({ case: caseInfo('/c/a.enrollscope'), recent: [], notice: null, importing: false });
    const store = createAppStore(api);
    await store.getState().init();
    await store.getState().setTimeZone('Europe/Paris');
    expect(api.saveCaseSettings).toHaveBeenCalledWith({ tz: 'Europe/Paris' });
    expect(api.requests.at(-1)?.tz).toBe('Europe/Paris');
  });

  it('a drop: paths from the preload, a case file opens, files without a path are reported', async () => {
    const importFiles = vi.fn(({ paths }: { paths: readonly string[] }) =>
      ok({
        outcomes: paths.map((p) => ({ file: p, status: 'cancelled' as const })),
        case: caseInfo('/c/a.enrollscope'),
      }),
    );
    const openCase = vi.fn(({ path }: { path: string }) => ok(caseInfo(path)));
    const api = fakeApi({ case: caseInfo('/c/a.enrollscope'), recent: [], notice: null, importing: false }, {
      importFiles,
      openCase,
    } as Partial<EnrollscopeApi>);
    const store = createAppStore(api);
    await store.getState().init();
    await store.getState().importDropped([new File([''], 'a.csv'), new File([''], 'b.zip')]);
    expect(importFiles).toHaveBeenCalledWith({ paths: ['/drop/a.csv', '/drop/b.zip'] });
    expect(store.getState().importStatus).toBe('done');
    await store.getState().importDropped([new File([''], 'Customer.enrollscope')]);
    expect(openCase).toHaveBeenCalledWith({ path: '/drop/Customer.enrollscope' });
    await store.getState().importDropped([new File([''], 'web.csv')]);
    // The store keeps the message's id; the view says it in the window's language.
    expect(messageText(translator('en').t, store.getState().importError!)).toMatch(/no file on disk/);
    expect(messageText(translator('de').t, store.getState().importError!)).toMatch(/keine Dateien auf dem Datenträger/);
  });

  it('follows import progress per file', async () => {
    const api = fakeApi({ case: caseInfo('/c/a.enrollscope'), recent: [], notice: null, importing: false }, {
      importFiles: () => new Promise(() => undefined),
    } as Partial<EnrollscopeApi>);
    const store = createAppStore(api);
    await store.getState().init();
    void store.getState().importPaths(['/x/a.csv', '/x/b.csv']);
    const progress = {
      file: 'b.csv',
      fileIndex: 1,
      fileCount: 2,
      bytesRead: 50,
      totalBytes: 100,
      rows: 7,
      overallBytesRead: 150,
      overallTotalBytes: 200,
      phase: 'reading' as const,
    };
    store.getState().onImportProgress(progress);
    expect(store.getState().importFiles).toHaveLength(2);
    expect(store.getState().importFiles[1]).toMatchObject({ file: 'b.csv', rows: 7 });
    expect(store.getState().importOverall).toEqual({ bytesRead: 150, totalBytes: 200 });
  });

  it('opening, picking or creating a case leaves the last import of the case left behind', async () => {
    const picked = caseInfo('/c/picked.enrollscope');
    const created = caseInfo('/c/new.enrollscope');
    const api = fakeApi({ case: caseInfo('/c/a.enrollscope'), recent: [], notice: null, importing: false }, {
      pickCase: () => ok(picked),
      newCase: () => ok(created),
    } as Partial<EnrollscopeApi>);
    const store = createAppStore(api);
    await store.getState().init();
    const lastImport = {
      importOutcomes: [{ file: 'a.csv', status: 'cancelled' as const }],
      importMaskedRecords: [null],
      importStatus: 'done' as const,
    };
    for (const [open, info] of [
      [() => store.getState().pickCase(), picked],
      [() => store.getState().newCase(), created],
      [() => store.getState().openCase('/c/other.enrollscope'), caseInfo('/c/other.enrollscope')],
    ] as const) {
      store.setState(lastImport);
      await open();
      expect(store.getState()).toMatchObject({
        caseInfo: info,
        importOutcomes: null,
        importMaskedRecords: null,
        importStatus: 'idle',
      });
    }
  });
});
