/**
 * src-main/index.ts itself, with Electron replaced by a recording stand-in: what the main process
 * does at load for a losing second launch, a packaged app, and a start that throws. The real
 * Electron behaviour of the same paths is checked by `npm run test:electron` (electron.spec.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeElectron {
  calls: string[];
  lockWon: boolean;
  isPackaged: boolean;
  ready: Promise<void>;
  listeners: Map<string, (...args: unknown[]) => void>;
}

const fake: FakeElectron = {
  calls: [],
  lockWon: true,
  isPackaged: false,
  ready: Promise.resolve(),
  listeners: new Map(),
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
    getPath: () => '/tmp/enrollscope-main-process-test',
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
    constructor() {
      fake.calls.push('new BrowserWindow');
      throw new Error("GPU process isn't usable. Goodbye.");
    }
  }
  return {
    app,
    BrowserWindow,
    Menu: { setApplicationMenu: record('Menu.setApplicationMenu'), buildFromTemplate: () => ({}) },
    dialog: { showErrorBox: record('dialog.showErrorBox'), showMessageBox: async () => ({ response: 1 }) },
    ipcMain: { handle: record('ipcMain.handle'), removeHandler: record('ipcMain.removeHandler') },
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
  process.env['ENROLLSCOPE_USER_DATA'] = '/tmp/enrollscope-test-profile';
});

afterEach(() => {
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
});
