/** Electron's native dialogs behind the session's Dialogs interface. */
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { CASE_EXTENSION } from '../shared/ipc-contract';
import type { Dialogs } from './session';

const caseFilter = { name: 'Enrollscope case', extensions: [CASE_EXTENSION.slice(1)] };

export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  const parent = (): BrowserWindow | undefined => window() ?? undefined;
  return {
    async chooseNewCasePath(defaultName) {
      const options = {
        title: 'New case',
        buttonLabel: 'Create',
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [caseFilter],
      };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseCaseToOpen() {
      const options = { title: 'Open case', filters: [caseFilter], properties: ['openFile' as const] };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseImportFiles() {
      const options = {
        title: 'Import files',
        buttonLabel: 'Import',
        filters: [
          {
            name: 'Exports and event logs',
            extensions: ['csv', 'tsv', 'txt', 'json', 'ndjson', 'jsonl', 'zip', 'log'],
          },
          { name: 'All files', extensions: ['*'] },
        ],
        // macOS can pick files and folders in one dialog; elsewhere it is one or the other.
        properties: [
          'openFile' as const,
          'multiSelections' as const,
          ...(process.platform === 'darwin' ? (['openDirectory'] as const) : []),
        ],
      };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
  };
}
