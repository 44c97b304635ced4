/**
 * The slices beside the report and what keeps them in step with it: when the report
 * shown changes, the comparison (if on), the funnel, the findings and the failures view (if shown) follow; when
 * another case opens, its notes are loaded and an open drill-down closes.
 */
import type { EnrollscopeApi } from '../../src-main/shared/ipc-contract';
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import { createAnnotationsSlice, type AnnotationsSlice } from './annotations-slice';
import { createCompareSlice, type CompareSlice } from './compare-slice';
import { createDrillSlice, type DrillSlice } from './drilldown-slice';
import { createExportSlice, type ExportSlice } from './export-slice';
import { createFailuresSlice, type FailuresSlice } from './failures-slice';
import { createFindingsSlice, type FindingsSlice } from './findings-slice';
import { createFunnelSlice, type FunnelSlice } from './funnel-slice';
import type { AppState } from './types';

export type ReportViewSlices = DrillSlice &
  CompareSlice &
  FunnelSlice &
  FindingsSlice &
  AnnotationsSlice &
  FailuresSlice &
  ExportSlice;

type Args = Parameters<StateCreator<AppState, [], [], ReportViewSlices>>;

export function createReportViewSlices(api: EnrollscopeApi, ...a: Args): ReportViewSlices {
  return {
    ...createDrillSlice(api)(...a),
    ...createCompareSlice(api)(...a),
    ...createFunnelSlice(api)(...a),
    ...createFindingsSlice(api)(...a),
    ...createAnnotationsSlice(api)(...a),
    ...createFailuresSlice(api)(...a),
    ...createExportSlice(api)(...a),
  };
}

/** Keeps the views beside the report in step with the report and the open case; returns the unsubscribe function. */
export function connectReportViews(store: StoreApi<AppState>): () => void {
  return store.subscribe((state, previous) => {
    if (state.caseInfo?.path !== previous.caseInfo?.path) {
      if (state.drill) state.closeDrill();
      void state.loadAnnotations();
    }
    if (state.report !== previous.report && state.report) {
      void state.refreshFunnel();
      void state.refreshFindings();
      if (state.compareOn) void state.refreshComparison();
      if (state.view === 'failures') void state.refreshFailures();
    }
  });
}
