/** The section funnel (spec 7) of the report as filtered, fetched whenever the report changes. */
import type { Funnel } from '../../src-main/shared/funnel-types';
import { viewRefresh, type ViewStatus } from './request';
import type { Slice } from './types';

export interface FunnelSlice {
  readonly funnel: Funnel | null;
  readonly funnelStatus: ViewStatus;
  readonly funnelError: string | null;
  refreshFunnel(): Promise<void>;
}

export const createFunnelSlice: Slice<FunnelSlice> = (api) => (set, get) => {
  return {
    funnel: null,
    funnelStatus: 'idle',
    funnelError: null,

    refreshFunnel: viewRefresh(set, get, (request) => api.getFunnel(request), {
      value: 'funnel',
      status: 'funnelStatus',
      error: 'funnelError',
    }),
  };
};
