/**
 * Builds `window.api` (the named verbs of the contract) over a transport. The preload passes
 * Electron's ipcRenderer and webUtils; the browser test harness passes bindings to the same main
 * process handlers. Nothing else is exposed: no channel names, no raw ipcRenderer.
 *
 * `createApi` must stay self-contained (no imports used at run time, no module-level helpers):
 * the harness injects its source text into the page.
 */
import type {
  ArgOf,
  EnrollscopeApi,
  EventChannel,
  EventContract,
  InvokeChannel,
  IpcResult,
  ResultOf,
} from './ipc-contract';

export interface ApiTransport {
  invoke<C extends InvokeChannel>(channel: C, arg: ArgOf<C>): Promise<IpcResult<ResultOf<C>>>;
  /** Listens to a pushed event; returns the function that stops listening. */
  subscribe<E extends EventChannel>(channel: E, listener: (payload: EventContract[E]) => void): () => void;
  pathForFile(file: File): string;
}

export function createApi(transport: ApiTransport): EnrollscopeApi {
  const api = {
    getSession: () => transport.invoke('session:get', undefined),
    newCase: () => transport.invoke('case:new', undefined),
    pickCase: () => transport.invoke('case:pick', undefined),
    openCase: (arg) => transport.invoke('case:open', { path: arg.path }),
    saveCaseSettings: (arg) => transport.invoke('case:settings', arg),
    checkCase: () => transport.invoke('case:check', undefined),
    clearRecent: () => transport.invoke('recent:clear', undefined),
    getReport: (arg) => transport.invoke('report:get', arg),
    pickImportFiles: () => transport.invoke('import:pick', undefined),
    importFiles: (arg) => transport.invoke('import:run', { paths: [...arg.paths] }),
    cancelImport: () => transport.invoke('import:cancel', undefined),
    printToPdf: (arg) => transport.invoke('print:pdf', arg),
    getPrintJob: () => transport.invoke('print:job', undefined),
    listAttempts: (arg) => transport.invoke('attempts:list', arg),
    compareReport: (arg) => transport.invoke('report:compare', arg),
    getFunnel: (arg) => transport.invoke('funnel:get', arg),
    getFindings: (arg) => transport.invoke('findings:get', arg),
    getFailures: (arg) => transport.invoke('failures:get', arg),
    listAnnotations: () => transport.invoke('annotations:list', undefined),
    addAnnotation: (arg) => transport.invoke('annotations:add', arg),
    updateAnnotation: (arg) => transport.invoke('annotations:update', arg),
    removeAnnotation: (arg) => transport.invoke('annotations:remove', arg),
    saveExport: (arg) => transport.invoke('export:save', arg),
    getPreferences: () => transport.invoke('preferences:get', undefined),
    setPreferences: (arg) => transport.invoke('preferences:set', arg),
    onImportProgress: (listener) => transport.subscribe('import:progress', listener),
    onMenuCommand: (listener) => transport.subscribe('menu:command', listener),
    onSessionChanged: (listener) => transport.subscribe('session:changed', listener),
    pathForFile: (file) => transport.pathForFile(file),
  } satisfies EnrollscopeApi;
  return Object.freeze(api);
}
