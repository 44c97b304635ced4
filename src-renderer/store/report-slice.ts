import type { ReportRequest } from '../../src-main/shared/ipc-contract';
import type { ReportSlice, Slice } from './types';

export const createReportSlice: Slice<ReportSlice> = (api) => (set, get) => {
  /** Only the answer to the latest request is shown; earlier answers that arrive late are dropped. */
  let latest = 0;
  return {
    report: null,
    latestDay: null,
    maskedImports: null,
    reportStatus: 'idle',
    reportError: null,

    async refreshReport() {
      const { caseInfo, range, platforms, sections, tz } = get();
      if (!caseInfo) {
        set({ report: null, reportStatus: 'idle', reportError: null });
        return;
      }
      const request: ReportRequest = { range, platforms, sections, tz };
      const seq = ++latest;
      set({ reportStatus: 'loading' });
      const result = await api.getReport(request);
      if (seq !== latest) return;
      if (result.ok) {
        set({
          report: result.value.report,
          latestDay: result.value.latestDay,
          maskedImports: result.value.maskedImports ?? null,
          reportStatus: 'ready',
          reportError: null,
        });
      } else {
        set({ reportStatus: 'error', reportError: result.error.message });
      }
    },
  };
};
