/**
 * The chart's two toggles, Daily/Weekly and Counts/Rate: what the user chose, for the chart, its
 * table and Print to PDF (the printed chart follows them). A choice of Daily or Weekly holds for
 * every range until changed; before any choice, ranges over 31 days are drawn by week.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { autoGranularity, type ChartGranularity, type ChartMeasure } from '../../src-main/shared/chart-buckets';

export interface ChartViewState {
  /** null: automatic (by the range's length). */
  readonly granularity: ChartGranularity | null;
  readonly measure: ChartMeasure;
  setGranularity(granularity: ChartGranularity): void;
  setMeasure(measure: ChartMeasure): void;
}

export const chartViewStore = createStore<ChartViewState>()((set) => ({
  granularity: null,
  measure: 'count',
  setGranularity: (granularity) => set({ granularity }),
  setMeasure: (measure) => set({ measure }),
}));

export const useChartView = <T>(select: (state: ChartViewState) => T): T => useStore(chartViewStore, select);

/** The granularity drawn for a range of `rangeDays` days: the user's choice, else automatic. */
export const shownGranularity = (choice: ChartGranularity | null, rangeDays: number): ChartGranularity =>
  choice ?? autoGranularity(rangeDays);

/** What Print to PDF passes on: the Daily/Weekly choice when the user made one (else nothing: automatic). */
export const chartViewForPrint = (): { chartGranularity?: ChartGranularity } => {
  const { granularity } = chartViewStore.getState();
  return granularity ? { chartGranularity: granularity } : {};
};
