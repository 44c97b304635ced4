/**
 * Window creation and hardening, in one place (Electron's security checklist): context isolation,
 * a sandboxed renderer without Node, no new windows, no navigation away from the app, no webviews,
 * every permission request denied. The CSP is in the renderer's index.html.
 */
import { BrowserWindow, app, nativeTheme, session, type WebContents } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RendererLocation {
  /** The URL the window loads. */
  readonly url: string;
  /** True for URLs that belong to the app's renderer (IPC senders, navigation). */
  readonly isOwnUrl: (url: string) => boolean;
}

/** The built renderer's file, or electron-vite's dev server in development. */
export function rendererLocation(): RendererLocation {
  const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
  if (devUrl) {
    const origin = new URL(devUrl).origin;
    return { url: devUrl, isOwnUrl: (url) => url.startsWith(`${origin}/`) || url === origin };
  }
  const file = pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).href;
  return { url: file, isOwnUrl: (url) => url === file || url.startsWith(`${file}#`) || url.startsWith(`${file}?`) };
}

let hardened = false;

/** Denies what no window of this app ever needs. Call once, before the first window. */
export function hardenApp(location: RendererLocation): void {
  if (hardened) return;
  hardened = true;
  const deny = (webContents: WebContents): void => {
    webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    webContents.on('will-navigate', (event, url) => {
      if (!location.isOwnUrl(url)) event.preventDefault();
    });
    webContents.on('will-redirect', (event, url) => {
      if (!location.isOwnUrl(url)) event.preventDefault();
    });
    webContents.on('will-attach-webview', (event) => event.preventDefault());
  };
  app.on('web-contents-created', (_event, webContents) => deny(webContents));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No network at run time: the renderer loads only its own files (and, in development, the dev server).
  const devOrigin = location.url.startsWith('http') ? new URL(location.url).origin : null;
  const devSocket = devOrigin?.replace(/^http/, 'ws') ?? null;
  const local = ['file:', 'devtools:', 'data:', 'blob:', 'chrome-extension:'];
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const allowed =
      local.some((scheme) => url.startsWith(scheme)) ||
      (devOrigin !== null && url.startsWith(devOrigin)) ||
      (devSocket !== null && url.startsWith(devSocket));
    callback({ cancel: !allowed });
  });
}

export function createMainWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Enrollscope',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f6f7f9',
    webPreferences: {
      preload,
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
    },
  });
  win.once('ready-to-show', () => win.show());
  return win;
}
