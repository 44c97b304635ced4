import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  abiOfLoadError,
  archOfExecutable,
  electronBuildArch,
  electronBuildSteps,
  electronInstallArch,
  labelOfBuild,
  npmInvocation,
} from '../../../scripts/lib/sqlite-abi-plan.mjs';

const refusal = (built: number, wanted: number): string =>
  `The module '/p/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n` +
  `was compiled against a different Node.js version using\nNODE_MODULE_VERSION ${built}. This version of Node.js requires\n` +
  `NODE_MODULE_VERSION ${wanted}. Please try re-compiling or re-installing`;

describe('which build is on disk', () => {
  it('reads the ABI from Node refusing a module built for another', () => {
    expect(abiOfLoadError(refusal(146, 115))).toBe('146');
    expect(abiOfLoadError('libstdc++.so.6: cannot open shared object file')).toBeNull();
  });

  it('a module electron-builder rebuilt for Electron in place is called Electron, whatever the marker said', () => {
    const base = { nodeAbi: '115', electronAbi: '146' };
    expect(labelOfBuild({ ...base, loadsInNode: false, loadError: refusal(146, 115) })).toBe('electron-146');
    expect(labelOfBuild({ ...base, loadsInNode: true, loadError: '' })).toBe('node-115');
    // Built for another Node: named for it, never for this one.
    expect(labelOfBuild({ ...base, loadsInNode: false, loadError: refusal(127, 115) })).toBe('node-127');
    // Fails for any other reason: unknown, so never cached.
    expect(labelOfBuild({ ...base, loadsInNode: false, loadError: 'Segmentation fault' })).toBeNull();
  });
});

/** A header of `size` bytes with `write` applied. */
function header(write: (buffer: Buffer) => void, size = 4096): Buffer {
  const buffer = Buffer.alloc(size);
  write(buffer);
  return buffer;
}

describe('archOfExecutable', () => {
  it('reads ELF, PE and Mach-O headers', () => {
    const elf = (machine: number) =>
      header((b) => {
        b.writeUInt32BE(0x7f454c46, 0);
        b.writeUInt16LE(machine, 18);
      });
    expect(archOfExecutable(elf(0x3e))).toBe('x64');
    expect(archOfExecutable(elf(0xb7))).toBe('arm64');
    const pe = (machine: number) =>
      header((b) => {
        b.writeUInt16BE(0x4d5a, 0);
        b.writeUInt32LE(0x80, 0x3c);
        b.writeUInt32BE(0x50450000, 0x80);
        b.writeUInt16LE(machine, 0x84);
      });
    expect(archOfExecutable(pe(0x8664))).toBe('x64');
    expect(archOfExecutable(pe(0xaa64))).toBe('arm64');
    const macho = (cpu: number) =>
      header((b) => {
        b.writeUInt32LE(0xfeedfacf, 0);
        b.writeUInt32LE(cpu, 4);
      });
    expect(archOfExecutable(macho(0x0100000c))).toBe('arm64');
    expect(archOfExecutable(macho(0x01000007))).toBe('x64');
    expect(archOfExecutable(header((b) => b.writeUInt32BE(0xcafebabe, 0)))).toBe('universal');
    expect(archOfExecutable(Buffer.from('#!/bin/sh\n'.padEnd(100, ' ')))).toBeNull();
    expect(archOfExecutable(Buffer.alloc(10))).toBeNull();
  });

  it("reads this machine's own Node binary and better-sqlite3 module as this CPU", () => {
    const arch = archOfExecutable(readFileSync(process.execPath));
    expect(arch).toBe(process.arch);
    const module = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    expect(archOfExecutable(readFileSync(module))).toBe(process.arch);
  });
});

describe('the architecture to build for Electron', () => {
  const context = { env: {}, platform: 'darwin', nodeArch: 'x64', underRosetta: true };
  it("is the Electron binary's own when it can be read (arm64 Electron under an x64 Node on Rosetta)", () => {
    expect(electronBuildArch({ ...context, binaryArch: 'arm64' })).toBe('arm64');
    expect(electronBuildArch({ ...context, underRosetta: false, binaryArch: 'arm64' })).toBe('arm64');
  });
  it("else follows the electron package's install rule", () => {
    expect(electronBuildArch({ ...context, binaryArch: null })).toBe('arm64');
    expect(electronBuildArch({ ...context, binaryArch: 'universal' })).toBe('arm64');
    expect(electronInstallArch({ ...context, underRosetta: false })).toBe('x64');
    expect(electronInstallArch({ ...context, env: { npm_config_arch: 'x64' } })).toBe('x64');
    expect(electronInstallArch({ ...context, env: { ELECTRON_INSTALL_ARCH: 'ia32', npm_config_arch: 'x64' } })).toBe(
      'ia32',
    );
    expect(electronInstallArch({ ...context, platform: 'linux' })).toBe('x64');
  });
});

describe('npmInvocation', () => {
  it('runs the npm that runs the script through this Node when there is one (any OS)', () => {
    const env = { npm_execpath: 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js' };
    expect(npmInvocation({ env, platform: 'win32', nodePath: 'C:\\node.exe' })).toEqual({
      command: 'C:\\node.exe',
      prefix: ['C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js'],
      shell: false,
    });
  });
  it('else npm.cmd through a shell on Windows, npm elsewhere', () => {
    expect(npmInvocation({ env: {}, platform: 'win32', nodePath: 'node' })).toEqual({
      command: 'npm.cmd',
      prefix: [],
      shell: true,
    });
    expect(npmInvocation({ env: {}, platform: 'linux', nodePath: 'node' })).toEqual({
      command: 'npm',
      prefix: [],
      shell: false,
    });
    // pnpm or yarn as npm_execpath (not a script this Node runs): the plain command.
    expect(npmInvocation({ env: { npm_execpath: '/usr/bin/pnpm' }, platform: 'linux', nodePath: 'node' }).command).toBe(
      'npm',
    );
  });
});

describe('electronBuildSteps', () => {
  it('tries the ready-made build, then @electron/rebuild, both for the same version and arch', () => {
    const steps = electronBuildSteps({
      version: '42.11.18',
      arch: 'arm64',
      prebuildInstallBin: '/p/prebuild-install/bin.js',
      electronRebuildBin: '/p/@electron/rebuild/lib/cli.js',
      projectDir: '/p',
    });
    expect(steps.map((step) => step.args[0])).toEqual([
      '/p/prebuild-install/bin.js',
      '/p/@electron/rebuild/lib/cli.js',
    ]);
    expect(steps[0]!.args).toEqual(
      expect.arrayContaining(['--runtime', 'electron', '--target', '42.11.18', '--arch', 'arm64']),
    );
    expect(steps[1]!.args).toEqual(
      expect.arrayContaining([
        '--version',
        '42.11.18',
        '--arch',
        'arm64',
        '--only',
        'better-sqlite3',
        '--module-dir',
        '/p',
      ]),
    );
  });
});
