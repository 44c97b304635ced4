/**
 * What a double-click or a second launch does, from argv to the window, on the real handlers and
 * case files: the production parsing and routing (launch-args.ts, launch-router.ts) wired as
 * index.ts wires them, the window's `open-paths` command run by the renderer's own actions. Only
 * the Electron events that carry the argv are not here (test:electron covers a real second launch).
 */
import type { TestInfo } from '@playwright/test';
import { launchPaths, launchRequest } from '../../src-main/app/launch-args';
import { routeLaunch, type LaunchRouterDeps } from '../../src-main/app/launch-router';
import { completedAttempt, writeEventLog } from '../helpers/event-log';
import type { Harness } from './harness/index';
import { copySample, engineReport, expect, expectReportShown, importsOf, test } from './fixtures';

/** The router's effects as index.ts makes them, on the harness: the window gets `open-paths`. */
function routerDeps(app: Harness, answers: { confirm: boolean }, told: string[]): LaunchRouterDeps {
  return {
    importing: () => app.backend.session.state().importing,
    confirmLeaveImport: async () => answers.confirm,
    stopImport: async () => {
      app.backend.session.cancelImport();
      await app.backend.session.whenIdle();
    },
    deliver: (request) =>
      void app.page.evaluate(
        (payload) =>
          (globalThis as unknown as { __enrollscopeEmit(channel: string, payload: unknown): void }).__enrollscopeEmit(
            'menu:command',
            payload,
          ),
        { command: 'open-paths', caseFile: request.caseFile, files: request.files },
      ),
    tell: (message) => void told.push(message),
    focus: () => undefined,
  };
}

function eventLog(testInfo: TestInfo, name: string): string {
  return writeEventLog(testInfo.outputPath(name), [
    ...completedAttempt('zoë@contoso.example', 'iOS', '2025-11-13T09:00:00Z'),
    ...completedAttempt('ana@contoso.example', 'Android', '2025-11-13T10:00:00Z'),
  ]);
}

test('a second launch with a case and a file: the case opens in the running window and the file is imported into it', async ({
  openApp,
}, testInfo) => {
  const app = await openApp();
  await expect(app.page.getByTestId('case-title')).toContainText('Sample case');
  const other = copySample(testInfo.outputPath('Customer B.enrollscope'));
  const log = eventLog(testInfo, 'dropped on the icon.csv');
  const before = importsOf(other).length;
  // As Linux hands a second launch over: the packaged app, Chromium's switches, a relative path.
  const argv = ['/opt/Enrollscope/enrollscope', '--enable-features=X', other, 'dropped on the icon.csv'];
  const paths = launchPaths(argv, { cwd: testInfo.outputPath(), platform: 'linux', isPackaged: true });
  const told: string[] = [];
  expect(await routeLaunch(launchRequest(paths), routerDeps(app, { confirm: true }, told))).toBe('delivered');
  await expect(app.page.getByTestId('case-title')).toContainText('Customer B');
  await expect(app.page.getByTestId('import-outcome').first()).toHaveAttribute('data-status', 'imported');
  expect(importsOf(other)).toHaveLength(before + 1);
  expect(importsOf(other).at(-1)?.file).toContain(log.split('/').at(-1));
  await expectReportShown(app.page, engineReport(other, { tz: 'UTC' }));
  expect(told).toEqual([]);
});

test('a case double-clicked during an import: the user is asked, and "keep importing" leaves everything as it was', async ({
  openApp,
}, testInfo) => {
  const app = await openApp();
  await expect(app.page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
  const other = copySample(testInfo.outputPath('Customer C.enrollscope'));
  const told: string[] = [];
  // An import in progress, as the session sees it.
  const deps = { ...routerDeps(app, { confirm: false }, told), importing: () => true };
  expect(await routeLaunch(launchRequest([other]), deps)).toBe('kept-import');
  expect(await routeLaunch(launchRequest([eventLog(testInfo, 'late.csv')]), deps)).toBe('import-running');
  expect(told).toEqual([expect.stringContaining('late.csv was not imported')]);
  await expect(app.page.getByTestId('case-title')).toContainText('Sample case');
});
