/**
 * Electron fuses at packaging. build/fuses.mjs (electron-builder's afterPack hook) on fake
 * Electron binaries (the fuse wire behind its sentinel, as in a real binary), and electron-builder
 * itself packaging the built app (out/) around a fake Electron distribution, offline: the hook runs,
 * the packaged binary's fuses are set, and the app is one asar holding only what ships.
 */
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the packaging step, without type declarations
import afterPack, { FUSES, flipAppFuses } from '../../../build/fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'enrollscope-fuses-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A file laid out like an Electron binary: code, the sentinel, wire version 1, length, one byte per fuse. */
function fakeElectron(path: string, wire: string): string {
  const code = Buffer.from('#!/bin/sh\necho "not really electron"\n');
  writeFileSync(
    path,
    Buffer.concat([
      code,
      Buffer.alloc(8192, 0x90),
      Buffer.from(SENTINEL),
      Buffer.from([1, wire.length]),
      Buffer.from(wire),
      Buffer.alloc(8192, 0xcc),
    ]),
  );
  chmodSync(path, 0o755);
  return path;
}

const char = (byte: number | string | undefined): string =>
  typeof byte === 'number' ? String.fromCharCode(byte) : String(byte);
async function fusesOf(path: string): Promise<Record<string, string>> {
  const wire = (await getCurrentFuseWire(path)) as unknown as Record<string, number | string>;
  return Object.fromEntries(Object.entries(wire).map(([k, v]) => [FuseV1Options[Number(k)] ?? k, char(v)]));
}

const REQUIRED = {
  RunAsNode: '0',
  EnableCookieEncryption: '1',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
  // Checklist item 18: the renderer is served from app://, so file:// needs no extra privileges.
  GrantFileProtocolExtraPrivileges: '0',
};

describe('build/fuses.mjs', () => {
  it('sets the seven fuses of the security checklist and leaves the others as Electron set them', async () => {
    expect(
      Object.keys(FUSES)
        .map((k) => FuseV1Options[Number(k)])
        .sort(),
    ).toEqual(Object.keys(REQUIRED).sort());
    // Electron's defaults: RunAsNode, NODE_OPTIONS and --inspect on; no cookie encryption, no asar checks.
    const binary = fakeElectron(join(temp, 'electron-defaults'), '101100011');
    const before = readFileSync(binary);
    await flipAppFuses(binary);
    const fuses = await fusesOf(binary);
    expect(fuses).toMatchObject(REQUIRED);
    expect(fuses).toMatchObject({
      LoadBrowserProcessSpecificV8Snapshot: '0',
      '8': '1',
    });
    // Only the wire changed, nothing else of the binary.
    const after = readFileSync(binary);
    expect(after.length).toBe(before.length);
    const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(changed.every((i) => i >= wireStart && i < wireStart + 9)).toBe(true);
    // Again: nothing changes.
    await flipAppFuses(binary);
    expect(readFileSync(binary).equals(after)).toBe(true);
  });

  it('refuses a binary without fuses, and one where a required fuse cannot be set', async () => {
    const plain = join(temp, 'no-sentinel');
    writeFileSync(plain, Buffer.alloc(4096, 1));
    await expect(flipAppFuses(plain)).rejects.toThrow(/sentinel/);
    // RunAsNode marked removed ('r') in this binary: flipping it is a no-op, so the read-back fails.
    const removed = fakeElectron(join(temp, 'removed-fuse'), 'r01100011');
    await expect(flipAppFuses(removed)).rejects.toThrow(/RunAsNode/);
  });

  it('as afterPack: finds the executable as electron-builder names it on each platform', async () => {
    const out = join(temp, 'linux-unpacked');
    mkdirSync(out);
    fakeElectron(join(out, 'enrollscope'), '101100011');
    await afterPack({
      appOutDir: out,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { executableName: 'enrollscope' },
    });
    expect(await fusesOf(join(out, 'enrollscope'))).toMatchObject(REQUIRED);
    const win = join(temp, 'win-unpacked');
    mkdirSync(win);
    fakeElectron(join(win, 'Enrollscope.exe'), '101100011');
    await afterPack({
      appOutDir: win,
      electronPlatformName: 'win32',
      arch: 1,
      packager: { appInfo: { productFilename: 'Enrollscope' } },
    });
    expect(await fusesOf(join(win, 'Enrollscope.exe'))).toMatchObject(REQUIRED);
  });
});

describe('electron-builder with electron-builder.yml', () => {
  it('packages out/ into one asar around a (fake) Electron and the afterPack hook sets the fuses', async () => {
    expect(existsSync(join(root, 'out', 'main', 'index.js')), 'run npm run build first').toBe(true);
    const dist = join(temp, 'electron-dist');
    mkdirSync(join(dist, 'locales'), { recursive: true });
    mkdirSync(join(dist, 'resources'));
    fakeElectron(join(dist, 'electron'), '101100011');
    for (const file of ['locales/en-US.pak', 'locales/de.pak', 'LICENSE', 'version'])
      writeFileSync(join(dist, file), 'x');
    const output = join(temp, 'packaged');
    const builder = join(root, 'node_modules', '.bin', 'electron-builder');
    await promisify(execFile)(
      builder,
      [
        '--linux',
        'dir',
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${dist}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${output}`,
      ],
      { cwd: root, timeout: 120_000, env: { ...process.env, CI: '1' } },
    );
    const app = join(output, 'linux-unpacked');
    expect(await fusesOf(join(app, 'enrollscope'))).toMatchObject(REQUIRED);
    expect(existsSync(join(app, 'resources', 'sample-case.enrollscope'))).toBe(true);
    expect(existsSync(join(app, 'resources', 'app'))).toBe(false); // only the asar: OnlyLoadAppFromAsar
    expect(existsSync(join(app, 'locales', 'de.pak'))).toBe(false);
    const asar = createRequire(import.meta.url)('@electron/asar') as { listPackage(path: string): string[] };
    const files = asar.listPackage(join(app, 'resources', 'app.asar')).map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/index.js',
        '/out/preload/preload.cjs',
        '/out/renderer/index.html',
      ]),
    );
    expect(files.filter((f) => f.startsWith('/out/main/tools/'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(existsSync(join(app, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3'))).toBe(true);
  }, 120_000);
});
