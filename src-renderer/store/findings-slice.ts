/** The findings (src-main/findings) of the report as filtered, fetched whenever the report changes. */
import type { Finding } from '../../src-main/shared/findings-types';
import { viewRefresh, type ViewStatus } from './request';
import type { Slice } from './types';

export interface FindingsSlice {
  readonly findings: readonly Finding[] | null;
  readonly findingsStatus: ViewStatus;
  readonly findingsError: string | null;
  refreshFindings(): Promise<void>;
}

export const createFindingsSlice: Slice<FindingsSlice> = (api) => (set, get) => {
  return {
    findings: null,
    findingsStatus: 'idle',
    findingsError: null,

    refreshFindings: viewRefresh(set, get, (request) => api.getFindings(request), {
      value: 'findings',
      status: 'findingsStatus',
      error: 'findingsError',
    }),
  };
};
