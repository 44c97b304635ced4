/**
 * The browser harness: the built renderer in Chromium, with `window.api` made by the preload's own
 * createApi over bindings to the REAL main-process backend (session, handlers, zod validation,
 * sender check) on a real case file. Only Electron itself is missing: dialogs are scripted and
 * dropped files' paths come from a table the test fills (in place of webUtils.getPathForFile).
 */
import { EventEmitter } from 'node:events';
import { basename } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createBackend, type Backend } from '../../../src-main/app/backend';
import type { Dialogs } from '../../../src-main/app/session';
import { renderPdfInBrowser, type BrowserRenderOptions } from '../../../src-main/pdf/browser-render';
import { createApi } from '../../../src-main/shared/api-client';
import type { EventChannel, EventContract } from '../../../src-main/shared/ipc-contract';
import { bundledSampleCase } from './paths';
import type { RendererServer } from './server';

/** Dialog answers queued by the test; an empty queue answers "cancelled". */
export class ScriptedDialogs implements Dialogs {
  readonly newCasePaths: string[] = [];
  readonly casesToOpen: string[] = [];
  readonly importSelections: string[][] = [];
  /** Answers of Print to PDF's save dialog. */
  readonly pdfPaths: string[] = [];
  /** Answers of the exports' save dialog (CSV, JSON). */
  readonly savePaths: string[] = [];
  async chooseNewCasePath(): Promise<string | null> {
    return this.newCasePaths.shift() ?? null;
  }
  async chooseCaseToOpen(): Promise<string | null> {
    return this.casesToOpen.shift() ?? null;
  }
  async chooseImportFiles(): Promise<string[]> {
    return this.importSelections.shift() ?? [];
  }
}

export interface EmittedEvent<E extends EventChannel = EventChannel> {
  readonly channel: E;
  readonly payload: EventContract[E];
}

export interface HarnessOptions {
  readonly browser: Browser;
  readonly server: RendererServer;
  readonly userDataDir: string;
  /** The bundled sample case; null: none (default: resources/sample-case.enrollscope). */
  readonly sampleCase?: string | null;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { width: number; height: number };
  /** The "computer's" time zone (default UTC). */
  readonly timezoneId?: string;
  readonly deviceScaleFactor?: number;
  /** Hooks into the print page of Print to PDF (renderPdfInBrowser's beforeLoad and inspect). */
  readonly printPage?: Pick<BrowserRenderOptions, 'beforeLoad' | 'inspect'>;
  /** Called with the print route's page once it is ready, before it is printed (tests inspect it). */
  readonly inspectPrint?: (page: Page) => Promise<void>;
  /** The system's preferred languages the backend reports (default: the browser's locale, en-US). */
  readonly systemLanguages?: readonly string[];
}

const BROWSER_LOCALE = 'en-US';

export interface Harness {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly backend: Backend;
  readonly dialogs: ScriptedDialogs;
  /** Every event main pushed to the window, in order. */
  readonly events: EmittedEvent[];
  /** Resolves with the next pushed event of that channel that satisfies the predicate. */
  nextEvent<E extends EventChannel>(
    channel: E,
    predicate?: (payload: EventContract[E]) => boolean,
  ): Promise<EventContract[E]>;
  /** Drops these paths on the window, as a user would: a DragEvent through the renderer's drop handler. */
  drop(paths: readonly string[]): Promise<void>;
  /** Starts dragging files over the window (the drop target shows) without dropping. */
  dragEnter(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What the harness touches in the page, typed here because the Node program has no DOM types.
 * Page callbacks reach it as `globalThis as unknown as PageGlobals`.
 */
interface PageGlobals {
  __enrollscopeEmit?: (channel: string, payload: unknown) => void;
  __enrollscopeDropPaths?: Record<string, string>;
  DataTransfer: new () => { items: { add(file: unknown): unknown } };
  File: new (parts: string[], name: string) => unknown;
  DragEvent: new (type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown }) => unknown;
  document: { body: { dispatchEvent(event: unknown): boolean } };
}

/** The page side of the transport; `createApi` is the preload's, injected as source text. */
function pageScript(createApiSource: string): string {
  // `__name`: the helper esbuild-based loaders (tsx) add to keep function names; harmless elsewhere.
  return `(() => {
  const __name = (target) => target;
  const listeners = new Map();
  const transport = {
    invoke: (channel, arg) => window.__enrollscopeInvoke(channel, arg),
    subscribe: (channel, listener) => {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => { set.delete(listener); };
    },
    pathForFile: (file) => (window.__enrollscopeDropPaths || {})[file.name] || '',
  };
  Object.defineProperty(window, '__enrollscopeEmit', {
    value: (channel, payload) => { for (const listener of listeners.get(channel) || []) listener(payload); },
  });
  const createApi = (${createApiSource});
  Object.defineProperty(window, 'api', { value: createApi(transport), enumerable: true });
})();`;
}

export async function openHarness(options: HarnessOptions): Promise<Harness> {
  const context = await options.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: options.timezoneId ?? 'UTC',
    locale: BROWSER_LOCALE,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    reducedMotion: 'reduce',
  });
  // No network: only the harness's own server answers.
  await context.route(
    (url) => !url.href.startsWith(`${options.server.origin}/`),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const events: EmittedEvent[] = [];
  const emitter = new EventEmitter();
  const dialogs = new ScriptedDialogs();
  let closed = false;

  const backend = createBackend({
    dialogs,
    userDataDir: options.userDataDir,
    sampleCase: options.sampleCase === undefined ? bundledSampleCase() : options.sampleCase,
    isTrustedUrl: (url) => url.startsWith(`${options.server.origin}/`),
    // The "system's" preferred languages: the browser's locale unless the test sets others.
    systemLanguages: () => options.systemLanguages ?? [BROWSER_LOCALE],
    // Print to PDF: the print route in a page of the same browser, printed with the app's options.
    print: {
      render: async (job) =>
        (
          await renderPdfInBrowser(options.browser, job, {
            origin: options.server.origin,
            colorScheme: options.colorScheme ?? 'light',
            ...options.printPage,
            ...(options.inspectPrint ? { inspect: options.inspectPrint } : {}),
          })
        ).pdf,
      choosePdfPath: async () => dialogs.pdfPaths.shift() ?? null,
    },
    chooseSavePath: async () => dialogs.savePaths.shift() ?? null,
    emit: (channel, payload) => {
      events.push({ channel, payload } as EmittedEvent);
      emitter.emit(channel, payload);
      if (closed) return;
      page
        .evaluate(([c, p]) => (globalThis as unknown as PageGlobals).__enrollscopeEmit?.(c, p), [
          channel,
          payload,
        ] as const)
        .catch(() => undefined);
    },
  });
  backend.session.start();

  await page.exposeBinding('__enrollscopeInvoke', (source, channel: unknown, arg: unknown) =>
    backend.invoke(String(channel), arg, {
      url: source.frame.url(),
      window: source.page === page && source.frame === page.mainFrame() ? 'app' : null,
    }),
  );
  await page.addInitScript({ content: pageScript(createApi.toString()) });
  await page.goto(options.server.url);

  const harness: Harness = {
    page,
    context,
    backend,
    dialogs,
    events,
    nextEvent(channel, predicate) {
      // One listener that tests each payload as it is emitted: awaiting `once` in a loop left a gap
      // between two events emitted in the same tick (a worker's messages arrive in batches), and
      // the second one, often the awaited 'done', was lost.
      return new Promise((resolve) => {
        const listener = (payload: EventContract[typeof channel]): void => {
          if (predicate && !predicate(payload)) return;
          emitter.off(channel, listener);
          resolve(payload);
        };
        emitter.on(channel, listener);
      });
    },
    async drop(paths) {
      const table = Object.fromEntries(paths.map((path) => [basename(path), path]));
      await page.evaluate((entries) => {
        const g = globalThis as unknown as PageGlobals;
        g.__enrollscopeDropPaths = { ...g.__enrollscopeDropPaths, ...entries };
        const transfer = new g.DataTransfer();
        for (const name of Object.keys(entries)) transfer.items.add(new g.File([''], name));
        // No helper functions in here: loaders may wrap them in helpers the page does not have.
        for (const type of ['dragenter', 'dragover', 'drop']) {
          g.document.body.dispatchEvent(
            new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
          );
        }
      }, table);
    },
    async dragEnter() {
      await page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals;
        const transfer = new g.DataTransfer();
        transfer.items.add(new g.File([''], 'export.csv'));
        for (const type of ['dragenter', 'dragover']) {
          g.document.body.dispatchEvent(
            new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
          );
        }
      });
    },
    async close() {
      closed = true;
      backend.session.cancelImport();
      await context.close();
      backend.session.close();
    },
  };
  return harness;
}
