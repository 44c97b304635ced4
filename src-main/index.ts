/**
 * Electron's main process: app lifecycle and wiring, nothing else. The work is in src-main/app/
 * (plain Node where possible, so the browser test harness runs the very same handlers).
 */
import type { BrowserWindow } from 'electron';
import { Menu, app, ipcMain } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from './app/backend';
import { electronDialogs } from './app/dialogs';
import { electronSaveDialog } from './app/save-dialog';
import { registerIpc } from './app/ipc';
import { menuTemplate } from './app/menu';
import { createElectronPrinter } from './pdf/electron-printer';
import type { SessionState } from './shared/ipc-contract';
import { createMainWindow, hardenApp, rendererLocation } from './app/window';
import { registerAppScheme } from './app/app-scheme';

// Tests point the app at a throwaway profile.
const userDataOverride = process.env['ENROLLSCOPE_USER_DATA'];
if (userDataOverride) app.setPath('userData', userDataOverride);

if (!app.requestSingleInstanceLock()) app.quit();
app.enableSandbox();
// Before 'ready': the renderer is served from app://renderer/ (app-protocol.ts), never file://.
registerAppScheme();

const preload = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const sampleCase = app.isPackaged
  ? join(process.resourcesPath, 'sample-case.enrollscope')
  : join(app.getAppPath(), 'resources', 'sample-case.enrollscope');

let window: BrowserWindow | null = null;
let backend: Backend | null = null;

function installMenu(state: SessionState): void {
  const template = menuTemplate(
    state.recent,
    {
      send: (command) => window?.webContents.send('menu:command', command),
      clearRecent: () => backend?.session.clearRecent(),
    },
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  const location = rendererLocation();
  hardenApp(location);
  window = createMainWindow(preload);
  const win = window;
  // Print to PDF: the print route in a hidden window (src-main/pdf/).
  const printer = createElectronPrinter({ preload, rendererUrl: location.url, parent: () => window });
  backend = createBackend({
    dialogs: electronDialogs(() => window),
    userDataDir: app.getPath('userData'),
    sampleCase,
    isTrustedUrl: location.isOwnUrl,
    emit: (channel, payload) => {
      if (!win.isDestroyed()) win.webContents.send(channel, payload);
    },
    onChange: installMenu,
    print: printer.deps,
    chooseSavePath: electronSaveDialog(() => window),
  });
  backend.session.start();
  registerIpc(ipcMain, backend.handlers, {
    isTrustedUrl: location.isOwnUrl,
    classify: backend.classify,
    // The app's own window, top frame only (sub-frames, other windows and webviews are refused).
    // The print window being printed may ask for its job (print:job) the same way.
    isAppWindow: (event) =>
      (!win.isDestroyed() && event.sender === win.webContents && event.senderFrame?.parent === null) || printer.isPrintWindow(event),
    log: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
  });
  installMenu(backend.session.state());
  win.on('closed', () => {
    window = null;
  });
  await win.loadURL(location.url);
}

app.on('second-instance', () => {
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('window-all-closed', () => {
  backend?.session.close();
  app.quit();
});

app.whenReady().then(start, (error: unknown) => {
  console.error('Enrollscope could not start:', error);
  app.exit(1);
});
