import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../src-main/app/menu';
import { translator } from '../../../src-main/shared/i18n/translator';

const fileMenu = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  (template.find((item) => item.label === 'File')?.submenu ?? []) as MenuItemConstructorOptions[];

describe('menuTemplate', () => {
  it('has the file commands with their shortcuts', () => {
    const items = fileMenu(menuTemplate([], { send: vi.fn(), clearRecent: vi.fn() }, 'linux'));
    const byId = Object.fromEntries(items.filter((i) => i.id).map((i) => [i.id, i]));
    expect(byId['new-case']?.accelerator).toBe('CmdOrCtrl+N');
    expect(byId['open-case']?.accelerator).toBe('CmdOrCtrl+O');
    expect(byId['import-files']?.accelerator).toBe('CmdOrCtrl+I');
    expect(byId['print-pdf']).toMatchObject({ accelerator: 'CmdOrCtrl+P' });
    expect(byId['print-pdf']?.enabled).not.toBe(false);
    expect(byId['quit']).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
    expect(byId['open-recent']?.submenu).toEqual([{ label: 'No recent cases', enabled: false }]);
  });

  it('sends commands to the window, and lists recent cases', () => {
    const send = vi.fn();
    const clearRecent = vi.fn();
    const recent = [{ path: '/cases/a.enrollscope', name: 'a', openedAt: '2025-06-01T00:00:00Z' }];
    const items = fileMenu(menuTemplate(recent, { send, clearRecent }, 'darwin'));
    const click = (item: MenuItemConstructorOptions | undefined): void => (item?.click as () => void)();
    click(items.find((i) => i.id === 'import-files'));
    expect(send).toHaveBeenCalledWith({ command: 'import-files' });
    click(items.find((i) => i.id === 'print-pdf'));
    expect(send).toHaveBeenCalledWith({ command: 'print-pdf' });
    const submenu = items.find((i) => i.id === 'open-recent')?.submenu as MenuItemConstructorOptions[];
    click(submenu[0]);
    expect(send).toHaveBeenCalledWith({ command: 'open-recent', path: '/cases/a.enrollscope' });
    click(submenu.find((i) => i.label === 'Clear Recent'));
    expect(clearRecent).toHaveBeenCalled();
    // macOS: Quit lives in the app menu.
    expect(items.find((i) => i.id === 'quit')).toBeUndefined();
  });

  it('speaks the window’s language: German labels, the same commands and shortcuts', () => {
    const send = vi.fn();
    const template = menuTemplate([], { send, clearRecent: vi.fn() }, 'linux', translator('de').t);
    expect(template.map((item) => item.label).filter(Boolean)).toEqual(['Datei', 'Ansicht']);
    const items = (template.find((item) => item.label === 'Datei')?.submenu ?? []) as MenuItemConstructorOptions[];
    const byId = Object.fromEntries(items.filter((i) => i.id).map((i) => [i.id, i]));
    expect(byId['new-case']).toMatchObject({ label: 'Neuer Fall…', accelerator: 'CmdOrCtrl+N' });
    expect(byId['import-files']).toMatchObject({ label: 'Dateien importieren…', accelerator: 'CmdOrCtrl+I' });
    expect(byId['quit']).toMatchObject({ role: 'quit', label: 'Beenden' });
    expect(byId['open-recent']?.submenu).toEqual([{ label: 'Keine zuletzt verwendeten Fälle', enabled: false }]);
    (byId['print-pdf']?.click as () => void)();
    expect(send).toHaveBeenCalledWith({ command: 'print-pdf' });
  });
});
