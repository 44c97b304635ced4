/** The report request of the store's current filter (the same one the report view shows). */
import type { ReportRequest } from '../../src-main/shared/ipc-contract';
import type { FilterSlice } from './types';

export function currentRequest(state: Pick<FilterSlice, 'range' | 'platforms' | 'sections' | 'tz'>): ReportRequest {
  return { range: state.range, platforms: state.platforms, sections: state.sections, tz: state.tz };
}

/** Runs requests so that only the latest one's answer is applied (earlier ones arriving late are dropped). */
export function latestOnly(): <T>(run: () => Promise<T>) => Promise<{ value: T; current: boolean }> {
  let seq = 0;
  return async (run) => {
    const mine = ++seq;
    const value = await run();
    return { value, current: mine === seq };
  };
}
