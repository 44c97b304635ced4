import type { EnrollscopeApi } from '../src-main/shared/ipc-contract';

declare global {
  interface Window {
    readonly api: EnrollscopeApi;
  }
}
