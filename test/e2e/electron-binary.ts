/** The Electron binary, if this machine has one (the electron package downloads it on first use). */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary(): { path: string | null; reason: string } {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile))
      return {
        path: null,
        reason: 'no Electron binary on this machine (node_modules/electron/path.txt is missing: its download failed)',
      };
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (!existsSync(binary)) return { path: null, reason: `the Electron binary ${binary} is missing` };
    return { path: binary, reason: '' };
  } catch (error) {
    return { path: null, reason: `the electron package cannot be resolved (${(error as Error).message})` };
  }
}

/** Which runtime better-sqlite3's native module is built for (the marker scripts/sqlite-abi.mjs writes). */
export function sqliteAbi(): string {
  try {
    const require = createRequire(import.meta.url);
    const marker = join(
      dirname(require.resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      '.enrollscope-abi',
    );
    return existsSync(marker) ? readFileSync(marker, 'utf8').trim() : `node-${process.versions.modules}`;
  } catch {
    return 'unknown';
  }
}
