/**
 * Is a case on a network share? SQLite keeps a case in WAL mode, whose index lives in shared
 * memory (the `-shm` file, memory-mapped): every process using the case must be on one computer,
 * and the file system's locks must work. On SMB/CIFS and NFS neither is certain, so a case there
 * may be damaged when two computers use it at once. This module only detects and words the
 * warning; what the app and the command line do with it is in docs/decisions.md.
 *
 * What can be detected: a UNC path on Windows (\\server\share\..., \\?\UNC\...), and a drive
 * letter mapped to a share (Z:, mapped-drives.ts: the real path is the share's UNC path, else
 * `net use` lists the letter); on Linux a mount whose type is a network file system
 * (/proc/self/mounts); on macOS the same from `mount`.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathsOf } from './paths';
import { driveLetterOf, mappedShareOf, systemMappedDrives } from './mapped-drives';

export interface Mount {
  readonly source: string;
  readonly mountPoint: string;
  readonly fsType: string;
}

/** File system types that are network shares (Linux's names, and macOS's smbfs, nfs, afpfs, webdav). */
export const NETWORK_FS_TYPES: ReadonlySet<string> = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'smb2',
  'afpfs',
  'webdav',
  'davfs',
  'fuse.davfs',
  'fuse.sshfs',
  'sshfs',
  '9p',
  'ceph',
  'glusterfs',
  'fuse.glusterfs',
  'lustre',
  'afs',
  'ncpfs',
  'fuse.rclone',
  'fuse.s3fs',
]);

/** /proc/self/mounts: "source mountpoint type options 0 0", spaces and tabs as octal escapes. */
export function parseProcMounts(text: string): Mount[] {
  const unescape = (field: string): string =>
    field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const [source, mountPoint, fsType] = line.split(' ');
    if (source && mountPoint && fsType)
      mounts.push({ source: unescape(source), mountPoint: unescape(mountPoint), fsType });
  }
  return mounts;
}

/** macOS `mount`: "//jo@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by jo)". */
export function parseMacMount(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const match = /^(.+?) on (.+) \(([^,)]+)/.exec(line);
    if (match) mounts.push({ source: match[1]!, mountPoint: match[2]!, fsType: match[3]!.trim() });
  }
  return mounts;
}

/** The mount holding `path`: the longest mount point that is `path` or one of its parents. */
export function mountOf(path: string, mounts: readonly Mount[]): Mount | null {
  const { sep } = pathsOf('linux');
  let best: Mount | null = null;
  for (const mount of mounts) {
    const point = mount.mountPoint;
    const inside = path === point || point === sep || path.startsWith(point.endsWith(sep) ? point : `${point}${sep}`);
    if (inside && (!best || point.length > best.mountPoint.length)) best = mount;
  }
  return best;
}

/** A Windows path on a share: \\server\share\..., \\?\UNC\server\share\..., \\.\UNC\... (not \\?\C:\). */
export function isUncPath(path: string): boolean {
  const normal = path.replace(/\//g, '\\');
  if (/^\\\\[?.]\\UNC\\/i.test(normal)) return true;
  return /^\\\\[^\\?.][^\\]*\\[^\\]+/.test(normal);
}

export interface NetworkLocation {
  /** How it was recognised: a UNC path, a drive letter mapped to a share, or the type of the mount holding it. */
  readonly how: 'unc' | 'mapped-drive' | 'mount';
  /** The share: \\server\share (`Z: = \\server\share` for a mapped drive), or the mount's source and type. */
  readonly share: string;
}

/** Where `path` is, when that is a network share; null when it is (or looks) local. */
export function networkLocation(
  path: string,
  context: {
    readonly platform: NodeJS.Platform;
    readonly mounts: readonly Mount[];
    /** Windows: the mapped drive letters, letter -> \\server\share (mapped-drives.ts). */
    readonly mappedDrives?: ReadonlyMap<string, string>;
  },
): NetworkLocation | null {
  if (context.platform === 'win32') {
    if (!isUncPath(path)) {
      const share = mappedShareOf(path, context.mappedDrives ?? new Map());
      return share === null ? null : { how: 'mapped-drive', share: `${driveLetterOf(path)}: = ${share}` };
    }
    const parts = path
      .replace(/\//g, '\\')
      .replace(/^\\\\[?.]\\UNC\\/i, '\\\\')
      .split('\\')
      .filter(Boolean);
    return { how: 'unc', share: `\\\\${parts[0]}\\${parts[1]}` };
  }
  const mount = mountOf(path, context.mounts);
  if (!mount || !NETWORK_FS_TYPES.has(mount.fsType)) return null;
  return { how: 'mount', share: `${mount.source} (${mount.fsType})` };
}

export function networkShareWarning(location: NetworkLocation): string {
  return (
    `This case is on a network share (${location.share}): SQLite's locking cannot be trusted there, ` +
    'and a case used from two computers at once may be damaged. Copy it to a local folder to work on it.'
  );
}

/** The mounts of this computer (Linux: /proc/self/mounts; macOS: `mount`; elsewhere none). */
export function systemMounts(platform: NodeJS.Platform = process.platform): Mount[] {
  try {
    if (platform === 'linux') return parseProcMounts(readFileSync('/proc/self/mounts', 'utf8'));
    if (platform === 'darwin') {
      // child_process is loaded only here, not at every command's start (~3 ms).
      const { spawnSync } = process.getBuiltinModule('node:child_process');
      const listed = spawnSync('/sbin/mount', [], { encoding: 'utf8', timeout: 5000 });
      return listed.status === 0 ? parseMacMount(listed.stdout) : [];
    }
  } catch {
    // unknown mounts: nothing is called a share
  }
  return [];
}

/**
 * The warning for a case at `path` (the real path of its folder is looked at, so a symlink to a
 * share counts, and on Windows a mapped drive's folder is its share's UNC path), or null. On
 * Windows, a drive-letter path that stays one is looked up in `mappedDrives` (`net use`, asked
 * only then). Never throws: a location that cannot be examined gets no warning.
 */
export function caseLocationWarning(
  path: string,
  platform: NodeJS.Platform = process.platform,
  mappedDrives: () => ReadonlyMap<string, string> = systemMappedDrives,
): string | null {
  try {
    const { dirname } = pathsOf(platform);
    let where = path;
    try {
      where = realpathSync.native(dirname(path));
    } catch {
      where = dirname(path);
    }
    const windows = platform === 'win32';
    const location = networkLocation(where, {
      platform,
      mounts: windows ? [] : systemMounts(platform),
      ...(windows && !isUncPath(where) ? { mappedDrives: mappedDrives() } : {}),
    });
    return location ? networkShareWarning(location) : null;
  } catch {
    return null;
  }
}
