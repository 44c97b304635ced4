/** Where the project's files are, from source (Playwright) or from the built screenshot tool. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'enrollscope'
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the enrollscope project folder');
    dir = parent;
  }
}

export const rendererDir = (): string => join(projectRoot(), 'out', 'renderer');
export const bundledSampleCase = (): string => join(projectRoot(), 'resources', 'sample-case.enrollscope');

/** Chromium for the harness: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** The same launch arguments as the command line's headless printer. */
export { BROWSER_ARGS as CHROMIUM_ARGS } from '../../../src-main/pdf/browser-args';
