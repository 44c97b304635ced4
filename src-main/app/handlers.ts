/**
 * The handler of every invoke channel, over an AppSession. Arguments arrive already validated
 * (ipc.ts); errors thrown here become typed IpcResult errors there.
 */
import type { Handlers, InvokerOptions } from './ipc';
import { CaseRefused } from '../store/case-file';
import { ReportInputError } from '../report/errors';
import { AnnotationInputError } from '../notes/annotations';
import type { AppSession } from './session';
import type { PrintService } from './print-service';
import { viewHandlers } from './report-views';
import { preferencesState, type PreferenceStore } from './preferences';

/** The user's settings and the system's preferred languages (most preferred first). */
export interface PreferenceDeps {
  readonly store: PreferenceStore;
  readonly systemLanguages: () => readonly string[];
  /** Called after a change was written (main redraws its menu in the new language). */
  readonly onChange?: () => void;
}

export function createHandlers(
  session: AppSession,
  print: PrintService,
  saveExport: Handlers['export:save'],
  preferences: PreferenceDeps,
): Handlers {
  const preferencesNow = () => preferencesState(preferences.store, preferences.systemLanguages);
  return {
    'session:get': () => session.state(),
    'case:new': () => session.newCase(),
    'case:pick': () => session.pickCase(),
    'case:open': ({ path }) => session.openCase(path),
    'case:settings': (settings) => session.saveSettings(settings),
    'case:check': () => session.checkCase(),
    'recent:clear': () => session.clearRecent(),
    'import:pick': () => session.pickImportFiles(),
    'import:run': ({ paths }) => session.importFiles(paths),
    'import:cancel': () => session.cancelImport(),
    'print:pdf': (request) => print.printPdf(request),
    'print:job': () => print.job(),
    ...viewHandlers(session),
    'export:save': saveExport,
    'preferences:get': preferencesNow,
    'preferences:set': (patch) => {
      preferences.store.update(patch);
      preferences.onChange?.();
      return preferencesNow();
    },
  };
}

/**
 * The one mapping of the engine's own errors to IPC error codes (a HandlerError carries its code
 * already, ipc.ts); anything else is a failure the invoker logs.
 */
export const classifyEngineError: NonNullable<InvokerOptions['classify']> = (error) => {
  if (error instanceof CaseRefused) return 'refused';
  if (error instanceof ReportInputError) return 'bad-filter';
  if (error instanceof AnnotationInputError) return 'invalid-args';
  return undefined;
};
