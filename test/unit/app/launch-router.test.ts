import { describe, expect, it } from 'vitest';
import { createLaunchRouter, routeLaunch, type LaunchRouterDeps } from '../../../src-main/app/launch-router';
import { launchRequest } from '../../../src-main/app/launch-args';

function recorder(options: { importing?: boolean; confirm?: boolean } = {}) {
  const log: string[] = [];
  let importing = options.importing ?? false;
  const deps: LaunchRouterDeps = {
    importing: () => importing,
    confirmLeaveImport: async (caseFile) => {
      log.push(`confirm ${caseFile}`);
      return options.confirm ?? false;
    },
    stopImport: async () => {
      log.push('stop');
      importing = false;
    },
    deliver: (request) => log.push(`deliver ${request.caseFile ?? '-'} [${request.files.join(', ')}]`),
    tell: (message) => log.push(`tell ${message}`),
    focus: () => log.push('focus'),
  };
  return { deps, log };
}

describe('routeLaunch', () => {
  it('opens the case and imports the other files into it', async () => {
    const { deps, log } = recorder();
    const outcome = await routeLaunch(launchRequest(['C:\\c\\Fall.enrollscope', 'C:\\x\\a.csv']), deps);
    expect(outcome).toBe('delivered');
    expect(log).toEqual(['focus', 'deliver C:\\c\\Fall.enrollscope [C:\\x\\a.csv]']);
  });

  it('asks before leaving a running import, and keeps importing when told so', async () => {
    const { deps, log } = recorder({ importing: true, confirm: false });
    expect(await routeLaunch(launchRequest(['/c/next.enrollscope']), deps)).toBe('kept-import');
    expect(log).toEqual(['focus', 'confirm /c/next.enrollscope']);
  });

  it('stops the import, waits for its end, then opens the case', async () => {
    const { deps, log } = recorder({ importing: true, confirm: true });
    expect(await routeLaunch(launchRequest(['/c/next.enrollscope', '/x/b.csv']), deps)).toBe('delivered');
    expect(log).toEqual(['focus', 'confirm /c/next.enrollscope', 'stop', 'deliver /c/next.enrollscope [/x/b.csv]']);
  });

  it('files dropped on the icon during an import are not lost silently: the user is told', async () => {
    const { deps, log } = recorder({ importing: true });
    expect(await routeLaunch(launchRequest(['C:\\x\\a.csv', 'C:\\x\\b.csv']), deps)).toBe('import-running');
    expect(log).toEqual([
      'focus',
      'tell An import is running, so a.csv, b.csv were not imported. Import them again when it has ended.',
    ]);
  });

  it('one case at a time: further cases are named; a bare second launch only focuses', async () => {
    const { deps, log } = recorder();
    await routeLaunch(launchRequest(['/a.enrollscope', '/b.enrollscope']), deps);
    expect(log).toEqual([
      'focus',
      'tell One case opens at a time: b.enrollscope not opened.',
      'deliver /a.enrollscope []',
    ]);
    log.length = 0;
    expect(await routeLaunch(launchRequest([]), deps)).toBe('nothing');
    expect(log).toEqual(['focus']);
  });
});

describe('createLaunchRouter', () => {
  it('holds requests until the window is ready, then runs them one after another in order', async () => {
    const { deps, log } = recorder();
    const router = createLaunchRouter(deps);
    const first = router.route(launchRequest(['/one.enrollscope']));
    const second = router.route(launchRequest(['/two.csv']));
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual([]);
    router.windowReady();
    expect(await Promise.all([first, second])).toEqual(['delivered', 'delivered']);
    expect(log).toEqual(['focus', 'deliver /one.enrollscope []', 'focus', 'deliver - [/two.csv]']);
  });

  it('a request that fails does not block the next', async () => {
    const { deps, log } = recorder({ importing: true });
    const router = createLaunchRouter({
      ...deps,
      confirmLeaveImport: () => Promise.reject(new Error('dialog gone')),
    });
    router.windowReady();
    await expect(router.route(launchRequest(['/a.enrollscope']))).rejects.toThrow('dialog gone');
    await expect(router.route(launchRequest(['/b.csv']))).resolves.toBe('import-running');
    expect(log.at(-1)).toMatch(/^tell An import is running/);
  });
});
