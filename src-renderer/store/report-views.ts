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
import { afterNextFrame } from '../print/after-frame';

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

/** Runs a callback later: in the window, once the frame that shows the new report is painted. */
export type AfterPaint = (run: () => void) => void;

/** At once: where no frame is drawn (the store's own tests). */
export const immediately: AfterPaint = (run) => run();

/**
 * After the next frame has been painted (or, in a window that draws no frames, after afterNextFrame's
 * fallback), then past that frame's task. The views beside the report take main 30-700 ms on a large
 * case; asked before the report is painted, they compete with its rendering for the processor.
 */
export const afterPaint: AfterPaint = (run) => afterNextFrame(() => window.setTimeout(run, 0));

/**
 * Keeps the views beside the report in step with the report and the open case; returns the
 * unsubscribe function. The views of a new report are asked for `later` (the window: once the report
 * is painted), so the report a person waits for is drawn first; they ask for the filter then current.
 */
export function connectReportViews(store: StoreApi<AppState>, later: AfterPaint): () => void {
  return store.subscribe((state, previous) => {
    if (state.caseInfo?.path !== previous.caseInfo?.path) {
      if (state.drill) state.closeDrill();
      void state.loadAnnotations();
    }
    if (state.report !== previous.report && state.report) {
      later(() => {
        const now = store.getState();
        void now.refreshFunnel();
        void now.refreshFindings();
        if (now.compareOn) void now.refreshComparison();
        if (now.view === 'failures') void now.refreshFailures();
      });
    }
  });
}
