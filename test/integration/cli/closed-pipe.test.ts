/**
 * A reader that stops early (`enrollscope attempts ... | head`) closes the pipe under the
 * command: it ends quietly, with no EPIPE stack trace on stderr.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/enrollscope.js', import.meta.url));
const sample = fileURLToPath(new URL('../../../resources/sample-case.enrollscope', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'enrollscope-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a closed output pipe', () => {
  it('ends the command quietly once the reader has gone', async () => {
    const db = join(dir, 'case.enrollscope');
    copyFileSync(sample, db);
    const child = spawn(process.execPath, [bin, 'attempts', '--db', db, '--format', 'csv'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -0`: the reader closes the pipe before the command writes its output, so every
    // write meets a closed pipe (reading a first chunk races the command's own writes).
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
