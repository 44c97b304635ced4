/** Tiny file systems in vitest tests, unmounted after each test. */
import { afterEach } from 'vitest';
import { mountTinyFs, type TinyFs } from './tiny-fs';

/** Mounts tiny file systems for a test and unmounts them after it: `const tiny = tinyFs(64)`. */
export function useTinyFs(): (sizeKb: number) => TinyFs {
  const mounted: TinyFs[] = [];
  afterEach(() => {
    for (const fs of mounted.splice(0)) fs.unmount();
  });
  return (sizeKb) => {
    const fs = mountTinyFs(sizeKb);
    if (!fs) throw new Error('cannot mount a tmpfs here');
    mounted.push(fs);
    return fs;
  };
}
