/**
 * The decisions of scripts/sqlite-abi.mjs, as plain functions (unit tests:
 * test/unit/tools/sqlite-abi-plan.test.ts): which ABI a built module is for, which architecture
 * Electron was installed for, how to call npm on this platform, and how to get a build.
 */

/** "node-115", "electron-146": the name a build is cached under. */
export const abiLabel = (runtime, abi) => `${runtime}-${abi}`;

/**
 * The NODE_MODULE_VERSION a module was built for, read from Node's refusal to load it
 * ("...was compiled against a different Node.js version using NODE_MODULE_VERSION 146. This
 * version of Node.js requires NODE_MODULE_VERSION 115..."); null when the message says nothing of it.
 */
export function abiOfLoadError(message) {
  const match = /compiled against a different Node\.js version using\s+NODE_MODULE_VERSION (\d+)/.exec(String(message));
  return match ? match[1] : null;
}

/**
 * Which ABI the module on disk is really built for, whatever a marker says (electron-builder's
 * npmRebuild rebuilds it for Electron in place): loaded in Node, it is Node's; refused with a
 * NODE_MODULE_VERSION, that one (Electron's when it is Electron's number); otherwise unknown (null),
 * and an unknown build is never cached.
 */
export function labelOfBuild({ loadsInNode, loadError, nodeAbi, electronAbi }) {
  if (loadsInNode) return abiLabel('node', nodeAbi);
  const abi = abiOfLoadError(loadError);
  if (abi === null) return null;
  return abi === String(electronAbi) ? abiLabel('electron', abi) : abiLabel('node', abi);
}

/** The CPU an executable is built for, from its header (ELF, PE, Mach-O); null when unknown. */
export function archOfExecutable(bytes) {
  if (!bytes || bytes.length < 64) return null;
  const view = Buffer.from(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, bytes.length);
  // ELF: e_machine at 18 (little-endian on every platform Electron ships for).
  if (view.readUInt32BE(0) === 0x7f454c46) {
    return { 0x3e: 'x64', 0xb7: 'arm64', 0x28: 'armv7l', 0x03: 'ia32' }[view.readUInt16LE(18)] ?? null;
  }
  // PE: "MZ", the PE header's offset at 0x3c, its machine 4 bytes after "PE\0\0".
  if (view.readUInt16BE(0) === 0x4d5a) {
    const pe = view.readUInt32LE(0x3c);
    if (pe + 6 > view.length || view.readUInt32BE(pe) !== 0x50450000) return null;
    return { 0x8664: 'x64', 0xaa64: 'arm64', 0x014c: 'ia32' }[view.readUInt16LE(pe + 4)] ?? null;
  }
  // Mach-O, 64-bit little-endian: cputype at 4. A universal binary runs natively on both.
  if (view.readUInt32LE(0) === 0xfeedfacf) {
    return { 0x01000007: 'x64', 0x0100000c: 'arm64' }[view.readUInt32LE(4)] ?? null;
  }
  if (view.readUInt32BE(0) === 0xcafebabe) return 'universal';
  return null;
}

/**
 * The architecture the electron package downloads for when its binary cannot be read: the same
 * rule as its install.js (ELECTRON_INSTALL_ARCH, npm_config_arch, else Node's, but arm64 when an
 * x64 Node runs under Rosetta on macOS).
 */
export function electronInstallArch({ env, platform, nodeArch, underRosetta }) {
  if (env.ELECTRON_INSTALL_ARCH) return env.ELECTRON_INSTALL_ARCH;
  if (env.npm_config_arch) return env.npm_config_arch;
  if (platform === 'darwin' && nodeArch === 'x64' && underRosetta) return 'arm64';
  return nodeArch;
}

/** The arch a build for Electron must have: its binary's, else install.js's rule (never "universal"). */
export function electronBuildArch({ binaryArch, ...installContext }) {
  if (binaryArch && binaryArch !== 'universal') return binaryArch;
  return electronInstallArch(installContext);
}

/**
 * How to run npm from a script: through the npm that runs this script when there is one
 * (npm_execpath, a JavaScript file run by this Node), else `npm`, which on Windows is npm.cmd and
 * must go through a shell (Node refuses to spawn .cmd files without one).
 */
export function npmInvocation({ env, platform, nodePath }) {
  const execPath = env.npm_execpath;
  if (execPath && /\.[cm]?js$/i.test(execPath)) return { command: nodePath, prefix: [execPath], shell: false };
  if (platform === 'win32') return { command: 'npm.cmd', prefix: [], shell: true };
  return { command: 'npm', prefix: [], shell: false };
}

/**
 * The ways to get a build for Electron, tried in order: the ready-made one (prebuild-install),
 * then a compile against Electron's headers (@electron/rebuild), for Electron's version and arch.
 */
export function electronBuildSteps({ version, arch, prebuildInstallBin, electronRebuildBin, projectDir }) {
  return [
    {
      name: `the ready-made build for Electron ${version} (${arch})`,
      args: [prebuildInstallBin, '--runtime', 'electron', '--target', version, '--arch', arch, '--verbose'],
      inPackageDir: true,
    },
    {
      name: `a build from source against Electron ${version}'s headers (${arch}), with @electron/rebuild`,
      args: [
        electronRebuildBin,
        '--version',
        version,
        '--arch',
        arch,
        '--only',
        'better-sqlite3',
        '--force',
        '--module-dir',
        projectDir,
      ],
      inPackageDir: false,
    },
  ];
}
