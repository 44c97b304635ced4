/**
 * `npm run test:electron`: the steps, and the rule that better-sqlite3 goes back to Node's ABI
 * whatever happens (so `npm test` and the command line keep working after a failed run).
 */

/** Each step is a command line run through the shell, with node_modules/.bin on the PATH. */
export const TEST_ELECTRON_STEPS = {
  prepare: [
    { name: 'Node version', command: 'node scripts/node-floor.mjs desktop' },
    { name: 'the Electron binary', command: 'install-electron' },
    { name: "better-sqlite3 for Electron's ABI", command: 'node scripts/sqlite-abi.mjs electron' },
    { name: 'the build', command: 'electron-vite build' },
  ],
  test: { name: 'the real-window tests', command: 'playwright test --project electron' },
  restore: { name: "better-sqlite3 back to Node's ABI", command: 'node scripts/sqlite-abi.mjs node' },
};

/**
 * Runs prepare, then the tests, then restore, which runs even when a step before it failed.
 * `exec(step)` returns the step's exit code. The result is the first failure's code (0 if none)
 * and the name of the step that failed.
 */
export function runWithRestore(steps, exec) {
  let failed = null;
  for (const step of [...steps.prepare, steps.test]) {
    const code = exec(step);
    if (code !== 0) {
      failed = { code, step: step.name };
      break;
    }
  }
  const restored = exec(steps.restore);
  if (failed) return failed;
  return restored === 0 ? { code: 0, step: null } : { code: restored, step: steps.restore.name };
}
