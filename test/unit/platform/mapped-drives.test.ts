/**
 * Windows drive letters mapped to a share, tested with path.win32 inputs on any machine: the drive
 * letter of a path, `net use` output in English and German (its words are the system's language),
 * the share of a case on Z:, and the warning the app and the command line show for it. Running
 * `net use` and resolving a mapped drive's real path happen only on Windows (docs/decisions.md).
 */
import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commandOutput,
  driveLetterOf,
  mappedShareOf,
  parseNetUse,
  systemMappedDrives,
} from '../../../src-main/platform/mapped-drives';
import { caseLocationWarning, networkLocation } from '../../../src-main/platform/network-share';

const NET_USE_EN = [
  'New connections will be remembered.',
  '',
  '',
  'Status       Local     Remote                    Network',
  '',
  '-------------------------------------------------------------------------------',
  'OK           Z:        \\\\fileserver\\Kunden       Microsoft Windows Network',
  'Unavailable  Y:        \\\\nas\\Fälle Müller        Microsoft Windows Network',
  'OK                     \\\\fileserver\\IPC$         Microsoft Windows Network',
  'OK           X:        \\\\very-long-server-name.contoso.example\\Enrollment exports',
  '                                                Microsoft Windows Network',
  'The command completed successfully.',
  '',
].join('\r\n');

const NET_USE_DE = [
  'Neue Verbindungen werden gespeichert.',
  '',
  'Status       Lokal     Remote                    Netzwerk',
  '-------------------------------------------------------------------------------',
  'OK           k:        \\\\srv01\\kunden$          Microsoft Windows Network',
  'Getrennt     L:        \\\\srv01\\Daten            Microsoft Windows Network',
  'Der Befehl wurde erfolgreich ausgeführt.',
].join('\r\n');

describe('mapped drives (path.win32)', () => {
  it('reads the drive letter of a Windows path, in every spelling, and none of UNC or relative paths', () => {
    expect(driveLetterOf('Z:\\Kunden\\Fall 1.enrollscope')).toBe('Z');
    expect(driveLetterOf('z:/Kunden/a.csv')).toBe('Z');
    expect(driveLetterOf('\\\\?\\Z:\\very\\long\\path')).toBe('Z');
    expect(driveLetterOf(win32.dirname('Y:\\Fall.enrollscope'))).toBe('Y');
    expect(driveLetterOf('\\\\fileserver\\Kunden\\a.csv')).toBeNull();
    expect(driveLetterOf('Kunden\\a.csv')).toBeNull();
  });

  it("parses `net use` by the lines' shape: English and German, unavailable and disconnected drives, long names", () => {
    expect(parseNetUse(NET_USE_EN)).toEqual(
      new Map([
        ['Z', '\\\\fileserver\\Kunden'],
        ['Y', '\\\\nas\\Fälle Müller'],
        ['X', '\\\\very-long-server-name.contoso.example\\Enrollment exports'],
      ]),
    );
    expect(parseNetUse(NET_USE_DE)).toEqual(
      new Map([
        ['K', '\\\\srv01\\kunden$'],
        ['L', '\\\\srv01\\Daten'],
      ]),
    );
    expect(parseNetUse('There are no entries in the list.\r\n')).toEqual(new Map());
    expect(parseNetUse('')).toEqual(new Map());
  });

  it('a case on a mapped drive is on a network share; a local drive is not', () => {
    const mappedDrives = parseNetUse(NET_USE_EN);
    expect(mappedShareOf('Z:\\Fall 1', mappedDrives)).toBe('\\\\fileserver\\Kunden');
    expect(mappedShareOf('C:\\Users\\Zoë', mappedDrives)).toBeNull();
    expect(networkLocation('z:\\Kunden\\Fall 1', { platform: 'win32', mounts: [], mappedDrives })).toEqual({
      how: 'mapped-drive',
      share: 'Z: = \\\\fileserver\\Kunden',
    });
    expect(networkLocation('C:\\Cases', { platform: 'win32', mounts: [], mappedDrives })).toBeNull();
    // Drive letters mean nothing on POSIX.
    expect(networkLocation('Z:\\Cases', { platform: 'linux', mounts: [], mappedDrives })).toBeNull();
  });

  it('the warning of the app and the command line names the drive and its share', () => {
    const mappedDrives = (): ReadonlyMap<string, string> => parseNetUse(NET_USE_EN);
    const warning = caseLocationWarning('Z:\\Kunden\\Fall 1.enrollscope', 'win32', mappedDrives);
    expect(warning).toContain('network share (Z: = \\\\fileserver\\Kunden)');
    expect(warning).toContain("SQLite's locking cannot be trusted");
    expect(caseLocationWarning('C:\\Users\\Zoë\\Fall 1.enrollscope', 'win32', mappedDrives)).toBeNull();
    // A UNC path needs no list: the list is not asked for.
    let asked = 0;
    const counting = (): ReadonlyMap<string, string> => {
      asked++;
      return new Map();
    };
    expect(caseLocationWarning('\\\\fileserver\\Kunden\\Fall.enrollscope', 'win32', counting)).toContain(
      '(\\\\fileserver\\Kunden)',
    );
    expect(asked).toBe(0);
    expect(caseLocationWarning('D:\\Fall.enrollscope', 'win32', counting)).toBeNull();
    expect(asked).toBe(1);
  });

  it('no list when `net use` cannot answer: missing, failing or too slow; nothing is run off Windows', () => {
    expect(commandOutput('enrollscope-no-such-command', ['use'], 1000)).toBeNull();
    expect(commandOutput(process.execPath, ['-e', 'process.exit(2)'], 5000)).toBeNull();
    const started = Date.now();
    expect(commandOutput(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], 300)).toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(commandOutput(process.execPath, ['-e', 'process.stdout.write("Z:")'], 5000)).toBe('Z:');
    expect(systemMappedDrives(() => null)).toEqual(new Map());
    expect(systemMappedDrives(() => NET_USE_DE).get('K')).toBe('\\\\srv01\\kunden$');
    if (process.platform !== 'win32') expect(systemMappedDrives()).toEqual(new Map());
  });
});
