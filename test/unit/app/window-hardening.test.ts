/**
 * The Electron surface without Electron: window.ts (the app window, hardenApp) and
 * pdf/electron-window.ts (the hidden print window) run against a fake `electron` module that
 * records what they configure. Checked item by item against Electron's security checklist: the
 * webPreferences of every window, window-open, navigation, redirects and webviews denied,
 * permissions denied, the session refusing every request that is not the app's own, and the
 * renderer served from the app:// scheme (checklist item 18), never file://.
 * (test/e2e/electron.spec.ts checks the same in the real app where an Electron binary exists.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class FakeWebContents {
    readonly handlers = new Map<string, Handler>();
    openHandler: Handler | undefined;
    setWindowOpenHandler(handler: Handler): void {
      this.openHandler = handler;
    }
    on(event: string, handler: Handler): this {
      this.handlers.set(event, handler);
      return this;
    }
    once(event: string, handler: Handler): this {
      return this.on(event, handler);
    }
    executeJavaScript = async (): Promise<unknown> => ({ state: 'ready', error: null });
    printToPDF = async (): Promise<Buffer> => Buffer.from('%PDF-');
  }
  interface FakeSession {
    permissionRequest?: Handler;
    permissionCheck?: Handler;
    devicePermission?: Handler;
    beforeRequest?: Handler;
    protocols: Map<string, Handler>;
    setPermissionRequestHandler(h: Handler): void;
    setPermissionCheckHandler(h: Handler): void;
    setDevicePermissionHandler(h: Handler): void;
    webRequest: { onBeforeRequest(h: Handler): void };
    protocol: { handle(scheme: string, h: Handler): void };
  }
  const makeSession = (): FakeSession => {
    const s: FakeSession = {
      setPermissionRequestHandler: (h) => void (s.permissionRequest = h),
      setPermissionCheckHandler: (h) => void (s.permissionCheck = h),
      setDevicePermissionHandler: (h) => void (s.devicePermission = h),
      webRequest: { onBeforeRequest: (h) => void (s.beforeRequest = h) },
      protocols: new Map(),
      protocol: {
        handle: (scheme, h) => {
          if (s.protocols.has(scheme)) throw new Error(`${scheme} is already handled`);
          s.protocols.set(scheme, h);
        },
      },
    };
    return s;
  };
  const state = {
    windows: [] as {
      options: { webPreferences: Record<string, unknown> };
      webContents: FakeWebContents;
      url?: string;
    }[],
    appHandlers: new Map<string, Handler>(),
    defaultSession: makeSession(),
    partitions: new Map<string, FakeSession>(),
    privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[][],
    isPackaged: true,
    FakeWebContents,
  };
  class BrowserWindow {
    readonly webContents = new FakeWebContents();
    url?: string;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      state.windows.push(this);
    }
    once(): this {
      return this;
    }
    async loadURL(url: string): Promise<void> {
      this.url = url;
    }
    isDestroyed(): boolean {
      return false;
    }
    destroy(): void {}
  }
  const electron = {
    BrowserWindow,
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      on: (event: string, handler: Handler) => void state.appHandlers.set(event, handler),
    },
    nativeTheme: { shouldUseDarkColors: false },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) =>
        void state.privilegedSchemes.push(schemes),
    },
    session: {
      get defaultSession() {
        return state.defaultSession;
      },
      fromPartition: (name: string) => {
        let s = state.partitions.get(name);
        if (!s) state.partitions.set(name, (s = makeSession()));
        return s;
      },
    },
  };
  return { state, electron, makeSession };
});

const makeFakeSession = () => fake.makeSession();

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const PRELOAD = '/opt/Enrollscope/resources/app.asar/out/preload/preload.cjs';

/** The checklist's webPreferences (items 2, 3, 4, 6, 8, 9, 10), the same for every window. */
function expectHardened(prefs: Record<string, unknown>): void {
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  });
  expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  expect(prefs).not.toHaveProperty('webviewTag', true);
  expect(prefs['preload']).toBe(PRELOAD);
}

/** Runs a navigation-like event handler; true when it prevented the navigation. */
function prevented(handler: Handler | undefined, url: string): boolean {
  let stopped = false;
  handler?.({ preventDefault: () => (stopped = true) }, url);
  return stopped;
}

/** What the session's request filter answers for a URL: true when it cancels the request. */
function cancelled(filter: Handler | undefined, url: string): boolean {
  let answer: { cancel?: boolean } | undefined;
  filter?.({ url }, (response: { cancel?: boolean }) => (answer = response));
  expect(answer).toBeDefined();
  return answer!.cancel === true;
}

beforeEach(() => {
  vi.resetModules();
  fake.state.windows.length = 0;
  fake.state.appHandlers.clear();
  fake.state.partitions.clear();
  fake.state.privilegedSchemes.length = 0;
  fake.state.defaultSession = makeFakeSession();
  fake.state.isPackaged = true;
  delete process.env['ELECTRON_RENDERER_URL'];
});

describe('the app window (src-main/app/window.ts)', () => {
  it('is created with every security preference of the checklist', async () => {
    const { createMainWindow } = await import('../../../src-main/app/window');
    createMainWindow(PRELOAD);
    expect(fake.state.windows).toHaveLength(1);
    expectHardened(fake.state.windows[0]!.options.webPreferences);
  });

  it('hardenApp: every webContents denies new windows, foreign navigation and redirects, and webviews', async () => {
    const { hardenApp, rendererLocation } = await import('../../../src-main/app/window');
    const location = rendererLocation();
    expect(location.url).toBe('app://renderer/index.html');
    hardenApp(location);
    const created = fake.state.appHandlers.get('web-contents-created');
    expect(created).toBeDefined();
    const contents = new fake.state.FakeWebContents();
    created!({}, contents);

    for (const url of ['https://example.com/', location.url, 'file:///etc/passwd'])
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect']) {
      const handler = contents.handlers.get(event);
      expect(prevented(handler, location.url)).toBe(false);
      expect(prevented(handler, `${location.url}#print`)).toBe(false);
      for (const url of [
        'https://evil.example/',
        'http://127.0.0.1:8080/',
        location.url.replace('index.html', 'other.html'),
        `${location.url}.evil.html`,
        'file:///etc/passwd',
        'file:///opt/Enrollscope/resources/app.asar/out/renderer/index.html',
        'app://renderer.evil/index.html',
        'app://evil/index.html',
        'javascript:alert(1)',
      ])
        expect(prevented(handler, url), `${event} ${url}`).toBe(true);
    }
    expect(prevented(contents.handlers.get('will-attach-webview'), 'https://example.com/')).toBe(true);
  });

  it('hardenApp: every permission is denied and every request that is not the app’s own is cancelled', async () => {
    const { hardenApp, rendererLocation } = await import('../../../src-main/app/window');
    hardenApp(rendererLocation());
    const ses = fake.state.defaultSession;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
    ]) {
      let granted: boolean | undefined;
      ses.permissionRequest!({}, permission, (answer: boolean) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(ses.permissionCheck!({}, permission)).toBe(false);
    }
    expect(ses.devicePermission!({})).toBe(false);
    for (const url of [
      'app://renderer/index.html',
      'app://renderer/assets/index-abc.js',
      'data:image/png;base64,AA==',
      'blob:app://renderer/x',
      'devtools://devtools/x',
    ])
      expect(cancelled(ses.beforeRequest, url), url).toBe(false);
    for (const url of [
      'file:///opt/Enrollscope/out/renderer/index.html',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://renderer.evil.com/x',
      'https://telemetry.example.com/',
      'http://127.0.0.1:5173/',
      'ws://localhost:1234/',
      'ftp://example.com/',
    ])
      expect(cancelled(ses.beforeRequest, url), url).toBe(true);
  });

  it('in development only, the dev server’s own origin is trusted (never a look-alike host)', async () => {
    fake.state.isPackaged = false;
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173/';
    const { hardenApp, rendererLocation } = await import('../../../src-main/app/window');
    const location = rendererLocation();
    expect(location.isOwnUrl('http://localhost:5173/index.html')).toBe(true);
    expect(location.isOwnUrl('http://localhost:5173.evil.com/')).toBe(false);
    expect(location.isOwnUrl('http://localhost:5174/')).toBe(false);
    hardenApp(location);
    expect(cancelled(fake.state.defaultSession.beforeRequest, 'ws://localhost:5173/')).toBe(false);
    expect(cancelled(fake.state.defaultSession.beforeRequest, 'https://example.com/')).toBe(true);
    // A packaged app ignores the variable.
    fake.state.isPackaged = true;
    vi.resetModules();
    const packaged = await import('../../../src-main/app/window');
    expect(packaged.rendererLocation().url).toBe('app://renderer/index.html');
  });
});

describe('the app:// scheme (checklist item 18, src-main/app/app-scheme.ts)', () => {
  it('is registered as privileged: standard, secure, fetch; nothing more', async () => {
    const { registerAppScheme } = await import('../../../src-main/renderer-host/app-scheme');
    registerAppScheme();
    expect(fake.state.privilegedSchemes).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    ]);
  });

  it('is registered before app ready by the app and by the command line’s printer', () => {
    for (const file of ['src-main/index.ts', 'src-main/pdf/electron-cli.ts']) {
      const source = readFileSync(join(projectRoot, file), 'utf8');
      const register = source.indexOf('registerAppScheme();');
      expect(register, file).toBeGreaterThan(0);
      // At the top level, before whenReady() is even asked for.
      expect(register, file).toBeLessThan(source.indexOf('app.whenReady()'));
      expect(source, file).not.toMatch(/pathToFileURL|['"`]file:/);
    }
  });

  it('hardenApp serves it in the default session, from the renderer’s files only', async () => {
    const { hardenApp, rendererLocation } = await import('../../../src-main/app/window');
    hardenApp(rendererLocation());
    const handler = fake.state.defaultSession.protocols.get('app');
    expect(handler).toBeDefined();
    expect([...fake.state.defaultSession.protocols.keys()]).toEqual(['app']);
    const escape = (await handler!({ url: 'app://renderer/..%2F..%2Fpackage.json', method: 'GET' })) as Response;
    expect(escape.status).toBe(403);
    const foreign = (await handler!({ url: 'app://evil/index.html', method: 'GET' })) as Response;
    expect(foreign.status).toBe(403);
  });
});

describe('the hidden print window (src-main/pdf/electron-window.ts)', () => {
  it('is hardened the same way, in its own session that serves and allows only app://renderer/', async () => {
    const { printInHiddenWindow } = await import('../../../src-main/pdf/electron-window');
    const job = {
      report: { range: { from: '2025-06-01', to: '2025-06-14', tz: 'UTC' } } as never,
      meta: {
        page: { paper: 'A4', orientation: 'portrait' },
        caseName: null,
        customer: '',
        consultant: '',
        generatedAt: '2025-06-14T10:00:00Z',
        maskUsers: true,
        sampleData: false,
        language: 'en',
      },
    } as const;
    const pdf = await printInHiddenWindow({
      preload: PRELOAD,
      rendererUrl: 'app://renderer/index.html',
      job,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const win = fake.state.windows[0]!;
    expectHardened(win.options.webPreferences);
    expect(win.url).toBe('app://renderer/index.html#print');
    expect(win.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(prevented(win.webContents.handlers.get('will-navigate'), 'https://example.com/')).toBe(true);
    const ses = win.options.webPreferences['session'] as typeof fake.state.defaultSession;
    expect(ses).toBe(fake.state.partitions.get('enrollscope-print'));
    let granted: boolean | undefined;
    ses.permissionRequest!({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(cancelled(ses.beforeRequest, 'app://renderer/assets/index.js')).toBe(false);
    expect(cancelled(ses.beforeRequest, 'file:///opt/app/out/renderer/assets/index.js')).toBe(true);
    expect(cancelled(ses.beforeRequest, 'app://evil/x.js')).toBe(true);
    expect(cancelled(ses.beforeRequest, 'https://fonts.example.com/font.woff2')).toBe(true);
    // Protocol handlers are per session: the print session serves app:// itself, once.
    expect([...ses.protocols.keys()]).toEqual(['app']);
    expect(ses.protocols.get('app')).not.toBe(fake.state.defaultSession.protocols.get('app'));
    await printInHiddenWindow({ preload: PRELOAD, rendererUrl: 'app://renderer/index.html', job });
    expect(ses.protocols.size).toBe(1);
    // A file:// page is refused before anything loads.
    await expect(
      printInHiddenWindow({ preload: PRELOAD, rendererUrl: 'file:///opt/app/out/renderer/index.html', job }),
    ).rejects.toThrow(/app:\/\/renderer\/index\.html/);
    expect(fake.state.windows.at(-1)!.url).toBeUndefined();
  });
});
