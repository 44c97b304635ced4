/**
 * The store: one zustand store of typed slices, bound to window.api. Components subscribe field
 * by field (`useApp(s => s.report)`), or with useShallow for derived objects.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EnrollscopeApi } from '../../src-main/shared/ipc-contract';
import { createCaseSlice } from './case-slice';
import { createFilterSlice } from './filter-slice';
import { createImportSlice } from './import-slice';
import { createLanguageSlice } from './language-slice';
import { afterPaint, connectReportViews, createReportViewSlices, immediately, type AfterPaint } from './report-views';
import { createPrintSlice } from './print-slice';
import { createReportSlice } from './report-slice';
import type { AppState } from './types';

export type AppStore = StoreApi<AppState>;

/** `later`: when the views beside a new report are asked for (report-views.ts; the window: after its paint). */
export function createAppStore(api: EnrollscopeApi, later: AfterPaint = immediately): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createCaseSlice(api)(...a),
    ...createLanguageSlice(api)(...a),
    ...createFilterSlice(api)(...a),
    ...createReportSlice(api)(...a),
    ...createImportSlice(api)(...a),
    ...createPrintSlice(api)(...a),
    ...createReportViewSlices(api, ...a),
  }));
  // The comparison, funnel, failures and notes follow the report and the open case.
  connectReportViews(store, later);
  return store;
}

/** Subscribes the store to the main process's pushed events; returns the unsubscribe function. */
export function connectEvents(store: AppStore, api: EnrollscopeApi): () => void {
  const stops = [
    api.onImportProgress((progress) => store.getState().onImportProgress(progress)),
    api.onMenuCommand((command) => void store.getState().runMenuCommand(command)),
    api.onSessionChanged((state) => store.getState().applySession(state)),
  ];
  return () => stops.forEach((stop) => stop());
}

let appStore: AppStore | null = null;

/** The app's store (created on first use, over window.api). */
export function getAppStore(): AppStore {
  appStore ??= createAppStore(window.api, afterPaint);
  return appStore;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(getAppStore(), selector);
}

export type { AppState } from './types';
