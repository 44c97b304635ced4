#!/usr/bin/env node
/**
 * `npm run test:electron`: the tests of the real Electron window (test/e2e/electron.spec.ts and
 * packaged-electron.spec.ts). Fetches the Electron binary, switches better-sqlite3 to Electron's
 * ABI, builds, runs them, and switches back to Node's ABI, even when something failed. Where no
 * Electron binary can be had it fails, saying so: it is the one command that must not skip them.
 */
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { TEST_ELECTRON_STEPS, runWithRestore } from './lib/test-electron-plan.mjs';

const bin = join(process.cwd(), 'node_modules', '.bin');
// Windows spells it Path; setting a second PATH beside it would leave the shell one of the two.
const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
const env = { ...process.env, [pathKey]: `${bin}${delimiter}${process.env[pathKey] ?? ''}` };

const result = runWithRestore(TEST_ELECTRON_STEPS, (step) => {
  console.error(`\ntest:electron: ${step.name}: ${step.command}`);
  const run = spawnSync(step.command, { shell: true, stdio: 'inherit', env });
  return run.status ?? 1;
});
if (result.code !== 0) {
  const line = '!'.repeat(100);
  console.error(`\n${line}\n!! test:electron FAILED at ${result.step} (exit ${result.code})`);
  if (result.step === 'the Electron binary')
    console.error('!! No Electron binary could be fetched: the real-window tests did not run.');
  console.error(`${line}\n`);
}
process.exit(result.code);
