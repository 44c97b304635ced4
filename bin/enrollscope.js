#!/usr/bin/env node
// The command line runs the built engine (npm install builds it; `npm run build` rebuilds it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('enrollscope: not built yet: run `npm install` (or `npm run build`) in the project folder\n');
  process.exit(1);
}

// `npm start` switches better-sqlite3 to Electron's ABI; switch it back for Node, then run anew
// (a native module that failed to load cannot be reloaded in the same process).
try {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  if (!/NODE_MODULE_VERSION|compiled against|invalid ELF|wrong ELF/.test(String(error?.message))) throw error;
  const abi = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../scripts/sqlite-abi.mjs', import.meta.url)), 'node'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (abi.status !== 0) process.exit(1);
  const again = spawnSync(process.execPath, process.argv.slice(1), { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}
await import(cli.href);
