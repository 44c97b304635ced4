/**
 * src-main/index.ts itself, with Electron replaced by a recording stand-in: what the main process
 * does at load for a losing second launch, a packaged app, a start that throws, and where a
 * launch's files go (macOS open-file before ready, a second launch's data or argv). The real
 * Electron behaviour of the same paths is checked by `npm run test:electron` (electron.spec.ts).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeWindow {
  readonly webContents: {
    readonly mainFrame: { readonly url: string; readonly parent: null };
    readonly sent: [string, unknown][];
  };
}

interface FakeElectron {
  calls: string[];
  lockWon: boolean;
  isPackaged: boolean;
  ready: Promise<void>;
  listeners: Map<string, (...args: unknown[]) => void>;
  /** null: creating a window throws (a start that fails). */
  window: FakeWindow | null;
  windowWorks: boolean;
  userData: string;
  handlers: Map<string, (event: unknown, arg: unknown) => Promise<unknown>>;
}

const fake: FakeElectron = {
  calls: [],
  lockWon: true,
  isPackaged: false,
  ready: Promise.resolve(),
  listeners: new Map(),
  window: null,
  windowWorks: false,
  userData: '',
  handlers: new Map(),
};

vi.mock('electron', () => {
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      fake.calls.push(`${name} ${JSON.stringify(args)}`);
    };
  const app = {
    get isPackaged() {
      return fake.isPackaged;
    },
    setPath: record('app.setPath'),
    requestSingleInstanceLock: (data: unknown) => {
      fake.calls.push(`app.requestSingleInstanceLock ${JSON.stringify(data)}`);
      return fake.lockWon;
    },
    exit: record('app.exit'),
    quit: record('app.quit'),
    enableSandbox: record('app.enableSandbox'),
    getAppPath: () => '/app',
    getPath: () => fake.userData,
    // The system's preferred languages (the window's and the menu's language by default).
    getPreferredSystemLanguages: () => ['en-US'],
    on: (event: string, listener: (...args: unknown[]) => void) => {
      fake.calls.push(`app.on ${event}`);
      fake.listeners.set(event, listener);
      return app;
    },
    whenReady: () => {
      fake.calls.push('app.whenReady');
      return fake.ready;
    },
  };
  class BrowserWindow {
    readonly webContents = {
      mainFrame: { url: 'app://renderer/index.html', parent: null },
      sent: [] as [string, unknown][],
      send: (channel: string, payload: unknown) => void this.webContents.sent.push([channel, payload]),
      isDestroyed: () => false,
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
    };
    constructor() {
      fake.calls.push('new BrowserWindow');
      if (!fake.windowWorks) throw new Error("GPU process isn't usable. Goodbye.");
      fake.window = this;
    }
    on(): this {
      return this;
    }
    once(): this {
      return this;
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {
      fake.calls.push('window.focus');
    }
    async loadURL(url: string): Promise<void> {
      fake.calls.push(`window.loadURL ${url}`);
    }
  }
  return {
    app,
    BrowserWindow,
    Menu: { setApplicationMenu: record('Menu.setApplicationMenu'), buildFromTemplate: () => ({}) },
    dialog: { showErrorBox: record('dialog.showErrorBox'), showMessageBox: async () => ({ response: 1 }) },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, arg: unknown) => Promise<unknown>) =>
        void fake.handlers.set(channel, listener),
      removeHandler: (channel: string) => void fake.handlers.delete(channel),
    },
    nativeTheme: { shouldUseDarkColors: false },
    protocol: { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged') },
    session: {
      defaultSession: {
        protocol: { handle: record('session.protocol.handle') },
        setPermissionRequestHandler: record('setPermissionRequestHandler'),
        setPermissionCheckHandler: record('setPermissionCheckHandler'),
        setDevicePermissionHandler: record('setDevicePermissionHandler'),
        webRequest: { onBeforeRequest: record('webRequest.onBeforeRequest') },
      },
      fromPartition: () => ({}),
    },
  };
});

const argv = process.argv;
const env = process.env['ENROLLSCOPE_USER_DATA'];

beforeEach(() => {
  vi.resetModules();
  fake.calls = [];
  fake.listeners = new Map();
  fake.lockWon = true;
  fake.isPackaged = false;
  fake.ready = Promise.resolve();
  fake.window = null;
  fake.windowWorks = false;
  fake.userData = mkdtempSync(join(tmpdir(), 'enrollscope-main-process-'));
  fake.handlers = new Map();
  process.env['ENROLLSCOPE_USER_DATA'] = '/tmp/enrollscope-test-profile';
});

afterEach(() => {
  rmSync(fake.userData, { recursive: true, force: true });
  process.argv = argv;
  if (env === undefined) delete process.env['ENROLLSCOPE_USER_DATA'];
  else process.env['ENROLLSCOPE_USER_DATA'] = env;
  vi.restoreAllMocks();
});

const loadMain = () => import('../../../src-main/index');
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the main process at load', () => {
  it('a second launch hands its paths over and exits at once: no sandbox, no scheme, no window, no ready', async () => {
    fake.isPackaged = true;
    fake.lockWon = false;
    process.argv = ['/opt/Enrollscope/enrollscope', '--flag', '/cases/B.enrollscope', 'export.csv'];
    await loadMain();
    await settle();
    const lock = fake.calls.findIndex((call) => call.startsWith('app.requestSingleInstanceLock'));
    expect(fake.calls.slice(lock)).toEqual([
      `app.requestSingleInstanceLock ${JSON.stringify({ paths: ['/cases/B.enrollscope', `${process.cwd()}/export.csv`] })}`,
      'app.exit [0]',
    ]);
    expect(fake.calls.join('\n')).not.toMatch(
      /enableSandbox|whenReady|registerSchemesAsPrivileged|BrowserWindow|showErrorBox/,
    );
  });

  it('a packaged app never reads ENROLLSCOPE_USER_DATA; an unpackaged one does, before taking the lock', async () => {
    fake.isPackaged = true;
    fake.lockWon = false;
    await loadMain();
    expect(fake.calls.some((call) => call.startsWith('app.setPath'))).toBe(false);
    vi.resetModules();
    fake.calls = [];
    fake.isPackaged = false;
    await loadMain();
    const setPath = fake.calls.findIndex((call) => call.startsWith('app.setPath'));
    expect(fake.calls[setPath]).toBe('app.setPath ["userData","/tmp/enrollscope-test-profile"]');
    expect(setPath).toBeLessThan(fake.calls.findIndex((call) => call.startsWith('app.requestSingleInstanceLock')));
  });

  it('a throw inside start: an error box and exit code 1, not a hidden process', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await loadMain();
    await settle();
    expect(fake.calls).toContain('new BrowserWindow');
    const box = fake.calls.find((call) => call.startsWith('dialog.showErrorBox'));
    expect(box).toContain('Enrollscope could not start');
    expect(box).toContain("GPU process isn't usable. Goodbye.");
    expect(fake.calls.at(-1)).toBe('app.exit [1]');
    // The handlers of a second launch and of macOS's open-file are in place before ready.
    expect([...fake.listeners.keys()]).toEqual(
      expect.arrayContaining(['second-instance', 'open-file', 'window-all-closed']),
    );
  });

  it("a case opened by macOS before ready is the one the app starts on; a second launch's files go to the window", async () => {
    fake.windowWorks = true;
    let ready: () => void = () => undefined;
    fake.ready = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const sample = join(process.cwd(), 'resources', 'sample-case.enrollscope');
    const first = join(fake.userData, 'Double-clicked.enrollscope');
    copyFileSync(sample, first);
    await loadMain();
    let prevented = false;
    fake.listeners.get('open-file')!({ preventDefault: () => (prevented = true) }, first);
    expect(prevented).toBe(true);
    ready();
    await vi.waitFor(() => expect(fake.calls).toContain('window.loadURL app://renderer/index.html'));
    const window = fake.window!;
    const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const session = (await fake.handlers.get('session:get')!(fromWindow, undefined)) as {
      ok: boolean;
      value: { case: { path: string } | null };
    };
    expect(session.ok).toBe(true);
    expect(session.value.case?.path).toBe(first);
    // index.ts's sender check: another WebContents is no one's, and the app's window gets no print job.
    const stranger = { sender: { mainFrame: window.webContents.mainFrame }, senderFrame: window.webContents.mainFrame };
    await expect(fake.handlers.get('session:get')!(stranger, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    await expect(fake.handlers.get('print:job')!(fromWindow, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });

    // A second launch: its paths as additionalData, the argv ignored then.
    const other = join(fake.userData, 'Other.enrollscope');
    const csv = join(fake.userData, 'export.csv');
    fake.listeners.get('second-instance')!({}, ['/x/enrollscope', '/ignored.csv'], '/', { paths: [other, csv] });
    await vi.waitFor(() =>
      expect(window.webContents.sent).toContainEqual([
        'menu:command',
        { command: 'open-paths', caseFile: other, files: [csv] },
      ]),
    );
    expect(fake.calls).toContain('window.focus');
    // Data not of its shape: the argv is read instead (Chromium's switch skipped, resolved in the launch's folder).
    fake.listeners.get('second-instance')!(
      {},
      ['/x/electron', '--original-process-start-time=1', '/x/app', 'b.csv'],
      '/work',
      {
        surprise: 1,
      },
    );
    await vi.waitFor(() =>
      expect(window.webContents.sent).toContainEqual([
        'menu:command',
        { command: 'open-paths', caseFile: null, files: ['/work/b.csv'] },
      ]),
    );
  });
});
