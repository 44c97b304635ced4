/**
 * `enrollscope report ... --format pdf --out FILE`: the same print route as the app, headless.
 *
 *   1. `--browser PATH` or $ENROLLSCOPE_BROWSER: that Chromium-family browser;
 *   2. else Electron, where its binary is installed and can open a (hidden) window;
 *   3. else the first Chromium-family browser found on the machine.
 *
 * With a browser: out/renderer is served on 127.0.0.1 (a port the system picks), playwright-core
 * drives the browser headless, the job reaches the page through a binding (no request leaves the
 * loopback server). With Electron: out/main/pdf-electron.js prints in a hidden window. Nothing to
 * print with: one line saying how to get a browser.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { PrintJob } from '../shared/print-types';
import { BROWSER_ARGS } from './browser-args';
import { renderPdfInBrowser } from './browser-render';
import { withAuthor } from './pdf-author';
import { writeFileAtomic } from '../files/write-file-atomic';
import { serveStatic } from './static-server';

export class PdfPrinterMissing extends Error {
  override name = 'PdfPrinterMissing';
}

export type PdfPrinter =
  | { readonly kind: 'browser'; readonly path: string; readonly source: string }
  | { readonly kind: 'electron'; readonly path: string; readonly script: string; readonly fallback: string | null };

/** Chromium-family browsers where they usually are, per platform. */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
    ];
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (root): root is string => !!root,
    );
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/brave-browser',
  ];
}

/** The Electron binary of the installed electron package, if its download succeeded. */
export function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

/** The built app's folder (out/): beside this module when built, else the project's out/. */
function outDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '..'), resolve(here, '..', '..', 'out')];
  const found = candidates.find((dir) => existsSync(join(dir, 'renderer', 'index.html')));
  if (!found)
    throw new PdfPrinterMissing('the print route is not built (out/renderer/index.html is missing): run npm run build');
  return found;
}

export interface FindOptions {
  readonly browser?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly exists?: (path: string) => boolean;
  /** Default: the electron package's binary. */
  readonly electron?: string | null;
}

/** Picks what prints the PDF (see the top of this file); throws PdfPrinterMissing with the way out. */
export function findPdfPrinter(options: FindOptions = {}): PdfPrinter {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? isFile;
  const named: [string, string] | null = options.browser
    ? ['--browser', options.browser]
    : env['ENROLLSCOPE_BROWSER']
      ? ['ENROLLSCOPE_BROWSER', env['ENROLLSCOPE_BROWSER']]
      : null;
  if (named) {
    const [source, path] = named;
    if (!exists(path))
      throw new PdfPrinterMissing(
        `${source} ${path}: no such browser (name a Chromium-family browser: chromium, chrome, edge)`,
      );
    return { kind: 'browser', path, source };
  }
  const found = browserCandidates(platform, env).find(exists) ?? null;
  const electron = options.electron === undefined ? electronBinary() : options.electron;
  // Electron opens a real (hidden) window: on Linux it needs a display to start at all.
  const canShowWindows = platform !== 'linux' || !!env['DISPLAY'] || !!env['WAYLAND_DISPLAY'];
  if (electron && canShowWindows) {
    const script = join(outDir(), 'main', 'pdf-electron.js');
    if (exists(script)) return { kind: 'electron', path: electron, script, fallback: found };
  }
  if (found) return { kind: 'browser', path: found, source: 'found' };
  throw new PdfPrinterMissing(
    'no browser to print the PDF with: install Chromium (e.g. apt-get install chromium), or name a Chromium-family browser with --browser PATH or ENROLLSCOPE_BROWSER',
  );
}

async function printWithBrowser(executablePath: string, job: PrintJob): Promise<Buffer> {
  const browser = await chromium
    .launch({ executablePath, args: BROWSER_ARGS, headless: true })
    .catch((error: unknown) => {
      throw new PdfPrinterMissing(`${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`);
    });
  try {
    const server = await serveStatic(join(outDir(), 'renderer'));
    try {
      const { pdf, blocked } = await renderPdfInBrowser(browser, job, { origin: server.origin });
      if (blocked.length > 0) throw new Error(`the print page tried to reach ${blocked[0]}: refused`);
      return pdf;
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
  }
}

const ELECTRON_LIMIT_MS = 90_000;

/** Runs out/main/pdf-electron.js in Electron; resolves when the PDF is written. */
function printWithElectron(
  printer: Extract<PdfPrinter, { kind: 'electron' }>,
  job: PrintJob,
  out: string,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'enrollscope-pdf-'));
  const jobFile = join(dir, 'job.json');
  writeFileSync(jobFile, JSON.stringify(job));
  const env = { ...process.env };
  delete env['ELECTRON_RUN_AS_NODE'];
  return new Promise<void>((ok, fail) => {
    const child = spawn(printer.path, [printer.script, '--job', jobFile, '--out', out], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    // Electron prints within its own 60 s limit; one that never gets that far is stopped.
    const timer = setTimeout(() => {
      stderr += `\nno answer in ${ELECTRON_LIMIT_MS / 1000} s`;
      child.kill('SIGKILL');
    }, ELECTRON_LIMIT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) ok();
      else {
        const line = stderr.trim().split('\n').filter(Boolean).pop() ?? `exit ${code ?? signal}`;
        fail(new Error(`Electron could not print: ${line}`));
      }
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** Prints the job to `out` with the printer found; an Electron failure falls back to a browser if there is one. */
export async function printPdfFile(printer: PdfPrinter, job: PrintJob, out: string): Promise<void> {
  const author = job.meta.consultant;
  if (printer.kind === 'electron') {
    try {
      await printWithElectron(printer, job, out);
      if (author) writeFileAtomic(out, withAuthor(readFileSync(out), author));
      return;
    } catch (error) {
      if (!printer.fallback) throw error;
      writeFileAtomic(out, withAuthor(await printWithBrowser(printer.fallback, job), author));
      return;
    }
  }
  writeFileAtomic(out, withAuthor(await printWithBrowser(printer.path, job), author));
}
