/**
 * Compare with another period: a toggle; when on, the comparison of the report as filtered with
 * the period of equal length just before it (the engine's), fetched whenever the report changes.
 * Deltas are shown only while the comparison's current report is the report on screen.
 */
import type { CompareAgainst, Comparison } from '../../src-main/shared/compare-types';
import { reportKey } from '../../src-main/shared/report-key';
import { currentRequest, latestOnly } from './request';
import type { Slice } from './types';

export interface CompareSlice {
  readonly compareOn: boolean;
  readonly compareAgainst: CompareAgainst;
  readonly comparison: Comparison | null;
  readonly compareStatus: 'idle' | 'loading' | 'ready' | 'error';
  readonly compareError: string | null;
  setCompare(on: boolean): void;
  /** The other period: the previous one of equal length, or chosen days. */
  setCompareAgainst(against: CompareAgainst): void;
  refreshComparison(): Promise<void>;
}

/** The comparison, when it belongs to the report shown (else null: a newer report is on screen). */
export function shownComparison(state: {
  comparison: Comparison | null;
  compareOn: boolean;
  report: { range: unknown } | null;
}): Comparison | null {
  const { comparison, compareOn, report } = state;
  if (!compareOn || !comparison || !report) return null;
  return reportKey(comparison.current) === reportKey(report as Comparison['current']) ? comparison : null;
}

export const createCompareSlice: Slice<CompareSlice> = (api) => (set, get) => {
  const latest = latestOnly();
  return {
    compareOn: false,
    compareAgainst: 'previous',
    comparison: null,
    compareStatus: 'idle',
    compareError: null,

    setCompare(on) {
      set({ compareOn: on, ...(on ? {} : { comparison: null, compareStatus: 'idle', compareError: null }) });
      if (on) void get().refreshComparison();
    },

    setCompareAgainst(against) {
      set({ compareAgainst: against });
      if (get().compareOn) void get().refreshComparison();
    },

    async refreshComparison() {
      const { compareOn, caseInfo, compareAgainst } = get();
      if (!compareOn || !caseInfo) return;
      set({ compareStatus: 'loading' });
      const { value: result, current } = await latest(() =>
        api.compareReport({ report: currentRequest(get()), against: compareAgainst }),
      );
      if (!current || !get().compareOn) return;
      if (result.ok) set({ comparison: result.value, compareStatus: 'ready', compareError: null });
      else set({ comparison: null, compareStatus: 'error', compareError: result.error.message });
    },
  };
};
