/** The findings (src-main/findings) of the report as filtered, fetched whenever the report changes. */
import type { Finding } from '../../src-main/shared/findings-types';
import { currentRequest, latestOnly } from './request';
import type { Slice } from './types';

export interface FindingsSlice {
  readonly findings: readonly Finding[] | null;
  readonly findingsStatus: 'idle' | 'loading' | 'ready' | 'error';
  readonly findingsError: string | null;
  refreshFindings(): Promise<void>;
}

export const createFindingsSlice: Slice<FindingsSlice> = (api) => (set, get) => {
  const latest = latestOnly();
  return {
    findings: null,
    findingsStatus: 'idle',
    findingsError: null,

    async refreshFindings() {
      if (!get().caseInfo) {
        set({ findings: null, findingsStatus: 'idle', findingsError: null });
        return;
      }
      set({ findingsStatus: 'loading' });
      const { value: result, current } = await latest(() => api.getFindings(currentRequest(get())));
      if (!current) return;
      if (result.ok) set({ findings: result.value, findingsStatus: 'ready', findingsError: null });
      else set({ findingsStatus: 'error', findingsError: result.error.message });
    },
  };
};
