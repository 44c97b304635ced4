/** Electron's save dialog for exports (CSV, JSON), in the Documents folder by default. */
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { ChooseSavePath } from './save-export';

export function electronSaveDialog(window: () => BrowserWindow | null): ChooseSavePath {
  return async (defaultName, filter) => {
    const options = {
      title: 'Export',
      buttonLabel: 'Save',
      defaultPath: join(app.getPath('documents'), defaultName),
      filters: [{ name: filter.name, extensions: [...filter.extensions] }],
    };
    const win = window();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
