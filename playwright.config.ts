/**
 * End-to-end tests. `test/e2e/*.spec.ts` run the built renderer in Chromium with `window.api` bound
 * to the real main-process handlers and a real case file per test (test/e2e/harness/). The
 * `electron` project drives the real app with Playwright's _electron where an Electron binary
 * exists, and reports its tests as skipped (loudly) where it does not.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/e2e/harness/paths';

const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'renderer', testMatch: /(?<!electron)\.spec\.ts$/ },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
