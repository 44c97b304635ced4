/**
 * Prints a PrintJob with a Chromium-family browser driven by playwright-core: the built renderer's
 * print route (index.html#print, served on loopback), `window.api` made by the preload's own
 * createApi over a binding that answers the one call the route makes (`getPrintJob`), the
 * "ready" attribute awaited, then page.pdf with the app's options. Any request to anywhere but the
 * loopback server is aborted and reported. Used by the command line and by the tests.
 */
import type { Browser, Page } from 'playwright-core';
import { createApi } from '../shared/api-client';
import {
  contentBox,
  PRINT_ERROR_ATTRIBUTE,
  PRINT_ROUTE_HASH,
  PRINT_STATE_ATTRIBUTE,
  type PrintJob,
} from '../shared/print-types';
import { pdfOptionsFor, playwrightPdfOptions } from './pdf-options';

export interface BrowserRenderOptions {
  /** Where out/renderer is served (`http://127.0.0.1:PORT`). */
  readonly origin: string;
  /** The browser's scheme: the document is light either way (tests print under 'dark' to prove it). */
  readonly colorScheme?: 'light' | 'dark';
  /** Number and date formats of the document (default en-US). */
  readonly locale?: string;
  readonly timeoutMs?: number;
  /** Called with the page once it is ready, before printing (tests measure it). */
  readonly inspect?: (page: Page) => Promise<void>;
  /** Called with the page before it loads the print route (tests stall its frames). */
  readonly beforeLoad?: (page: Page) => Promise<void>;
}

export interface RenderedPdf {
  readonly pdf: Buffer;
  /** Requests the page tried to make outside the loopback server (aborted). */
  readonly blocked: readonly string[];
}

/** The page side of the transport; only `print:job` is answered. `createApi` is injected as text. */
function pageScript(createApiSource: string): string {
  // `__name`: a helper that esbuild-based loaders (tsx) add to keep function names; harmless elsewhere.
  return `(() => {
  const __name = (target) => target;
  const transport = {
    invoke: (channel, arg) => window.__enrollscopePrint(channel, arg),
    subscribe: () => () => {},
    pathForFile: () => '',
  };
  const createApi = (${createApiSource});
  Object.defineProperty(window, 'api', { value: createApi(transport), enumerable: true });
})();`;
}

export async function renderPdfInBrowser(
  browser: Browser,
  job: PrintJob,
  options: BrowserRenderOptions,
): Promise<RenderedPdf> {
  const box = contentBox(job.meta.page);
  const context = await browser.newContext({
    viewport: { width: box.width, height: box.height },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    timezoneId: 'UTC',
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  const blocked: string[] = [];
  try {
    await context.route(
      (url) => !url.href.startsWith(`${options.origin}/`),
      (route) => {
        blocked.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.exposeBinding('__enrollscopePrint', (_source, channel: unknown) =>
      channel === 'print:job'
        ? { ok: true, value: job }
        : {
            ok: false,
            error: { code: 'unknown-channel', message: `${String(channel)} is not available while printing` },
          },
    );
    await page.addInitScript({ content: pageScript(createApi.toString()) });
    await options.beforeLoad?.(page);
    await page.goto(`${options.origin}/index.html${PRINT_ROUTE_HASH}`);
    const timeout = options.timeoutMs ?? 60_000;
    try {
      await page.waitForSelector(`html[${PRINT_STATE_ATTRIBUTE}="ready"], html[${PRINT_STATE_ATTRIBUTE}="error"]`, {
        state: 'attached',
        timeout,
      });
    } catch {
      throw new Error(`the print page did not get ready in ${timeout / 1000} s${errors[0] ? ` (${errors[0]})` : ''}`);
    }
    const state = await page.getAttribute('html', PRINT_STATE_ATTRIBUTE);
    if (state !== 'ready')
      throw new Error(
        `the print page failed: ${(await page.getAttribute('html', PRINT_ERROR_ATTRIBUTE)) ?? errors[0] ?? 'unknown error'}`,
      );
    await options.inspect?.(page);
    const pdf = await page.pdf(playwrightPdfOptions(pdfOptionsFor(job)));
    return { pdf, blocked };
  } finally {
    await context.close();
  }
}
