import { describe, expect, it } from 'vitest';
import {
  isCaseFile,
  launchDataOf,
  launchPaths,
  launchRequest,
  type ArgvContext,
} from '../../../src-main/app/launch-args';

const windows: ArgvContext = { cwd: 'C:\\Users\\Zoë\\Documents', platform: 'win32', isPackaged: true };
const linux: ArgvContext = { cwd: '/home/zoë', platform: 'linux', isPackaged: true };
const mac: ArgvContext = { cwd: '/', platform: 'darwin', isPackaged: true };

describe('launchPaths', () => {
  it('a packaged Windows app: the exe first, Chromium switches anywhere, every path kind Windows has', () => {
    const argv = [
      'C:\\Program Files\\Enrollscope\\Enrollscope.exe',
      '--allow-file-access-from-files',
      'D:\\Kunden\\Müller GmbH\\Fall 1.enrollscope',
      '--original-process-start-time=13350000000000000',
      '\\\\fileserver\\exports\\intune export.csv',
      'logs\\Company Portal.zip',
      '\\\\?\\C:\\very\\long\\path\\events.csv',
      'file:///C:/Users/Zo%C3%AB/a%20b.csv',
    ];
    expect(launchPaths(argv, windows)).toEqual([
      'D:\\Kunden\\Müller GmbH\\Fall 1.enrollscope',
      '\\\\fileserver\\exports\\intune export.csv',
      'C:\\Users\\Zoë\\Documents\\logs\\Company Portal.zip',
      '\\\\?\\C:\\very\\long\\path\\events.csv',
      'C:\\Users\\Zoë\\a b.csv',
    ]);
  });

  it('unpackaged (electron ., Playwright): switches before the app folder, which is not a file to import', () => {
    const argv = ['/opt/electron/electron', '--inspect=0', '--remote-debugging-port=0', '/src/enrollscope', 'a.csv'];
    expect(launchPaths(argv, { ...linux, isPackaged: false })).toEqual(['/home/zoë/a.csv']);
    expect(launchPaths(['electron.exe', '.'], { ...windows, isPackaged: false })).toEqual([]);
  });

  it('macOS: the -psn_ argument of a Finder launch is no path', () => {
    const argv = [
      '/Applications/Enrollscope.app/Contents/MacOS/Enrollscope',
      '-psn_0_1234567',
      '/Users/jo/x.enrollscope',
    ];
    expect(launchPaths(argv, mac)).toEqual(['/Users/jo/x.enrollscope']);
  });

  it('after --, arguments are paths even when they start with a dash; each path once; blanks and foreign URLs dropped', () => {
    const argv = ['/usr/bin/enrollscope', 'a.csv', '--', '-odd name.csv', './a.csv', ' ', 'file://server/share/x.csv'];
    expect(launchPaths(argv, linux)).toEqual(['/home/zoë/a.csv', '/home/zoë/-odd name.csv']);
    // A file URL on POSIX with a host that is not local cannot be a path.
    expect(launchPaths(['app', 'file://remote.example/x.csv'], linux)).toEqual([]);
  });
});

describe('launchRequest', () => {
  it('the first case opens, other files are imported into it, further cases are named and not opened', () => {
    const request = launchRequest([
      'C:\\a\\export.csv',
      'C:\\a\\First.ENROLLSCOPE',
      'C:\\a\\logs',
      'C:\\a\\second.enrollscope',
    ]);
    expect(request).toEqual({
      caseFile: 'C:\\a\\First.ENROLLSCOPE',
      files: ['C:\\a\\export.csv', 'C:\\a\\logs'],
      otherCases: ['C:\\a\\second.enrollscope'],
    });
    expect(launchRequest([])).toEqual({ caseFile: null, files: [], otherCases: [] });
    expect(isCaseFile('x.enrollscope.csv')).toBe(false);
  });
});

describe('launchDataOf', () => {
  it('takes a second launch data only in its own shape, keeping absolute paths of the platform', () => {
    expect(launchDataOf({ paths: ['C:\\a.csv', 'relative.csv', '\\\\srv\\s\\b.csv'] }, 'win32')).toEqual({
      paths: ['C:\\a.csv', '\\\\srv\\s\\b.csv'],
    });
    expect(launchDataOf({ paths: ['/a.csv', 'C:\\a.csv'] }, 'linux')).toEqual({ paths: ['/a.csv'] });
    for (const bad of [
      null,
      undefined,
      'x',
      { paths: 'x' },
      { paths: [1] },
      { paths: [], extra: 1 },
      { paths: [''] },
    ]) {
      expect(launchDataOf(bad, 'linux')).toBeNull();
    }
  });
});
