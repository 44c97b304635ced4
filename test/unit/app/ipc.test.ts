import { describe, expect, it, vi } from 'vitest';
import {
  createInvoker,
  HandlerError,
  registerIpc,
  WINDOW_CHANNELS,
  type Handlers,
  type Sender,
} from '../../../src-main/app/ipc';
import { senderWindowOf, type WindowContents } from '../../../src-main/renderer-host/sender-window';
import { INVOKE_CHANNELS } from '../../../src-main/shared/ipc-contract';

const APP = 'file:///app/out/renderer/index.html';
const trusted: Sender = { url: APP, window: 'app' };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = (): never => {
    throw new Error('not expected');
  };
  const base = Object.fromEntries(INVOKE_CHANNELS.map((channel) => [channel, fail])) as unknown as Handlers;
  return { ...base, ...overrides };
}

describe('createInvoker', () => {
  const report = {
    range: { kind: 'last', days: 7 },
    platforms: ['Android'],
    sections: ['Terms of Use'],
    tz: 'Europe/Paris',
  };

  it('passes a valid argument to the handler and wraps its value', async () => {
    const getReport = vi.fn(() => ({ report: {} as never, latestDay: '2025-06-14' }));
    const invoke = createInvoker(handlers({ 'report:get': getReport }), { isTrustedUrl: (url) => url === APP });
    await expect(invoke('report:get', report, trusted)).resolves.toEqual({
      ok: true,
      value: { report: {}, latestDay: '2025-06-14' },
    });
    expect(getReport).toHaveBeenCalledWith(report);
  });

  it('refuses a caller that is not the app window, or not on the app URL, before validating', async () => {
    const invoke = createInvoker(handlers(), { isTrustedUrl: (url) => url === APP });
    await expect(invoke('session:get', undefined, { url: APP, window: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    await expect(
      invoke('session:get', undefined, { url: 'https://evil.example/', window: 'app' }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
  });

  it('refuses unknown channels and arguments outside the schema, naming the field', async () => {
    const invoke = createInvoker(handlers(), { isTrustedUrl: () => true });
    await expect(invoke('shell:exec', 'rm -rf /', trusted)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    const bad = [
      { ...report, tz: 'Mars/Olympus' },
      { ...report, platforms: ['Windows'] },
      { ...report, platforms: [] },
      { ...report, range: { kind: 'custom', from: '2025-06-10', to: '2025-06-01' } },
      { ...report, range: { kind: 'custom', from: '2025-02-30', to: '2025-03-01' } },
      { ...report, extra: true },
    ];
    for (const arg of bad) {
      const result = await invoke('report:get', arg, trusted);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    const relative = await invoke('import:run', { paths: ['exports/a.csv'] }, trusted);
    expect(relative).toMatchObject({
      ok: false,
      error: { code: 'invalid-args', message: expect.stringContaining('paths.0') },
    });
    await expect(invoke('session:get', { surprise: 1 }, trusted)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
  });

  it('turns errors into typed, one-line results', async () => {
    class EngineRefusal extends Error {}
    const log = vi.fn();
    const invoke = createInvoker(
      handlers({
        'import:cancel': () => {
          throw new HandlerError('busy', 'An import is running.');
        },
        'case:open': () => {
          throw new EngineRefusal('x.enrollscope: not an Enrollscope case');
        },
        'session:get': () => {
          throw new Error('disk on fire\nstack line');
        },
      }),
      { isTrustedUrl: () => true, classify: (error) => (error instanceof EngineRefusal ? 'refused' : undefined), log },
    );
    await expect(invoke('import:cancel', undefined, trusted)).resolves.toEqual({
      ok: false,
      error: { code: 'busy', message: 'An import is running.' },
    });
    await expect(invoke('case:open', { path: '/x.enrollscope' }, trusted)).resolves.toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    await expect(invoke('session:get', undefined, trusted)).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk on fire' },
    });
    expect(log).toHaveBeenCalledOnce();
  });
});

/** A window's WebContents as main sees it: its main frame and a sub-frame, on the app's URL. */
function fakeContents(): WindowContents & { readonly subFrame: unknown } {
  const mainFrame = { url: APP, parent: null };
  return { mainFrame, subFrame: { url: APP, parent: mainFrame }, isDestroyed: () => false };
}

function fakeIpcMain() {
  const registered = new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>();
  const ipcMain = {
    handle: (channel: string, listener: (event: never, arg: unknown) => Promise<unknown>) =>
      void registered.set(channel, listener as (event: unknown, arg: unknown) => Promise<unknown>),
    removeHandler: (channel: string) => void registered.delete(channel),
  };
  return { registered, ipcMain };
}

describe('registerIpc', () => {
  it('registers every channel of the contract once, checking the sender of each call', async () => {
    const { registered, ipcMain } = fakeIpcMain();
    const app = fakeContents();
    const unregister = registerIpc(
      ipcMain as never,
      handlers({ 'session:get': () => ({ case: null, recent: [], notice: null, importing: false }) }),
      {
        isTrustedUrl: (url) => url === APP,
        windowOf: (event) => senderWindowOf(event, { app: () => app, print: () => null }),
      },
    );
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const listener = registered.get('session:get')!;
    await expect(listener({ sender: app, senderFrame: app.mainFrame }, undefined)).resolves.toMatchObject({ ok: true });
    // The same page's sub-frame, and a frame of another WebContents, are no one's.
    for (const event of [
      { sender: app, senderFrame: app.subFrame },
      { sender: fakeContents(), senderFrame: { url: APP } },
    ]) {
      await expect(listener(event, undefined)).resolves.toMatchObject({
        ok: false,
        error: { code: 'untrusted-sender' },
      });
    }
    unregister();
    expect(registered.size).toBe(0);
  });

  it('the print window is answered on print:job only; every other channel refuses it before any handler', async () => {
    const { registered, ipcMain } = fakeIpcMain();
    const app = fakeContents();
    const print = fakeContents();
    const called: string[] = [];
    const everyHandler = Object.fromEntries(
      INVOKE_CHANNELS.map((channel) => [
        channel,
        () => {
          called.push(channel);
          return null;
        },
      ]),
    ) as unknown as Handlers;
    registerIpc(ipcMain as never, everyHandler, {
      isTrustedUrl: (url) => url === APP,
      // The production window check (index.ts passes the same function the live windows).
      windowOf: (event) => senderWindowOf(event, { app: () => app, print: () => print }),
    });
    const fromPrint = { sender: print, senderFrame: print.mainFrame };
    const others = INVOKE_CHANNELS.filter((channel) => channel !== 'print:job');
    expect(others.length).toBe(INVOKE_CHANNELS.length - 1);
    for (const channel of others) {
      await expect(registered.get(channel)!(fromPrint, undefined), channel).resolves.toMatchObject({
        ok: false,
        error: { code: 'untrusted-sender' },
      });
    }
    expect(called).toEqual([]);
    await expect(registered.get('print:job')!(fromPrint, undefined)).resolves.toEqual({ ok: true, value: null });
    expect(called).toEqual(['print:job']);
    // The main window does not get the print window's job either.
    await expect(
      registered.get('print:job')!({ sender: app, senderFrame: app.mainFrame }, undefined),
    ).resolves.toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(called).toEqual(['print:job']);
  });
});

describe('senderWindowOf', () => {
  it('names a window only for its own main frame, and nothing once it is destroyed', () => {
    const app = fakeContents();
    const print = fakeContents();
    const windows = { app: () => app, print: () => print };
    expect(senderWindowOf({ sender: app, senderFrame: app.mainFrame }, windows)).toBe('app');
    expect(senderWindowOf({ sender: print, senderFrame: print.mainFrame }, windows)).toBe('print');
    expect(senderWindowOf({ sender: print, senderFrame: app.mainFrame }, windows)).toBeNull();
    expect(senderWindowOf({ sender: app, senderFrame: app.subFrame }, windows)).toBeNull();
    expect(
      senderWindowOf({ sender: print, senderFrame: print.mainFrame }, { app: () => app, print: () => null }),
    ).toBeNull();
    const gone = { ...print, isDestroyed: () => true };
    expect(
      senderWindowOf({ sender: gone, senderFrame: gone.mainFrame }, { app: () => app, print: () => gone }),
    ).toBeNull();
  });

  it('the allow-lists: the print window has print:job alone, the main window everything else', () => {
    expect([...WINDOW_CHANNELS.print]).toEqual(['print:job']);
    expect([...WINDOW_CHANNELS.app].sort()).toEqual(INVOKE_CHANNELS.filter((c) => c !== 'print:job').sort());
  });
});
