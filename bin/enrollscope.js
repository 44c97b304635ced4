#!/usr/bin/env node
// The command line runs the built engine (npm install builds it; `npm run build` rebuilds it).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('enrollscope: not built yet: run `npm install` (or `npm run build`) in the project folder\n');
  process.exit(1);
}

/**
 * `npm start` switches better-sqlite3 to Electron's ABI. When a command then fails to load it,
 * switch it back for Node and run the command anew (a native module that failed to load cannot be
 * reloaded in the same process). Once: a second failure is printed as it is.
 */
function switchSqliteToNodeAndRunAgain() {
  if (process.env.ENROLLSCOPE_SQLITE_SWITCHED === '1') return undefined;
  // Loaded only here: child_process (and the network code it brings) costs a few ms of every start.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process');
  const abi = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../scripts/sqlite-abi.mjs', import.meta.url)), 'node'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (abi.status !== 0) return 1;
  const again = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ENROLLSCOPE_SQLITE_SWITCHED: '1' },
  });
  return again.status ?? 1;
}

const { runCommandLine } = await import(cli.href);
await runCommandLine(process.argv.slice(2), { onSqliteAbiMismatch: switchSqliteToNodeAndRunAgain });
