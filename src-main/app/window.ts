/**
 * Window creation and hardening, in one place (Electron's security checklist): context isolation,
 * a sandboxed renderer without Node, no new windows, no navigation away from the app, no webviews,
 * every permission request denied. The CSP is in the renderer's index.html.
 */
import { BrowserWindow, app, nativeTheme, session, type WebContents } from 'electron';
import { APP_INDEX_URL, isAppIndexUrl, isAppOriginUrl } from '../renderer-host/app-protocol';
import { serveAppScheme } from '../renderer-host/app-scheme';

export interface RendererLocation {
  /** The URL the window loads. */
  readonly url: string;
  /** True for URLs that belong to the app's renderer (IPC senders, navigation). */
  readonly isOwnUrl: (url: string) => boolean;
}

/** The built renderer on app:// (app-protocol.ts), or electron-vite's dev server in development. */
export function rendererLocation(): RendererLocation {
  const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
  if (devUrl) {
    const origin = new URL(devUrl).origin;
    return { url: devUrl, isOwnUrl: (url) => url.startsWith(`${origin}/`) || url === origin };
  }
  return { url: APP_INDEX_URL, isOwnUrl: isAppIndexUrl };
}

let hardened = false;

/**
 * Denies what no window of this app ever needs, and serves app:// in the default session. Call
 * once, after app 'ready' and before the first window (registerAppScheme ran before 'ready').
 */
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
  serveAppScheme(ses);
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No network at run time, and no file:// either: the renderer loads only its own files from
  // app://renderer/ (and, in development, the dev server).
  const devOrigin = location.url.startsWith('http') ? new URL(location.url).origin : null;
  const devSocket = devOrigin?.replace(/^http/, 'ws') ?? null;
  const local = ['devtools:', 'data:', 'blob:', 'chrome-extension:'];
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const allowed =
      isAppOriginUrl(url) ||
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
