/**
 * The application menu. File commands are sent to the renderer, which runs them as the same store
 * actions its buttons and the drop target use: one code path for every way in. Its own labels are
 * in the window's language (`t`); Electron's role items (Edit, Window, zoom) in the system's.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { translator, type Translator } from '../shared/i18n/translator';
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
  t: Translator['t'] = translator('en').t,
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
        { label: t('app.menu.clearRecent'), click: () => actions.clearRecent() },
      ]
    : [{ label: t('app.menu.noRecent'), enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: t('app.menu.file'),
    submenu: [
      {
        id: 'new-case',
        label: t('app.menu.newCase'),
        accelerator: 'CmdOrCtrl+N',
        click: () => actions.send({ command: 'new-case' }),
      },
      {
        id: 'open-case',
        label: t('app.menu.openCase'),
        accelerator: 'CmdOrCtrl+O',
        click: () => actions.send({ command: 'open-case' }),
      },
      { id: 'open-recent', label: t('app.menu.openRecent'), submenu: recentItems },
      { type: 'separator' },
      {
        id: 'import-files',
        label: t('app.menu.importFiles'),
        accelerator: 'CmdOrCtrl+I',
        click: () => actions.send({ command: 'import-files' }),
      },
      { type: 'separator' },
      {
        id: 'print-pdf',
        label: t('app.menu.printPdf'),
        accelerator: 'CmdOrCtrl+P',
        click: () => actions.send({ command: 'print-pdf' }),
      },
      ...(isMac
        ? []
        : ([
            { type: 'separator' },
            { id: 'quit', role: 'quit', label: t('app.menu.quit'), accelerator: 'CmdOrCtrl+Q' },
          ] as const)),
    ],
  };

  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    {
      label: t('app.menu.view'),
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
