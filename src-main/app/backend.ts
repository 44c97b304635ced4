/**
 * Assembles the main process's backend without Electron: session, handlers, and the invoker that
 * validates and answers every call. Electron's main (index.ts) and the browser test harness both
 * build it here.
 */
import { classifyEngineError, createHandlers } from './handlers';
import { createInvoker, type Handlers, type Invoker } from './ipc';
import { AppSession, type SessionOptions } from './session';
import { PrintService } from './print-service';
import type { PrintDeps } from '../pdf/print-deps';
import { exportSaver, type ChooseSavePath } from './save-export';
import { join } from 'node:path';
import { PREFERENCES_FILE, PreferenceStore, preferencesState } from './preferences';
import { windowLanguage } from '../shared/window-language';
import type { Language } from '../shared/i18n/languages';

export interface Backend {
  readonly session: AppSession;
  readonly print: PrintService;
  readonly handlers: Handlers;
  readonly invoke: Invoker;
  readonly classify: typeof classifyEngineError;
  /** The window's language now (the user's choice or the system's), for main's own texts. */
  readonly language: () => Language;
}

export function createBackend(
  options: SessionOptions & {
    readonly isTrustedUrl: (url: string) => boolean;
    /** How Print to PDF prints and asks where to save; absent: print:pdf answers that it is not available. */
    readonly print?: PrintDeps;
    /** The save dialog of exports; absent: export:save answers that saving is not available. */
    readonly chooseSavePath?: ChooseSavePath;
    /** The system's preferred languages, most preferred first (Electron: app.getPreferredSystemLanguages()). */
    readonly systemLanguages: () => readonly string[];
    /** Called after the user's preferences changed (the language: main redraws its menu). */
    readonly onPreferencesChange?: () => void;
  },
): Backend {
  const session = new AppSession(options);
  const print = new PrintService(session, options.print ?? null);
  const preferences = new PreferenceStore(join(options.userDataDir, PREFERENCES_FILE));
  const handlers = createHandlers(session, print, exportSaver(session, options.chooseSavePath ?? null), {
    store: preferences,
    systemLanguages: options.systemLanguages,
    ...(options.onPreferencesChange ? { onChange: options.onPreferencesChange } : {}),
  });
  const classify = classifyEngineError;
  const invoke = createInvoker(handlers, {
    isTrustedUrl: options.isTrustedUrl,
    classify,
    log: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
  });
  const language = (): Language => windowLanguage(preferencesState(preferences, options.systemLanguages));
  return { session, print, handlers, invoke, classify, language };
}
