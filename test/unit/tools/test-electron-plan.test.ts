import { describe, expect, it } from 'vitest';
import { TEST_ELECTRON_STEPS, runWithRestore, type Step } from '../../../scripts/lib/test-electron-plan.mjs';

function runner(failAt: string | null, restoreCode = 0) {
  const ran: string[] = [];
  const exec = (step: Step): number => {
    ran.push(step.name);
    if (step === TEST_ELECTRON_STEPS.restore) return restoreCode;
    return step.name === failAt ? 7 : 0;
  };
  return { ran, exec };
}

describe('npm run test:electron', () => {
  it("switches to Electron's ABI, builds, runs both Electron specs, and switches back", () => {
    const { ran, exec } = runner(null);
    expect(runWithRestore(TEST_ELECTRON_STEPS, exec)).toEqual({ code: 0, step: null });
    expect(ran).toEqual([
      'Node version',
      'the Electron binary',
      "better-sqlite3 for Electron's ABI",
      'the build',
      'the real-window tests',
      "better-sqlite3 back to Node's ABI",
    ]);
    expect(TEST_ELECTRON_STEPS.test.command).toBe('playwright test --project electron');
    expect(TEST_ELECTRON_STEPS.prepare.map((step) => step.command)).toContain('node scripts/sqlite-abi.mjs electron');
    expect(TEST_ELECTRON_STEPS.restore.command).toBe('node scripts/sqlite-abi.mjs node');
  });

  it('switches back even when the tests or the build fail, and reports the first failure', () => {
    for (const failing of ['the real-window tests', 'the build', "better-sqlite3 for Electron's ABI"]) {
      const { ran, exec } = runner(failing);
      expect(runWithRestore(TEST_ELECTRON_STEPS, exec)).toEqual({ code: 7, step: failing });
      expect(ran.at(-1)).toBe("better-sqlite3 back to Node's ABI");
    }
  });

  it('a failed switch back is a failure too', () => {
    const { exec } = runner(null, 3);
    expect(runWithRestore(TEST_ELECTRON_STEPS, exec)).toEqual({ code: 3, step: "better-sqlite3 back to Node's ABI" });
  });
});
