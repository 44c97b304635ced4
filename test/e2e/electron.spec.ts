/**
 * The real desktop app, driven by Playwright's _electron: `npm run test:electron` runs it (it fetches
 * Electron, switches better-sqlite3 to Electron's ABI, builds, and switches back). Where no Electron
 * binary exists, or the module is built for Node, every test here is reported as skipped, and
 * global-setup prints a banner saying so. The test process cannot open a case itself then (its
 * better-sqlite3 is Electron's): numbers are compared with what the app's main computes.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportRequest } from '../../src-main/shared/ipc-contract';
import type { Report } from '../../src-main/shared/report-types';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import { completedAttempt, writeEventLog } from '../helpers/event-log';
import { pdfInfo, pdfPages, requirePoppler } from '../helpers/pdf';
import { comparePdfWithReport } from '../helpers/pdf-report';
import { electronBinary, sqliteAbi } from './electron-binary';
import { bundledSampleCase, projectRoot } from './harness/paths';

const binary = electronBinary();
test.skip(!binary.path, `Electron e2e skipped: ${binary.reason}`);
// The app loads better-sqlite3 built for Electron's ABI; the other tests need Node's (scripts/sqlite-abi.mjs).
const abi = sqliteAbi();
test.skip(
  !!binary.path && !abi.startsWith('electron'),
  `Electron e2e skipped: better-sqlite3 is built for ${abi}; run \`npm run test:electron\``,
);

/**
 * Drops files on the window as the OS does: File objects backed by the files on disk (a file
 * input filled by Playwright gives exactly those), carried by dragenter, dragover and drop; the
 * renderer resolves their paths through the preload's webUtils.getPathForFile.
 */
async function dropFiles(window: Page, paths: readonly string[]): Promise<void> {
  // Page code as text: this file is type-checked without the DOM's types.
  await window.evaluate(`(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = 'e2e-drop-source';
    input.hidden = true;
    document.body.append(input);
  })()`);
  await window.locator('#e2e-drop-source').setInputFiles([...paths]);
  await window.evaluate(`(() => {
    const input = document.getElementById('e2e-drop-source');
    const data = new DataTransfer();
    for (const file of Array.from(input.files)) data.items.add(file);
    input.remove();
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  })()`);
}

/** The report the app's main computes for a request (the same IPC the view uses). */
async function mainReport(window: Page, request: ReportRequest): Promise<Report> {
  const result = await window.evaluate(
    (arg) =>
      (
        globalThis as unknown as {
          api: { getReport(r: unknown): Promise<{ ok: boolean; value?: { report: unknown } }> };
        }
      ).api.getReport(arg),
    request,
  );
  if (!result.ok || !result.value) throw new Error(`report:get failed: ${JSON.stringify(result)}`);
  return result.value.report as Report;
}

/** Main's save dialog answers `file` (Electron's dialog module, replaced in the main process). */
async function answerSaveDialog(app: ElectronApplication, file: string): Promise<void> {
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({
      canceled: false,
      filePath: path,
    })) as unknown as typeof dialog.showSaveDialog;
  }, file);
}

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

  test('a dropped file is imported through the worker, a filter applies, and Print to PDF prints it for real', async ({
    browserName: _browserName,
  }, testInfo) => {
    requirePoppler();
    const app = await launch();
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
      // Attempts on the sample's last days, so the 7-day view holds them.
      const before = await mainReport(window, {
        range: { kind: 'last', days: 7 },
        platforms: PLATFORMS,
        sections: SECTIONS,
        tz: 'UTC',
      });
      const day = before.range.to;
      const log = writeEventLog(testInfo.outputPath('dropped export.csv'), [
        ...completedAttempt('zoë@contoso.example', 'iOS', `${day}T09:00:00Z`),
        ...completedAttempt('ana@contoso.example', 'Android', `${day}T10:00:00Z`),
      ]);
      await dropFiles(window, [log]);
      await expect(window.getByTestId('import-outcome').first()).toHaveAttribute('data-status', 'imported');
      await expect(window.getByTestId('import-outcome').first()).toContainText('dropped export.csv');

      await window.getByTestId('preset-7').click();
      const request: ReportRequest = {
        range: { kind: 'last', days: 7 },
        platforms: PLATFORMS,
        sections: SECTIONS,
        tz: 'UTC',
      };
      const report = await mainReport(window, request);
      expect(report.rollup.initiated).toBe((before.rollup.initiated ?? 0) + 2);
      await expect(window.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');

      const pdf = testInfo.outputPath('electron.pdf');
      await answerSaveDialog(app, pdf);
      await window.getByTestId('print-button').click();
      await window.getByTestId('print-dialog').getByTestId('print-save').click();
      await expect(window.getByTestId('notice')).toContainText(`PDF saved: ${pdf}`, { timeout: 60_000 });
      expect(pdfInfo(pdf)).toMatchObject({ sizeName: 'A4', tagged: true });
      expect(comparePdfWithReport(pdfPages(pdf), report)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('a second launch hands its case to the running app and ends at once', async () => {
    const app = await launch();
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('case-title')).toContainText('Sample case');
      const other = join(userData, 'Other case.enrollscope');
      copyFileSync(bundledSampleCase(), other);
      const second = spawnSync(binary.path!, [projectRoot(), other], {
        env: { ...process.env, ENROLLSCOPE_USER_DATA: userData, NODE_ENV: 'production' },
        timeout: 30_000,
        encoding: 'utf8',
      });
      expect(second.status, second.stderr).toBe(0);
      await expect(window.getByTestId('case-title')).toContainText('Other case');
      expect(app.windows()).toHaveLength(1);
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
