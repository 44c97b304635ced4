/**
 * Issue 6, fuses in the packaged app, where an Electron binary exists (elsewhere skipped loudly,
 * like electron.spec.ts). electron-builder packages the built app around this machine's Electron
 * (offline: `electronDist`, no rebuild; run after `node scripts/sqlite-abi.mjs electron`), the
 * afterPack hook flips the fuses, and the packaged binary is run as an attacker would try:
 * ELECTRON_RUN_AS_NODE, NODE_OPTIONS=--require, --inspect. Playwright's _electron cannot drive a
 * packaged app whose inspect arguments are fused off, so the app is spawned and watched from
 * outside (its user data folder, its output).
 */
import { getCurrentFuseWire } from '@electron/fuses';
import { expect, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { electronBinary, sqliteAbi } from './electron-binary';
import { projectRoot } from './harness/paths';

const binary = electronBinary();
test.skip(!binary.path, `Packaged-app e2e skipped: ${binary.reason}`);
test.skip(process.platform !== 'linux', 'Packaged-app e2e: written for the Linux package (linux-unpacked)');
const abi = sqliteAbi();
test.skip(
  !!binary.path && !abi.startsWith('electron'),
  `Packaged-app e2e skipped: better-sqlite3 is built for ${abi}; run \`node scripts/sqlite-abi.mjs electron && npx playwright test --project electron\``,
);

test.describe.configure({ mode: 'serial' });

test.describe('the packaged app', () => {
  let work = '';
  let app = '';
  test.afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test.beforeAll(() => {
    test.setTimeout(300_000);
    work = mkdtempSync(join(tmpdir(), 'enrollscope-packaged-'));
    app = join(work, 'dist', 'linux-unpacked', 'enrollscope');
    execFileSync(
      join(projectRoot(), 'node_modules', '.bin', 'electron-builder'),
      [
        '--linux',
        'dir',
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${dirname(binary.path!)}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${join(work, 'dist')}`,
      ],
      { cwd: projectRoot(), stdio: 'inherit', env: { ...process.env, CI: '1' } },
    );
  });

  /** Starts the packaged app, waits until it has started (it copies the sample case) or ended. */
  async function run(env: NodeJS.ProcessEnv, args: string[] = []): Promise<{ output: string; started: boolean }> {
    const userData = mkdtempSync(join(work, 'user-'));
    const child = spawn(app, args, {
      env: { ...process.env, ...env, ENROLLSCOPE_USER_DATA: userData },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    let started = false;
    await Promise.race([
      exited,
      expect
        .poll(() => existsSync(join(userData, 'Sample case.enrollscope')), { timeout: 30_000 })
        .toBe(true)
        .then(() => (started = true))
        .catch(() => undefined),
    ]);
    child.kill('SIGKILL');
    await exited;
    return { output, started };
  }

  test('its binary carries the fuses of docs/security.md', async () => {
    const wire = (await getCurrentFuseWire(app)) as unknown as Record<number, number>;
    const on = 0x31;
    const off = 0x30;
    expect([wire[0], wire[1], wire[2], wire[3], wire[4], wire[5]]).toEqual([off, on, off, off, on, on]);
    // GrantFileProtocolExtraPrivileges (7) off: the renderer is served from app://, not file://.
    expect(wire[7]).toBe(off);
  });

  test('ELECTRON_RUN_AS_NODE does not turn it into Node', async () => {
    const { output } = await run({ ELECTRON_RUN_AS_NODE: '1' }, ['-e', 'process.stdout.write("RAN-AS-NODE")']);
    expect(output).not.toContain('RAN-AS-NODE');
  });

  test('NODE_OPTIONS=--require is ignored', async () => {
    const marker = join(work, 'required.txt');
    const evil = join(work, 'evil.cjs');
    writeFileSync(evil, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'loaded')\n`);
    const { started } = await run({ NODE_OPTIONS: `--require ${evil}` });
    expect(started).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  test('--inspect does not open a debugger', async () => {
    const { output, started } = await run({}, ['--inspect=127.0.0.1:0']);
    expect(started).toBe(true);
    expect(output).not.toMatch(/Debugger listening/);
  });
});
