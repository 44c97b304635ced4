/**
 * The application menu. File commands are sent to the renderer, which runs them as the same store
 * actions its buttons and the drop target use: one code path for every way in.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentCase } from '../shared/ipc-contract';

export interface MenuActions {
  readonly send: (command: MenuCommand) => void;
  readonly clearRecent: () => void;
}

/** The menu as a template (testable without Electron). */
export function menuTemplate(
  recent: readonly RecentCase[],
  actions: MenuActions,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((entry): MenuItemConstructorOptions => ({
          label: entry.name,
          toolTip: entry.path,
          click: () => actions.send({ command: 'open-recent', path: entry.path }),
        })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No recent cases', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        id: 'new-case',
        label: 'New Case…',
        accelerator: 'CmdOrCtrl+N',
        click: () => actions.send({ command: 'new-case' }),
      },
      {
        id: 'open-case',
        label: 'Open Case…',
        accelerator: 'CmdOrCtrl+O',
        click: () => actions.send({ command: 'open-case' }),
      },
      { id: 'open-recent', label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      {
        id: 'import-files',
        label: 'Import Files…',
        accelerator: 'CmdOrCtrl+I',
        click: () => actions.send({ command: 'import-files' }),
      },
      { type: 'separator' },
      {
        id: 'print-pdf',
        label: 'Print to PDF…',
        accelerator: 'CmdOrCtrl+P',
        click: () => actions.send({ command: 'print-pdf' }),
      },
      ...(isMac
        ? []
        : ([{ type: 'separator' }, { id: 'quit', role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' }] as const)),
    ],
  };

  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(process.env['NODE_ENV'] === 'development' ? ([{ role: 'toggleDevTools' }] as const) : []),
      ],
    },
    { role: 'windowMenu' },
  ];
}
