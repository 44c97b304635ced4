#!/usr/bin/env node
/**
 * Makes sure better-sqlite3's native module is built for the runtime about to load it.
 *   node scripts/sqlite-abi.mjs node       (tests, the command line, benchmarks)
 *   node scripts/sqlite-abi.mjs electron   (the desktop app; run after the Electron binary is fetched)
 * Node and Electron need different ABIs. Each build is kept in node_modules/.cache, named by what
 * it was checked to be (its ABI and CPU), so switching back and forth is a file copy, not a
 * 90-second compile. Never silently skips: if the right build cannot be had, it says why and exits
 * non-zero. The decisions are in scripts/lib/sqlite-abi-plan.mjs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  abiLabel,
  archOfExecutable,
  electronBuildArch,
  electronBuildSteps,
  labelOfBuild,
  npmInvocation,
} from './lib/sqlite-abi-plan.mjs';

const require = createRequire(import.meta.url);
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/sqlite-abi.mjs node|electron');
  process.exit(2);
}

const projectDir = process.cwd();
const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
const binary = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
const marker = join(packageDir, 'build', 'Release', '.enrollscope-abi');
const cacheDir = join(packageDir, '..', '.cache', 'enrollscope-sqlite');

const electronDir = dirname(require.resolve('electron/package.json'));
const electronAbi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const nodeAbi = process.versions.modules;

/** The Electron executable the electron package fetched, or null (not fetched yet). */
function electronExecutable() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const file = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(file) ? file : null;
}

function underRosetta() {
  if (process.platform !== 'darwin') return false;
  const probe = spawnSync('sysctl', ['-in', 'sysctl.proc_translated'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === '1';
}

const readArch = (file) => (file && existsSync(file) ? archOfExecutable(readFileSync(file)) : null);

const electronExe = electronExecutable();
const wantedArch =
  target === 'node'
    ? process.arch
    : electronBuildArch({
        binaryArch: readArch(electronExe),
        env: process.env,
        platform: process.platform,
        nodeArch: process.arch,
        underRosetta: underRosetta(),
      });
const wanted = target === 'node' ? abiLabel('node', nodeAbi) : abiLabel('electron', electronAbi);
const cacheOf = (label, arch) => join(cacheDir, `${label}-${arch}`, 'better_sqlite3.node');

/** What the module on disk is: its ABI (by loading it in Node) and its CPU; null when unknown. */
function identify() {
  if (!existsSync(binary)) return null;
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      "try{const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get()}" +
        'catch(e){process.stderr.write(String(e&&e.message));process.exit(3)}',
    ],
    { cwd: projectDir, encoding: 'utf8' },
  );
  const label = labelOfBuild({ loadsInNode: probe.status === 0, loadError: probe.stderr, nodeAbi, electronAbi });
  const arch = readArch(binary);
  if (label === null || arch === null) return null;
  // An Electron build is only called one once Electron itself has opened a database with it.
  if (label.startsWith('electron') && electronExe && !loadsInElectron()) return null;
  return { label, arch };
}

function loadsInElectron() {
  const probe = spawnSync(
    electronExe,
    ['-e', "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get()"],
    { cwd: projectDir, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
  );
  return probe.status === 0;
}

const isWanted = (found) => found !== null && found.label === wanted && found.arch === wantedArch;

/** Keeps the module on disk under what it was checked to be. */
function remember(found) {
  writeFileSync(marker, found.label);
  const file = cacheOf(found.label, found.arch);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(binary, file);
  }
}

function done(found) {
  remember(found);
  process.exit(0);
}

const present = identify();
if (isWanted(present)) done(present);
// Keep the build about to be replaced (only what it was checked to be), so switching back is quick.
if (present !== null) remember(present);

const cached = cacheOf(wanted, wantedArch);
if (existsSync(cached)) {
  copyFileSync(cached, binary);
  const found = identify();
  if (isWanted(found)) done(found);
  console.error(`better-sqlite3: the cached build for ${wanted} (${wantedArch}) does not load; building it again.`);
}

function run(command, args, options) {
  execFileSync(command, args, { stdio: 'inherit', ...options });
}

const problems = [];
if (target === 'node') {
  console.error(`better-sqlite3: building for Node (ABI ${nodeAbi}); this takes about 90 s…`);
  const npm = npmInvocation({ env: process.env, platform: process.platform, nodePath: process.execPath });
  try {
    run(npm.command, [...npm.prefix, 'rebuild', 'better-sqlite3', '--foreground-scripts'], {
      shell: npm.shell,
      cwd: projectDir,
    });
    const found = identify();
    if (isWanted(found)) done(found);
    problems.push('the rebuilt module still does not load in Node');
  } catch (error) {
    problems.push(`npm rebuild: ${error.message}`);
  }
} else {
  const steps = electronBuildSteps({
    version: electronVersion,
    arch: wantedArch,
    prebuildInstallBin: require.resolve('prebuild-install/bin.js'),
    // The package exports only its API (lib/main.js); its command line sits beside it.
    electronRebuildBin: join(dirname(require.resolve('@electron/rebuild')), 'cli.js'),
    projectDir,
  });
  for (const step of steps) {
    console.error(`better-sqlite3: trying ${step.name}…`);
    try {
      run(process.execPath, step.args, { cwd: step.inPackageDir ? packageDir : projectDir });
      const found = identify();
      if (isWanted(found)) done(found);
      problems.push(
        `${step.name}: the result is ${found ? `${found.label} (${found.arch})` : 'not a module that loads'}`,
      );
    } catch (error) {
      problems.push(`${step.name}: ${error.message.split('\n')[0]}`);
    }
  }
}
console.error(`better-sqlite3: could not get a build for ${wanted} (${wantedArch}):\n  ${problems.join('\n  ')}`);
process.exit(1);
