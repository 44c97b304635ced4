/**
 * The slices beside the report of the store over a fake window.api: what they ask main for, and how they
 * follow the report and the open case (connectReportViews).
 */
import { describe, expect, it, vi } from 'vitest';
import type { CompareRequest, Comparison } from '../../../src-main/shared/compare-types';
import type { AttemptsRequest } from '../../../src-main/shared/drilldown-types';
import type { ExportRequest } from '../../../src-main/shared/export-types';
import type { Annotation } from '../../../src-main/shared/notes-types';
import type { CaseInfo, EnrollscopeApi, ReportRequest, SessionState } from '../../../src-main/shared/ipc-contract';
import { createAppStore } from '../../../src-renderer/store';
import type { AfterPaint } from '../../../src-renderer/store/report-views';
import { shownComparison } from '../../../src-renderer/store/compare-slice';
import { drillDate, drillQuery, type DrillState } from '../../../src-renderer/store/drilldown-slice';
import { caseAt, ok, reportOf, settle } from './store-fakes';
import { translator } from '../../../src-main/shared/i18n/translator';
import { messageText } from '../../../src-renderer/i18n/user-message';

const caseInfo = (path: string): CaseInfo => caseAt(path, { name: 'a' });
const reportFor = reportOf;

const note = (id: number, date: string, text: string): Annotation => ({ id, date, text, createdAt: '', updatedAt: '' });

function fakeApi(overrides: Partial<Record<keyof EnrollscopeApi, unknown>> = {}) {
  const session: SessionState = { case: caseInfo('/c/a.enrollscope'), recent: [], notice: null, importing: false };
  const calls = {
    attempts: [] as AttemptsRequest[],
    compare: [] as CompareRequest[],
    funnel: [] as ReportRequest[],
    failures: [] as ReportRequest[],
    exports: [] as ExportRequest[],
    annotations: 0,
  };
  const api = {
    getSession: () => ok(session),
    openCase: ({ path }: { path: string }) => ok(caseInfo(path)),
    saveCaseSettings: () => ok(session.case),
    getReport: (request: ReportRequest) => ok({ report: reportFor(request), latestDay: '2025-06-14' }),
    listAttempts: (request: AttemptsRequest) => {
      calls.attempts.push(request);
      return ok({ total: 3, rows: [] });
    },
    compareReport: (request: CompareRequest) => {
      calls.compare.push(request);
      const current = reportFor(request.report);
      return ok({ current, previous: reportFor(request.report, '2025-05-18', '2025-05-31'), delta: {} } as Comparison);
    },
    getFunnel: (request: ReportRequest) => {
      calls.funnel.push(request);
      return ok(null);
    },
    getFindings: () => ok([]),
    getFailures: (request: ReportRequest) => {
      calls.failures.push(request);
      return ok({ total: 0 });
    },
    listAnnotations: () => {
      calls.annotations++;
      return ok([note(2, '2025-06-03', 'b'), note(1, '2025-06-01', 'a')]);
    },
    addAnnotation: vi.fn(() => ok([note(1, '2025-06-01', 'a')])),
    updateAnnotation: vi.fn(() => ok([])),
    removeAnnotation: vi.fn(() =>
      Promise.resolve({ ok: false, error: { code: 'invalid-args', message: 'no annotation #9' } }),
    ),
    saveExport: (request: ExportRequest) => {
      calls.exports.push(request);
      return ok({ path: '/out/daily.csv', bytes: 12 });
    },
    onImportProgress: () => () => undefined,
    onMenuCommand: () => () => undefined,
    onSessionChanged: () => () => undefined,
    ...overrides,
  };
  return { api: api as unknown as EnrollscopeApi, calls };
}

async function openStore(overrides: Partial<Record<keyof EnrollscopeApi, unknown>> = {}, later?: AfterPaint) {
  const { api, calls } = fakeApi(overrides);
  const store = createAppStore(api, later);
  await store.getState().init();
  await settle();
  return { store, calls };
}

describe('the slices beside the report', () => {
  it('follow the case and the report: notes on opening, the funnel on every report, sorted by day', async () => {
    const { store, calls } = await openStore();
    expect(calls.annotations).toBe(1);
    expect(store.getState().annotations.map((n) => n.id)).toEqual([1, 2]);
    expect(calls.funnel).toHaveLength(1);
    store.getState().setPreset(7);
    await settle();
    expect(calls.funnel.map((r) => r.range)).toEqual([
      { kind: 'last', days: 14 },
      { kind: 'last', days: 7 },
    ]);
    // No comparison and no failures until asked.
    expect(calls.compare).toHaveLength(0);
    expect(calls.failures).toHaveLength(0);
  });

  it('a new report is shown first: the views beside it are asked only when `later` runs, for the filter then current', async () => {
    const waiting: (() => void)[] = [];
    const { store, calls } = await openStore({}, (run) => waiting.push(run));
    store.getState().setCompare(true);
    await settle();
    const compared = calls.compare.length;
    store.getState().setPreset(7);
    await settle();
    expect(store.getState()).toMatchObject({ reportStatus: 'ready', range: { kind: 'last', days: 7 } });
    expect(calls.funnel).toHaveLength(0);
    expect(calls.compare).toHaveLength(compared);
    // Two reports before the first paint: each asks once it runs, both for the latest filter.
    store.getState().setPreset(30);
    await settle();
    expect(waiting).toHaveLength(3);
    waiting.splice(0).forEach((run) => run());
    await settle();
    expect(calls.funnel.map((r) => r.range)).toEqual([
      { kind: 'last', days: 30 },
      { kind: 'last', days: 30 },
      { kind: 'last', days: 30 },
    ]);
    expect(calls.compare.slice(compared).map((r) => r.report.range)).toEqual([
      { kind: 'last', days: 30 },
      { kind: 'last', days: 30 },
      { kind: 'last', days: 30 },
    ]);
  });

  it('compare: asked for the filter shown, again when it changes, shown only for the report on screen', async () => {
    const { store, calls } = await openStore();
    store.getState().setCompare(true);
    await settle();
    expect(calls.compare).toEqual([
      { report: expect.objectContaining({ range: { kind: 'last', days: 14 } }), against: 'previous' },
    ]);
    expect(shownComparison(store.getState())).not.toBeNull();
    store.getState().togglePlatform('Android');
    await settle();
    expect(calls.compare[1]!.report.platforms).toEqual(['iOS/iPadOS']);
    // A comparison of another filter than the report's is not shown.
    store.setState({
      comparison: { ...store.getState().comparison!, current: reportFor({ ...calls.compare[0]!.report }) },
    });
    expect(shownComparison(store.getState())).toBeNull();
    store.getState().setCompare(false);
    expect(store.getState().comparison).toBeNull();
  });

  it('drill-down: the target narrows the query; filters, sort and pages reset or move the offset; masking is asked of main', async () => {
    const { store, calls } = await openStore();
    const s = store.getState;
    s().openDrill(
      {
        kind: 'row',
        section: 'Terms of Use',
        actionName: 'TermsofUse',
        screen: 'Terms of use',
        userAction: 'Decline All',
      },
      't',
      3,
    );
    await settle();
    expect(calls.attempts[0]).toEqual({
      report: expect.objectContaining({ range: { kind: 'last', days: 14 } }),
      query: {
        section: 'Terms of Use',
        actionName: 'TermsofUse',
        screen: 'Terms of use',
        userAction: 'Decline All',
        outcome: 'incomplete',
        sort: { key: 'started', direction: 'asc' },
        limit: 50,
        offset: 0,
      },
      maskUsers: false,
    });
    expect(s().drill).toMatchObject({ status: 'ready', page: { total: 3 } });
    s().setDrillOffset(50);
    s().setDrillSearch('  alice ');
    await settle();
    expect(calls.attempts.at(-1)!.query).toMatchObject({ search: 'alice', offset: 0 });
    s().setMaskUsers(true);
    await settle();
    expect(calls.attempts.at(-1)!.maskUsers).toBe(true);
    s().closeDrill();
    expect(s().drill).toBeNull();

    // Initiated lists every outcome and ignores the section filter (spec 5).
    s().toggleSection('Setup Checklist');
    s().openDrill({ kind: 'initiated' }, 'Initiated', 10);
    await settle();
    expect(calls.attempts.at(-1)!.query.outcome).toBe('all');
    expect(calls.attempts.at(-1)!.report.sections).toHaveLength(4);
  });

  it('drillQuery: a day and a section step', () => {
    const base: Omit<DrillState, 'target'> = {
      filter: null,
      title: '',
      expected: null,
      search: '',
      outcome: 'incomplete',
      platform: 'Android',
      sort: { key: 'duration', direction: 'desc' },
      offset: 100,
      page: null,
      status: 'loading',
      error: null,
    };
    expect(drillQuery({ ...base, target: { kind: 'day', section: 'Platform Screens', date: '2025-06-02' } })).toEqual({
      section: 'Platform Screens',
      date: '2025-06-02',
      outcome: 'incomplete',
      platform: 'Android',
      sort: { key: 'duration', direction: 'desc' },
      limit: 50,
      offset: 100,
    });
    expect(
      drillQuery({ ...base, platform: 'any', target: { kind: 'section', section: 'Unclassified' } }),
    ).toMatchObject({
      section: 'Unclassified',
    });
    // The dialog's day filter: "any day" widens a chart day to the range; a chosen day narrows a row.
    const day = { kind: 'day', section: 'Platform Screens', date: '2025-06-02' } as const;
    expect(drillQuery({ ...base, target: day, date: 'any' })).not.toHaveProperty('date');
    expect(drillDate({ ...base, target: day })).toBe('2025-06-02');
    const row = {
      kind: 'row',
      section: 'Terms of Use',
      actionName: 'TermsofUse',
      screen: 'Terms of use (if admin configured)',
      userAction: 'Decline All',
    } as const;
    expect(drillQuery({ ...base, target: row })).not.toHaveProperty('date');
    expect(drillQuery({ ...base, target: row, date: '2025-06-14' })).toMatchObject({
      actionName: 'TermsofUse',
      date: '2025-06-14',
    });
  });

  it('the failures view is fetched when shown, and follows the filter while shown', async () => {
    const { store, calls } = await openStore();
    store.getState().setView('failures');
    await settle();
    expect(calls.failures).toHaveLength(1);
    store.getState().setPreset(30);
    await settle();
    expect(calls.failures.at(-1)!.range).toEqual({ kind: 'last', days: 30 });
    store.getState().setView('report');
    store.getState().setPreset(7);
    await settle();
    expect(calls.failures).toHaveLength(2);
  });

  it('notes and exports say what went wrong; an export passes the masking setting', async () => {
    const { store, calls } = await openStore();
    expect(await store.getState().removeAnnotation(9)).toBe(false);
    expect(store.getState().annotationsError).toBe('no annotation #9');
    expect(await store.getState().addAnnotation('2025-06-01', 'a')).toBe(true);
    expect(store.getState().annotationsError).toBeNull();
    store.getState().setMaskUsers(true);
    await store.getState().saveExport('daily-csv');
    expect(calls.exports[0]).toMatchObject({ kind: 'daily-csv', maskUsers: true });
    expect(store.getState()).toMatchObject({ exporting: null });
    expect(messageText(translator('en').t, store.getState().notice!)).toBe('Saved: /out/daily.csv');
  });
});
