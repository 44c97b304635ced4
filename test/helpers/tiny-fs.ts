/**
 * A real, tiny file system for disk-full and read-only tests: a tmpfs of a few KiB mounted on a
 * fresh folder (needs root, as the test machine runs; elsewhere `mountTinyFs` returns null and
 * the tests that need it are skipped, saying so).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TinyFs {
  readonly dir: string;
  remountReadOnly(): void;
  unmount(): void;
}

export function mountTinyFs(sizeKb: number): TinyFs | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'enrollscope-tinyfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    remountReadOnly: () => {
      const result = spawnSync('mount', ['-o', 'remount,ro', dir]);
      if (result.status !== 0) throw new Error(`remount ro failed: ${result.stderr.toString()}`);
    },
    unmount: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether tests can mount one here (checked once). */
export const canMountTinyFs = ((): boolean => {
  const probe = mountTinyFs(64);
  probe?.unmount();
  return probe !== null;
})();
