import { describe, expect, it, vi } from 'vitest';
import { createInvoker, HandlerError, registerIpc, type Handlers } from '../../../src-main/app/ipc';
import { INVOKE_CHANNELS } from '../../../src-main/shared/ipc-contract';

const APP = 'file:///app/out/renderer/index.html';
const trusted = { url: APP, isAppWindow: true };

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
    await expect(invoke('session:get', undefined, { url: APP, isAppWindow: false })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    await expect(
      invoke('session:get', undefined, { url: 'https://evil.example/', isAppWindow: true }),
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

describe('registerIpc', () => {
  it('registers every channel of the contract once, checking the sender of each call', async () => {
    const registered = new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, listener: (event: never, arg: unknown) => Promise<unknown>) =>
        void registered.set(channel, listener as (event: unknown, arg: unknown) => Promise<unknown>),
      removeHandler: (channel: string) => void registered.delete(channel),
    };
    const appFrame = { url: APP };
    const unregister = registerIpc(
      ipcMain as never,
      handlers({ 'session:get': () => ({ case: null, recent: [], notice: null, importing: false }) }),
      {
        isTrustedUrl: (url) => url === APP,
        isAppWindow: (event) => (event as unknown as { senderFrame: unknown }).senderFrame === appFrame,
      },
    );
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const listener = registered.get('session:get')!;
    await expect(listener({ senderFrame: appFrame }, undefined)).resolves.toMatchObject({ ok: true });
    await expect(listener({ senderFrame: { url: APP } }, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    unregister();
    expect(registered.size).toBe(0);
  });
});
