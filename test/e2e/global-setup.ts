/** Fails early, with the fix, when what the e2e tests need is missing; says so when Electron is. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundledSampleCase, chromiumPath, rendererDir } from './harness/paths';
import { electronBinary, sqliteAbi } from './electron-binary';

export default function globalSetup(): void {
  if (!existsSync(join(rendererDir(), 'index.html'))) {
    throw new Error('e2e: out/renderer is missing. Build first: npm run build (npm test does it).');
  }
  if (!existsSync(join(rendererDir(), '..', 'tools', 'harness.js'))) {
    throw new Error('e2e: out/tools/harness.js is missing. Build first: npm run build (or npm run build:tools).');
  }
  if (!existsSync(bundledSampleCase()))
    throw new Error('e2e: resources/sample-case.enrollscope is missing: npm run sample.');
  if (!chromiumPath()) {
    throw new Error('e2e: Chromium is missing. Install it: apt-get install -y chromium (or set CHROMIUM_PATH).');
  }
  const electron = electronBinary();
  const abi = sqliteAbi();
  const reason = !electron.path
    ? electron.reason
    : abi.startsWith('electron')
      ? null
      : `better-sqlite3 is built for ${abi}, not Electron: the real-window tests run with \`npm run test:electron\``;
  if (reason) {
    const line = '!'.repeat(100);
    console.log(
      `\n${line}\n!! ELECTRON E2E TESTS SKIPPED: ${reason}\n!! The renderer tests still run the real handlers in Chromium.\n${line}\n`,
    );
  }
}
