/** The section funnel (spec 7) of the report as filtered, fetched whenever the report changes. */
import type { Funnel } from '../../src-main/shared/funnel-types';
import { currentRequest, latestOnly } from './request';
import type { Slice } from './types';

export interface FunnelSlice {
  readonly funnel: Funnel | null;
  readonly funnelStatus: 'idle' | 'loading' | 'ready' | 'error';
  readonly funnelError: string | null;
  refreshFunnel(): Promise<void>;
}

export const createFunnelSlice: Slice<FunnelSlice> = (api) => (set, get) => {
  const latest = latestOnly();
  return {
    funnel: null,
    funnelStatus: 'idle',
    funnelError: null,

    async refreshFunnel() {
      if (!get().caseInfo) {
        set({ funnel: null, funnelStatus: 'idle', funnelError: null });
        return;
      }
      set({ funnelStatus: 'loading' });
      const { value: result, current } = await latest(() => api.getFunnel(currentRequest(get())));
      if (!current) return;
      if (result.ok) set({ funnel: result.value, funnelStatus: 'ready', funnelError: null });
      else set({ funnelStatus: 'error', funnelError: result.error.message });
    },
  };
};
