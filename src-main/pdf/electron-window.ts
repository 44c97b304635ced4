/**
 * Electron's printer: the print route (index.html#print) in a hidden, hardened BrowserWindow of
 * its own session that may load the app's files and nothing else; the window asks for its job
 * over IPC (`print:job`, answered by whoever created it); once <html data-print-state="ready">
 * (the chart has drawn) webContents.printToPDF with the shared options. Used by the app's Print
 * to PDF and by the command line where Electron is installed (electron-cli.ts).
 */
import { BrowserWindow, session, type WebContents } from 'electron';
import {
  contentBox,
  PRINT_ERROR_ATTRIBUTE,
  PRINT_ROUTE_HASH,
  PRINT_STATE_ATTRIBUTE,
  type PrintJob,
} from '../shared/print-types';
import { electronPdfOptions, pdfOptionsFor } from './pdf-options';
import { APP_INDEX_URL, isAppIndexUrl, isAppOriginUrl } from '../renderer-host/app-protocol';
import { serveAppScheme } from '../renderer-host/app-scheme';

export interface HiddenPrintOptions {
  /** The sandboxed preload (out/preload/preload.cjs): the page's `window.api`. */
  readonly preload: string;
  /** The renderer's index.html (app://renderer/index.html, or the dev server's URL in development). */
  readonly rendererUrl: string;
  readonly job: PrintJob;
  /** Called with the window's WebContents before it loads, so the caller can answer its `print:job`. */
  readonly onWindow?: (webContents: WebContents) => void;
  readonly timeoutMs?: number;
}

const PARTITION = 'enrollscope-print';
let sessionHardened = false;

/**
 * The print windows' session: in memory, no permissions, no request outside the app's own files
 * (app://renderer/, served here too: protocol handlers are per session).
 */
function printSession(rendererUrl: string): Electron.Session {
  const ses = session.fromPartition(PARTITION, { cache: false });
  if (!sessionHardened) {
    sessionHardened = true;
    serveAppScheme(ses);
    const devOrigin = rendererUrl.startsWith('http') ? new URL(rendererUrl).origin : null;
    ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) => {
      const url = details.url;
      const allowed =
        isAppOriginUrl(url) ||
        url.startsWith('data:') ||
        url.startsWith('blob:') ||
        url.startsWith('devtools:') ||
        (devOrigin !== null && url.startsWith(`${devOrigin}/`));
      callback({ cancel: !allowed });
    });
  }
  return ses;
}

/** Resolves when the print route says ready; rejects with its error. Runs in the page's main world. */
const WAIT_FOR_READY = `new Promise((resolve) => {
  const root = document.documentElement;
  const settled = () => {
    const state = root.getAttribute(${JSON.stringify(PRINT_STATE_ATTRIBUTE)});
    if (state !== 'ready' && state !== 'error') return false;
    resolve({ state, error: root.getAttribute(${JSON.stringify(PRINT_ERROR_ATTRIBUTE)}) });
    return true;
  };
  if (!settled()) {
    const observer = new MutationObserver(() => { if (settled()) observer.disconnect(); });
    observer.observe(root, { attributes: true });
  }
})`;

export async function printInHiddenWindow(options: HiddenPrintOptions): Promise<Buffer> {
  const box = contentBox(options.job.meta.page);
  const win = new BrowserWindow({
    show: false,
    width: box.width,
    height: box.height,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      preload: options.preload,
      session: printSession(options.rendererUrl),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Hidden windows are throttled by default; the chart must draw without being shown.
      backgroundThrottling: false,
    },
  });
  const contents = win.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    options.onWindow?.(contents);
    const failed = new Promise<never>((_resolve, reject) => {
      contents.once('did-fail-load', (_event, code, description) =>
        reject(new Error(`the print page did not load (${description || code})`)),
      );
      contents.once('render-process-gone', (_event, details) =>
        reject(new Error(`the print page crashed (${details.reason})`)),
      );
      timer = setTimeout(
        () => reject(new Error(`the print page did not get ready in ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
    });
    // Only ever raced: a late failure after the PDF is done is no one's error.
    failed.catch(() => undefined);
    const url = `${options.rendererUrl.replace(/#.*$/, '')}${PRINT_ROUTE_HASH}`;
    if (!options.rendererUrl.startsWith('http') && !isAppIndexUrl(url))
      throw new Error(`the print page must be the app's own (${APP_INDEX_URL}), not ${options.rendererUrl}`);
    await Promise.race([win.loadURL(url), failed]);
    const outcome = (await Promise.race([contents.executeJavaScript(WAIT_FOR_READY, true), failed])) as {
      state: string;
      error: string | null;
    };
    if (outcome.state !== 'ready') throw new Error(`the print page failed: ${outcome.error ?? 'unknown error'}`);
    return await Promise.race([contents.printToPDF(electronPdfOptions(pdfOptionsFor(options.job))), failed]);
  } finally {
    clearTimeout(timer);
    if (!win.isDestroyed()) win.destroy();
  }
}
