import { describe, expect, it } from 'vitest';
import { createApi, type ApiTransport } from '../../../src-main/shared/api-client';

function recordingTransport(): { transport: ApiTransport; calls: [string, unknown][]; subscribed: string[] } {
  const calls: [string, unknown][] = [];
  const subscribed: string[] = [];
  const transport: ApiTransport = {
    invoke: async (channel, arg) => {
      calls.push([channel, arg]);
      return { ok: true, value: null as never };
    },
    subscribe: (channel) => {
      subscribed.push(channel);
      return () => undefined;
    },
    pathForFile: () => '/tmp/x.csv',
  };
  return { transport, calls, subscribed };
}

describe('createApi', () => {
  it('maps each verb to its channel and exposes nothing else', async () => {
    const { transport, calls, subscribed } = recordingTransport();
    const api = createApi(transport);
    expect(Object.isFrozen(api)).toBe(true);
    await api.getSession();
    await api.openCase({ path: '/cases/a.enrollscope' });
    await api.importFiles({ paths: ['/x.csv'] });
    await api.checkCase();
    await api.getReport({
      range: { kind: 'last', days: 7 },
      platforms: ['Android'],
      sections: ['Terms of Use'],
      tz: 'UTC',
    });
    await api.getFindings({ range: { kind: 'last', days: 14 }, platforms: ['iOS/iPadOS'], sections: [], tz: 'UTC' });
    api.onImportProgress(() => undefined);
    api.onMenuCommand(() => undefined);
    expect(calls.map(([channel]) => channel)).toEqual([
      'session:get',
      'case:open',
      'import:run',
      'case:check',
      'report:get',
      'findings:get',
    ]);
    expect(subscribed).toEqual(['import:progress', 'menu:command']);
    expect(Object.keys(api).sort()).toEqual(
      [
        'addAnnotation',
        'cancelImport',
        'checkCase',
        'clearRecent',
        'compareReport',
        'getFailures',
        'getFindings',
        'getFunnel',
        'getPreferences',
        'getPrintJob',
        'getReport',
        'getSession',
        'importFiles',
        'listAnnotations',
        'listAttempts',
        'newCase',
        'onImportProgress',
        'onMenuCommand',
        'onSessionChanged',
        'openCase',
        'pathForFile',
        'pickCase',
        'pickImportFiles',
        'printToPdf',
        'removeAnnotation',
        'saveCaseSettings',
        'saveExport',
        'setPreferences',
        'updateAnnotation',
      ].sort(),
    );
  });

  it('is self-contained: its source text alone builds the same API (the browser harness injects it)', async () => {
    const rebuilt = new Function('__name', `return (${createApi.toString()});`)((f: unknown) => f) as typeof createApi;
    const { transport, calls } = recordingTransport();
    const api = rebuilt(transport);
    await api.cancelImport();
    expect(calls).toEqual([['import:cancel', undefined]]);
  });
});
