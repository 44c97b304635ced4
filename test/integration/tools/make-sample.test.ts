/**
 * `npm run sample` is deterministic: two runs write the same bytes, and those are the bytes of the
 * committed resources/sample-case.enrollscope (so the bundled case is exactly what the tool makes
 * from the current code; regenerate it with `npm run sample` when the engine changes).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeSample } from '../../../src-main/tools/make-sample';
import { useTempDir } from '../../helpers/temp-dir';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const committed = fileURLToPath(new URL('../../../resources/sample-case.enrollscope', import.meta.url));

describe('makeSample', () => {
  const tempDir = useTempDir('enrollscope-sample-test-');
  it('writes the same bytes on every run, and they are the committed sample case', async () => {
    const dir = tempDir();
    const first = join(dir, 'first.enrollscope');
    const second = join(dir, 'second.enrollscope');
    await makeSample({ out: first, keep: null });
    await makeSample({ out: second, keep: null });
    expect(sha(second)).toBe(sha(first));
    expect(sha(first), 'resources/sample-case.enrollscope is stale: run `npm run sample`').toBe(sha(committed));
  }, 120_000);
});
