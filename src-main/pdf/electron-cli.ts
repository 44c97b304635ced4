/**
 * The command line's printer where Electron is installed: `electron out/main/pdf-electron.js
 * --job JOB.json --out REPORT.pdf` prints the job (written by cli-pdf.ts) with the app's own
 * print route, preload and options, in a hidden window, and exits: 0 when the PDF is written,
 * 1 with one line on stderr otherwise.
 */
import { app, ipcMain } from 'electron';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PrintJob } from '../shared/print-types';
import { APP_INDEX_URL } from '../renderer-host/app-protocol';
import { registerAppScheme } from '../renderer-host/app-scheme';
import { printInHiddenWindow } from './electron-window';
import { senderWindowOf } from '../renderer-host/sender-window';
import { writeFileAtomic } from '../files/write-file-atomic';

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message.split('\n')[0]}\n`);
  app.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== fileURLToPath(import.meta.url)),
    options: { job: { type: 'string' }, out: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const jobPath = values.job;
  const out = values.out;
  if (typeof jobPath !== 'string' || typeof out !== 'string')
    throw new Error('usage: electron pdf-electron.js --job JOB.json --out REPORT.pdf');
  const job = JSON.parse(readFileSync(jobPath, 'utf8')) as PrintJob;
  const preload = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
  // The print window's session serves app:// from out/renderer (printSession, electron-window.ts).
  const rendererUrl = APP_INDEX_URL;
  let printing: Electron.WebContents | null = null;
  ipcMain.handle('print:job', (event) =>
    senderWindowOf(event, { app: () => null, print: () => printing }) === 'print'
      ? { ok: true, value: job }
      : { ok: false, error: { code: 'untrusted-sender', message: 'print:job: not the print window' } },
  );
  const pdf = await printInHiddenWindow({
    preload,
    rendererUrl,
    job,
    onWindow: (contents) => {
      printing = contents;
    },
  });
  writeFileAtomic(out, pdf);
  app.exit(0);
}

app.enableSandbox();
// Before 'ready': the print route is served from app://renderer/, never file://.
registerAppScheme();
app.on('window-all-closed', () => undefined);
app.whenReady().then(main).catch(fail);
