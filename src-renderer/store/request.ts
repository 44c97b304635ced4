/** The report request of the store's current filter (the same one the report view shows). */
import type { IpcResult, ReportRequest } from '../../src-main/shared/ipc-contract';
import type { AppState, FilterSlice } from './types';

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

export type ViewStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The refresh of a view main computes for the store's current request (findings, funnel,
 * failures): cleared without a case, 'loading' while asked, only the latest answer applied. `keys`
 * name the view's value, status and error fields in the store.
 */
export function viewRefresh<T>(
  set: (patch: Partial<AppState>) => void,
  get: () => AppState,
  askMain: (request: ReportRequest) => Promise<IpcResult<T>>,
  keys: { readonly value: keyof AppState; readonly status: keyof AppState; readonly error: keyof AppState },
): () => Promise<void> {
  const latest = latestOnly();
  const put = (patch: Record<string, unknown>): void => set(patch as Partial<AppState>);
  return async () => {
    if (!get().caseInfo) {
      put({ [keys.value]: null, [keys.status]: 'idle', [keys.error]: null });
      return;
    }
    put({ [keys.status]: 'loading' });
    const { value: result, current } = await latest(() => askMain(currentRequest(get())));
    if (!current) return;
    if (result.ok) put({ [keys.value]: result.value, [keys.status]: 'ready', [keys.error]: null });
    else put({ [keys.status]: 'error', [keys.error]: result.error.message });
  };
}
