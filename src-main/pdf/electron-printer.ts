/**
 * The app's Print to PDF in Electron: the save dialog, and printing in a hidden window whose
 * `print:job` call the app's IPC registration lets through (`printing`, read by senderWindowOf).
 */
import { app, dialog, type BrowserWindow, type WebContents } from 'electron';
import { join } from 'node:path';
import { printInHiddenWindow } from './electron-window';
import type { PrintDeps } from './print-deps';

export interface ElectronPrinter {
  readonly deps: PrintDeps;
  /** The WebContents of the print window being printed, if one is. */
  printing(): WebContents | null;
}

export function createElectronPrinter(options: {
  readonly preload: string;
  readonly rendererUrl: string;
  readonly parent: () => BrowserWindow | null;
}): ElectronPrinter {
  let current: WebContents | null = null;
  const deps: PrintDeps = {
    async render(job) {
      try {
        return await printInHiddenWindow({
          preload: options.preload,
          rendererUrl: options.rendererUrl,
          job,
          onWindow: (contents) => {
            current = contents;
          },
        });
      } finally {
        current = null;
      }
    },
    async choosePdfPath(defaultName) {
      const settings = {
        title: 'Save the report as PDF',
        buttonLabel: 'Save PDF',
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const parent = options.parent();
      const result = parent ? await dialog.showSaveDialog(parent, settings) : await dialog.showSaveDialog(settings);
      if (result.canceled || !result.filePath) return null;
      return /\.pdf$/i.test(result.filePath) ? result.filePath : `${result.filePath}.pdf`;
    },
  };
  return {
    deps,
    printing: () => current,
  };
}
