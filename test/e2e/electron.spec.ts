/**
 * The real desktop app, driven by Playwright's _electron: runs only where an Electron binary exists
 * (the electron package downloads it at first use; machines without network have none). Elsewhere
 * every test here is reported as skipped, and global-setup prints a banner saying so.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary, sqliteAbi } from './electron-binary';
import { projectRoot } from './harness/paths';

const binary = electronBinary();
test.skip(!binary.path, `Electron e2e skipped: ${binary.reason}`);
// The app loads better-sqlite3 built for Electron's ABI; the other tests need Node's (scripts/sqlite-abi.mjs).
const abi = sqliteAbi();
test.skip(
  !!binary.path && !abi.startsWith('electron'),
  `Electron e2e skipped: better-sqlite3 is built for ${abi}; run \`node scripts/sqlite-abi.mjs electron && npx playwright test --project electron\``,
);

test.describe('the Electron app', () => {
  let userData = '';
  test.beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'enrollscope-electron-'));
  });
  test.afterEach(() => rmSync(userData, { recursive: true, force: true }));

  const launch = () =>
    electron.launch({
      executablePath: binary.path!,
      args: [projectRoot()],
      env: { ...process.env, ENROLLSCOPE_USER_DATA: userData, NODE_ENV: 'production' },
    });

  test('starts on the sample case, hardened, with the menu', async () => {
    const app = await launch();
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('case-title')).toContainText('Sample case');
      await expect(window.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
      expect(existsSync(join(userData, 'Sample case.enrollscope'))).toBe(true);

      // No Node in the page, only the named verbs; new windows are denied.
      const page = await window.evaluate(() => {
        const g = globalThis as unknown as {
          require?: unknown;
          process?: unknown;
          api: Record<string, unknown>;
          open(url: string): unknown;
        };
        return {
          require: typeof g.require,
          process: typeof g.process,
          verbs: Object.keys(g.api).sort(),
          opened: g.open('https://example.com') === null,
        };
      });
      expect(page).toMatchObject({ require: 'undefined', process: 'undefined', opened: true });
      expect(page.verbs).toContain('getReport');
      expect(page.verbs).not.toContain('invoke');

      // Sandboxed, isolated renderer: the preload's own world has no Node either.
      const sandboxed = await window.evaluate(
        () => typeof (globalThis as unknown as { module?: unknown }).module === 'undefined',
      );
      expect(sandboxed).toBe(true);

      // Served from the app:// scheme (checklist item 18), never file://; nothing outside out/renderer.
      expect(window.url()).toBe('app://renderer/index.html');
      const escaped = await window.evaluate(async () => {
        const statusOf = (url: string) =>
          fetch(url).then(
            (response) => response.status,
            () => 0,
          );
        return {
          own: await statusOf('app://renderer/index.html'),
          traversal: await statusOf('app://renderer/..%2Fmain%2Findex.js'),
          file: await statusOf('file:///etc/hostname'),
        };
      });
      expect(escaped).toEqual({ own: 200, traversal: 403, file: 0 });

      const menu = await app.evaluate(({ Menu }) => {
        const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File');
        return (
          file?.submenu?.items.map((item) => ({
            label: item.label,
            accelerator: item.accelerator ?? null,
            enabled: item.enabled,
          })) ?? []
        );
      });
      const byLabel = Object.fromEntries(menu.map((item) => [item.label, item]));
      expect(byLabel['New Case…']?.accelerator).toBe('CmdOrCtrl+N');
      expect(byLabel['Open Case…']?.accelerator).toBe('CmdOrCtrl+O');
      expect(byLabel['Import Files…']?.accelerator).toBe('CmdOrCtrl+I');
      expect(byLabel['Print to PDF…']).toMatchObject({ accelerator: 'CmdOrCtrl+P', enabled: true });
      expect(byLabel['Open Recent']).toBeDefined();
    } finally {
      await app.close();
    }
  });

  test('reopens the last case at the next start', async () => {
    let app = await launch();
    let window = await app.firstWindow();
    await expect(window.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
    await app.close();
    app = await launch();
    try {
      window = await app.firstWindow();
      await expect(window.getByTestId('case-title')).toContainText('Sample case');
    } finally {
      await app.close();
    }
  });
});
