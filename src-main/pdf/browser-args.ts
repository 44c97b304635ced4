/**
 * Launch arguments of a headless Chromium (the command line's printer, the test harness, the
 * screenshot tool): no sandbox (containers, CI), no GPU, no network chatter.
 */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
