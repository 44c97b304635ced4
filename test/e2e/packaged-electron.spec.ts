/**
 * The packaged app where an Electron binary exists (`npm run test:electron`): a case and a file
 * given on its command line (a double-click, a drop on its icon) go through the worker inside
 * app.asar; and the fuses (elsewhere skipped loudly, like electron.spec.ts). electron-builder
 * packages the built app around this machine's Electron (offline: `electronDist`, no rebuild;
 * better-sqlite3 already switched to Electron's ABI by test:electron), the
 * afterPack hook flips the fuses, and the packaged binary is run as an attacker would try:
 * ELECTRON_RUN_AS_NODE, NODE_OPTIONS=--require, --inspect. Playwright's _electron cannot drive a
 * packaged app whose inspect arguments are fused off, so the app is spawned and watched from
 * outside (its user data folder, its output).
 */
import { getCurrentFuseWire } from '@electron/fuses';
import { expect, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { electronBinary, sqliteAbi } from './electron-binary';
import { bundledSampleCase, projectRoot } from './harness/paths';
import { completedAttempt, writeEventLog } from '../helpers/event-log';

const binary = electronBinary();
test.skip(!binary.path, `Packaged-app e2e skipped: ${binary.reason}`);
test.skip(process.platform !== 'linux', 'Packaged-app e2e: written for the Linux package (linux-unpacked)');
const abi = sqliteAbi();
test.skip(
  !!binary.path && !abi.startsWith('electron'),
  `Packaged-app e2e skipped: better-sqlite3 is built for ${abi}; run \`npm run test:electron\``,
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

  /**
   * Starts the packaged app on a fresh profile, waits until it has started (`started`: by default,
   * it copied the sample case into its profile) or ended. A packaged app ignores
   * ENROLLSCOPE_USER_DATA, so its profile is moved the way Linux lets any app's be: XDG_CONFIG_HOME.
   */
  async function run(
    env: NodeJS.ProcessEnv,
    args: string[] = [],
    started: (userData: string) => boolean = (userData) => existsSync(join(userData, 'Sample case.enrollscope')),
  ): Promise<{ output: string; started: boolean; userData: string }> {
    const config = mkdtempSync(join(work, 'config-'));
    const userData = join(config, 'Enrollscope');
    const child = spawn(app, args, {
      env: { ...process.env, ...env, XDG_CONFIG_HOME: config, ENROLLSCOPE_USER_DATA: join(work, 'ignored') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    let didStart = false;
    await Promise.race([
      exited,
      expect
        .poll(() => started(userData), { timeout: 60_000 })
        .toBe(true)
        .then(() => (didStart = true))
        .catch(() => undefined),
    ]);
    child.kill('SIGKILL');
    await exited;
    // A packaged app never reads the test variable: nothing was written there.
    expect(existsSync(join(work, 'ignored'))).toBe(false);
    return { output, started: didStart, userData };
  }

  /** How many imports a case holds, read with the sqlite3 command (this process's module is Electron's). */
  function importCount(casePath: string): number {
    try {
      return Number(
        execFileSync('sqlite3', ['-readonly', casePath, 'SELECT count(*) FROM imports'], { encoding: 'utf8' }).trim(),
      );
    } catch {
      return -1;
    }
  }

  test('its binary carries the fuses of docs/security.md', async () => {
    const wire = (await getCurrentFuseWire(app)) as unknown as Record<number, number>;
    const on = 0x31;
    const off = 0x30;
    expect([wire[0], wire[1], wire[2], wire[3], wire[4], wire[5]]).toEqual([off, on, off, off, on, on]);
    // GrantFileProtocolExtraPrivileges (7) off: the renderer is served from app://, not file://.
    expect(wire[7]).toBe(off);
  });

  test('a case and a file on its command line: the case opens and the file is imported by the worker inside app.asar', async () => {
    const casePath = join(work, 'double-clicked.enrollscope');
    copyFileSync(bundledSampleCase(), casePath);
    const before = importCount(casePath);
    expect(before).toBeGreaterThan(0);
    const log = writeEventLog(
      join(work, 'dropped on the icon.csv'),
      completedAttempt('zoë@contoso.example', 'iOS', '2025-11-13T09:00:00Z'),
    );
    const { started, output, userData } = await run({}, [casePath, log], () => importCount(casePath) === before + 1);
    expect(started, output).toBe(true);
    // The double-clicked case was opened, not the sample: no sample copy was made.
    expect(existsSync(join(userData, 'Sample case.enrollscope'))).toBe(false);
    expect(existsSync(join(app, '..', 'resources', 'app.asar'))).toBe(true);
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
