/**
 * Electron's main process: app lifecycle and wiring, nothing else. The work is in src-main/app/
 * (plain Node where possible, so the browser test harness runs the very same handlers).
 */
import type { BrowserWindow } from 'electron';
import { Menu, app, dialog, ipcMain } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from './app/backend';
import { electronDialogs } from './app/dialogs';
import { electronSaveDialog } from './app/save-dialog';
import { registerIpc } from './app/ipc';
import { senderWindowOf } from './renderer-host/sender-window';
import { menuTemplate } from './app/menu';
import { translator } from './shared/i18n/translator';
import { INTL_LOCALE } from './shared/i18n/formats';
import { PREFERENCES_FILE, PreferenceStore } from './app/preferences';
import { createElectronPrinter } from './pdf/electron-printer';
import type { SessionState } from './shared/ipc-contract';
import { createMainWindow, hardenApp, rendererLocation } from './app/window';
import { registerAppScheme } from './renderer-host/app-scheme';
import { launchDataOf, launchPaths, launchRequest, type ArgvContext } from './app/launch-args';
import { createLaunchRouter } from './app/launch-router';
import { failStartup, runStartup, userDataOverride, type StartupDeps } from './app/startup';

const startupDeps: StartupDeps = {
  showErrorBox: (title, content) => dialog.showErrorBox(title, content),
  exit: (code) => app.exit(code),
  log: (message, error) => console.error(message, error),
};

/** This launch's own files (a double-clicked case, files dropped on the app's icon). */
const argvContext: ArgvContext = { cwd: process.cwd(), platform: process.platform, isPackaged: app.isPackaged };
const ownPaths = launchPaths(process.argv, argvContext);

/** Every Electron call of the wiring below; a throw in it ends the app through failStartup. */
function main(): void {
  // Tests of an unpackaged build point the app at a throwaway profile; a packaged app never does.
  const userData = userDataOverride(process.env, app.isPackaged);
  if (userData) app.setPath('userData', userData);

  // A second launch hands its paths to the running app (second-instance below) and ends here:
  // app.quit() alone would still run the rest of this file and open a second window on the same
  // profile. app.exit ends at once, without 'ready'.
  if (!app.requestSingleInstanceLock({ paths: ownPaths })) {
    app.exit(0);
    return;
  }
  app.enableSandbox();
  // Chromium's own widgets (the date inputs' calendar and its first day of the week, spelling)
  // take the process's locale, set before 'ready': the user's chosen language from the next
  // start on; "System" leaves the system's.
  const chosen = new PreferenceStore(join(app.getPath('userData'), PREFERENCES_FILE)).preferences.language;
  if (chosen !== 'system') app.commandLine.appendSwitch('lang', INTL_LOCALE[chosen]);
  // Before 'ready': the renderer is served from app://renderer/ (app-protocol.ts), never file://.
  registerAppScheme();

  const preload = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
  const sampleCase = app.isPackaged
    ? join(process.resourcesPath, 'sample-case.enrollscope')
    : join(app.getAppPath(), 'resources', 'sample-case.enrollscope');

  let window: BrowserWindow | null = null;
  let backend: Backend | null = null;

  const router = createLaunchRouter({
    importing: () => backend?.session.state().importing ?? false,
    confirmLeaveImport: async (caseFile) => {
      const options = {
        type: 'question' as const,
        buttons: ['Stop the import and open', 'Keep importing'],
        defaultId: 1,
        cancelId: 1,
        title: 'An import is running',
        message: `An import into the open case is running. Stop it and open ${caseFile}?`,
        detail: 'Files already imported stay in the case; the file being imported is left out whole.',
      };
      const answer = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return answer.response === 0;
    },
    stopImport: async () => {
      backend?.session.cancelImport();
      await backend?.session.whenIdle();
    },
    deliver: (request) =>
      window?.webContents.send('menu:command', {
        command: 'open-paths',
        caseFile: request.caseFile,
        files: request.files,
      }),
    tell: (message) => {
      const options = { type: 'info' as const, title: 'Enrollscope', message };
      void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    },
    focus: () => {
      if (!window) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    },
  });

  // The running app gets a second launch's files (Windows, Linux; macOS too from a terminal).
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const data = launchDataOf(additionalData, process.platform);
    const paths = data ? data.paths : launchPaths(argv, { ...argvContext, cwd: workingDirectory });
    void router.route(launchRequest(paths));
  });

  // macOS hands files over as events, also before 'ready' (a double-click that starts the app).
  let launchedWith = ownPaths;
  let started = false;
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (!started) launchedWith = [...launchedWith, path];
    else void router.route(launchRequest([path]));
  });

  function installMenu(state: SessionState): void {
    const template = menuTemplate(
      state.recent,
      {
        send: (command) => window?.webContents.send('menu:command', command),
        clearRecent: () => backend?.session.clearRecent(),
      },
      process.platform,
      translator(backend?.language() ?? 'en').t,
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  async function start(): Promise<void> {
    started = true;
    const launch = launchRequest(launchedWith);
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
      // The app's language when the user chose "System": the first of these the product speaks.
      systemLanguages: () => app.getPreferredSystemLanguages(),
      // The menu speaks the window's language: redrawn when the user chooses another.
      onPreferencesChange: () => {
        if (backend) installMenu(backend.session.state());
      },
    });
    // A double-clicked case opens instead of the last one.
    backend.session.start(launch.caseFile);
    registerIpc(ipcMain, backend.handlers, {
      isTrustedUrl: location.isOwnUrl,
      classify: backend.classify,
      // The app's window may call every channel but print:job, the print window only print:job,
      // each from its main frame (WINDOW_CHANNELS, ipc.ts); sub-frames and other windows none.
      windowOf: (event) =>
        senderWindowOf(event, { app: () => (win.isDestroyed() ? null : win.webContents), print: printer.printing }),
      log: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
    });
    installMenu(backend.session.state());
    win.on('closed', () => {
      window = null;
    });
    await win.loadURL(location.url);
    // The window listens now: the launch's own files (its case is open already), then later
    // launches. Files meant for a case that could not open are not imported into another (the
    // notice says why the case did not open).
    router.windowReady();
    const caseOpen = launch.caseFile === null || backend.session.state().case !== null;
    void router.route({ ...launch, caseFile: null, files: caseOpen ? launch.files : [] });
  }

  app.on('window-all-closed', () => {
    backend?.session.close();
    app.quit();
  });

  app.whenReady().then(
    () => runStartup(start, startupDeps),
    (error: unknown) => failStartup(error, startupDeps),
  );
}

try {
  main();
} catch (error) {
  failStartup(error, startupDeps);
}
