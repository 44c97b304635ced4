import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caseLocationWarning,
  isUncPath,
  mountOf,
  networkLocation,
  parseMacMount,
  parseProcMounts,
  systemMounts,
} from '../../../src-main/platform/network-share';

const PROC_MOUNTS = [
  '/dev/nvme0n1p2 / ext4 rw,relatime 0 0',
  '//fileserver/Kunden\\040Müller /mnt/kunden cifs rw,vers=3.1.1 0 0',
  'nas:/export/cases /home/zoë/cases nfs4 rw,relatime 0 0',
  '/dev/nvme0n1p3 /home ext4 rw 0 0',
  'tmpfs /home/zoë/cases/local tmpfs rw 0 0',
].join('\n');

const MAC_MOUNT = [
  '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
  '//jo@fileserver/Cases on /Volumes/Cases (smbfs, nodev, nosuid, mounted by jo)',
  'nas:/export on /Volumes/nas export (nfs, asynchronous)',
].join('\n');

describe('Windows paths (path.win32)', () => {
  it('recognises UNC shares in every spelling, and not local or extended-length drive paths', () => {
    for (const share of [
      '\\\\fileserver\\exports\\intune export.csv',
      '\\\\fileserver\\Kunden Müller\\Fall.enrollscope',
      '//fileserver/exports/a.csv',
      '\\\\?\\UNC\\fileserver\\exports\\a.csv',
      '\\\\.\\UNC\\fileserver\\exports\\a.csv',
    ])
      expect(isUncPath(share), share).toBe(true);
    for (const local of [
      'C:\\Users\\Zoë\\case.enrollscope',
      '\\\\?\\C:\\very\\long\\path',
      '\\\\.\\PIPE\\x',
      'D:/a.csv',
      'relative\\a.csv',
    ])
      expect(isUncPath(local), local).toBe(false);
  });

  it('names the share of a UNC case', () => {
    expect(networkLocation('\\\\?\\UNC\\fileserver\\Kunden\\cases', { platform: 'win32', mounts: [] })).toEqual({
      how: 'unc',
      share: '\\\\fileserver\\Kunden',
    });
    expect(networkLocation('C:\\Cases', { platform: 'win32', mounts: [] })).toBeNull();
  });

  it('the warning for a UNC case says what and why', () => {
    const warning = caseLocationWarning('\\\\fileserver\\Kunden\\Fall 1.enrollscope', 'win32');
    expect(warning).toContain('network share (\\\\fileserver\\Kunden)');
    expect(warning).toContain("SQLite's locking cannot be trusted");
    expect(caseLocationWarning('C:\\Users\\Zoë\\Fall 1.enrollscope', 'win32')).toBeNull();
  });
});

describe('mounts (path.posix)', () => {
  it("reads Linux's /proc/self/mounts with its octal escapes, and macOS's mount output", () => {
    const linux = parseProcMounts(PROC_MOUNTS);
    expect(linux[1]).toEqual({ source: '//fileserver/Kunden Müller', mountPoint: '/mnt/kunden', fsType: 'cifs' });
    const mac = parseMacMount(MAC_MOUNT);
    expect(mac[1]).toEqual({ source: '//jo@fileserver/Cases', mountPoint: '/Volumes/Cases', fsType: 'smbfs' });
    expect(mac[2]).toEqual({ source: 'nas:/export', mountPoint: '/Volumes/nas export', fsType: 'nfs' });
  });

  it('the longest mount point holding a path wins; a name that only starts like a mount point is not inside it', () => {
    const mounts = parseProcMounts(PROC_MOUNTS);
    expect(mountOf('/home/zoë/cases/contoso', mounts)?.fsType).toBe('nfs4');
    expect(mountOf('/home/zoë/cases/local/x', mounts)?.fsType).toBe('tmpfs');
    expect(mountOf('/home/zoë/cases-old', mounts)?.fsType).toBe('ext4');
    expect(mountOf('/mnt/kunden', mounts)?.fsType).toBe('cifs');
  });

  it('cifs, nfs and smbfs mounts are shares; local file systems are not', () => {
    const linux = { platform: 'linux' as const, mounts: parseProcMounts(PROC_MOUNTS) };
    expect(networkLocation('/mnt/kunden/Fall 1', linux)).toEqual({
      how: 'mount',
      share: '//fileserver/Kunden Müller (cifs)',
    });
    expect(networkLocation('/home/zoë/cases', linux)?.share).toBe('nas:/export/cases (nfs4)');
    expect(networkLocation('/home/zoë/cases/local', linux)).toBeNull();
    expect(networkLocation('/home/zoë', linux)).toBeNull();
    const mac = { platform: 'darwin' as const, mounts: parseMacMount(MAC_MOUNT) };
    expect(networkLocation('/Volumes/Cases/contoso', mac)?.how).toBe('mount');
    expect(networkLocation('/Users/jo', mac)).toBeNull();
    // A UNC-looking name means nothing on POSIX.
    expect(networkLocation('//fileserver/share', { platform: 'linux', mounts: [] })).toBeNull();
  });

  it("this machine: a case in the temp folder is local, and this machine's mount table reads", () => {
    const dir = mkdtempSync(join(tmpdir(), 'enrollscope-share-'));
    try {
      expect(caseLocationWarning(join(dir, 'case.enrollscope'))).toBeNull();
      if (process.platform === 'linux')
        expect(systemMounts('linux').some((mount) => mount.mountPoint === '/')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
