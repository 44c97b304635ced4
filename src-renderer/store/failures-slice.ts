/**
 * The failures view (spec 8): Intune's Enrollment failures and Graph troubleshooting events, kept
 * apart from the abandonment numbers. Which view is shown is also here.
 */
import type { FailuresReport } from '../../src-main/shared/failures-types';
import { viewRefresh, type ViewStatus } from './request';
import type { Slice } from './types';

export type ReportViewName = 'report' | 'failures';

export interface FailuresSlice {
  readonly view: ReportViewName;
  readonly failures: FailuresReport | null;
  readonly failuresStatus: ViewStatus;
  readonly failuresError: string | null;
  setView(view: ReportViewName): void;
  refreshFailures(): Promise<void>;
}

export const createFailuresSlice: Slice<FailuresSlice> = (api) => (set, get) => {
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

    refreshFailures: viewRefresh(set, get, (request) => api.getFailures(request), {
      value: 'failures',
      status: 'failuresStatus',
      error: 'failuresError',
    }),
  };
};
