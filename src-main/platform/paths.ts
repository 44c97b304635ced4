/**
 * Paths as the platform they belong to spells them: Windows paths (drive letters, backslashes,
 * UNC, \\?\ long paths) are handled with path.win32 on any machine, so the logic is tested for
 * Windows on Linux too.
 */
import { posix, win32 } from 'node:path';

export const pathsOf = (platform: NodeJS.Platform): typeof posix => (platform === 'win32' ? win32 : posix);

/** The longest path the app takes: Windows' extended-length limit (Linux's PATH_MAX is 4096). */
export const MAX_PATH_LENGTH = 32_767;
