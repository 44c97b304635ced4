/**
 * The failures view (spec 8): Intune's Enrollment failures and Graph troubleshooting events, kept
 * apart from the abandonment numbers. Which view is shown is also here.
 */
import type { FailuresReport } from '../../src-main/shared/failures-types';
import { currentRequest, latestOnly } from './request';
import type { Slice } from './types';

export type ReportViewName = 'report' | 'failures';

export interface FailuresSlice {
  readonly view: ReportViewName;
  readonly failures: FailuresReport | null;
  readonly failuresStatus: 'idle' | 'loading' | 'ready' | 'error';
  readonly failuresError: string | null;
  setView(view: ReportViewName): void;
  refreshFailures(): Promise<void>;
}

export const createFailuresSlice: Slice<FailuresSlice> = (api) => (set, get) => {
  const latest = latestOnly();
  return {
    view: 'report',
    failures: null,
    failuresStatus: 'idle',
    failuresError: null,

    setView(view) {
      if (view === get().view) return;
      set({ view });
      if (view === 'failures') void get().refreshFailures();
    },

    async refreshFailures() {
      if (!get().caseInfo) {
        set({ failures: null, failuresStatus: 'idle', failuresError: null });
        return;
      }
      set({ failuresStatus: 'loading' });
      const { value: result, current } = await latest(() => api.getFailures(currentRequest(get())));
      if (!current) return;
      if (result.ok) set({ failures: result.value, failuresStatus: 'ready', failuresError: null });
      else set({ failuresStatus: 'error', failuresError: result.error.message });
    },
  };
};
