#!/usr/bin/env node
/**
 * Makes sure better-sqlite3's native module is built for the runtime about to load it.
 *   node scripts/sqlite-abi.mjs node       (tests, the command line, benchmarks)
 *   node scripts/sqlite-abi.mjs electron   (the desktop app)
 * Node and Electron need different ABIs. Each build is kept in node_modules/.cache so switching
 * back and forth is a file copy, not a 90-second compile. Never silently skips: if the right
 * build cannot be had, it says why and exits non-zero.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/sqlite-abi.mjs node|electron');
  process.exit(2);
}

const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
const binary = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
const marker = join(packageDir, 'build', 'Release', '.enrollscope-abi');
const cacheDir = join(packageDir, '..', '.cache', 'enrollscope-sqlite');

function electronAbi() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  return { abi: `electron-${abi}`, version };
}

const wanted = target === 'node' ? `node-${process.versions.modules}` : electronAbi().abi;
const cached = join(cacheDir, wanted, 'better_sqlite3.node');
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : `node-${process.versions.modules}`;

/** True when this Node can load the module and open a database with it. */
function loadsInNode() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get()"],
    { cwd: process.cwd(), encoding: 'utf8' },
  );
  return probe.status === 0;
}

function remember(abi) {
  writeFileSync(marker, abi);
  mkdirSync(dirname(join(cacheDir, abi, 'x')), { recursive: true });
  copyFileSync(binary, join(cacheDir, abi, 'better_sqlite3.node'));
}

function use(abi, file) {
  copyFileSync(file, binary);
  writeFileSync(marker, abi);
}

if (current === wanted && existsSync(binary) && (target === 'electron' || loadsInNode())) {
  if (!existsSync(cached)) remember(wanted);
  process.exit(0);
}

// Keep the build we are about to replace, so switching back is quick.
if (existsSync(binary) && !existsSync(join(cacheDir, current, 'better_sqlite3.node'))) remember(current);

if (existsSync(cached)) {
  use(wanted, cached);
  if (target === 'electron' || loadsInNode()) process.exit(0);
}

try {
  if (target === 'node') {
    console.error(`better-sqlite3: building for Node (ABI ${process.versions.modules}); this takes about 90 s…`);
    execFileSync('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], { stdio: 'inherit' });
    if (!loadsInNode()) throw new Error('the rebuilt module still does not load in Node');
  } else {
    const { version } = electronAbi();
    console.error(`better-sqlite3: fetching the ready-made build for Electron ${version}…`);
    execFileSync(
      process.execPath,
      [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, '--verbose'],
      { cwd: packageDir, stdio: 'inherit' },
    );
  }
  remember(wanted);
} catch (error) {
  console.error(`better-sqlite3: could not get a build for ${wanted}: ${error.message}`);
  process.exit(1);
}
