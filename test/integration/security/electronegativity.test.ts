/**
 * @doyensec/electronegativity over the built app (out/, as `npm test` builds it) leaves no
 * finding of MEDIUM severity or above unexplained (scripts/electronegativity.mjs, docs/security.md),
 * and the same gate fails on an app that makes the classic mistakes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/electronegativity.mjs', import.meta.url));
const out = fileURLToPath(new URL('../../../out', import.meta.url));
const run = promisify(execFile);

interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly file: string;
  readonly explained: string | null;
}
interface Result {
  readonly code: number;
  readonly findings: Finding[];
  readonly blocking: number;
}

async function gate(input: string): Promise<Result> {
  try {
    const { stdout } = await run(process.execPath, [script, '--input', input, '--json'], { timeout: 60_000 });
    return { code: 0, ...(JSON.parse(stdout) as Omit<Result, 'code'>) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, ...(JSON.parse(failed.stdout) as Omit<Result, 'code'>) };
  }
}

const insecure = mkdtempSync(join(tmpdir(), 'enrollscope-insecure-'));
afterAll(() => rmSync(insecure, { recursive: true, force: true }));
writeFileSync(join(insecure, 'package.json'), '{ "name": "insecure", "devDependencies": { "electron": "42.0.0" } }\n');
writeFileSync(
  join(insecure, 'main.js'),
  `const { app, BrowserWindow, shell } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false, sandbox: false } });
  win.webContents.on('new-window', (e, url) => shell.openExternal(url));
  win.loadURL('http://example.com/');
});
`,
);
writeFileSync(
  join(insecure, 'index.html'),
  '<html><body><script src="http://example.com/x.js"></script></body></html>\n',
);

describe('electronegativity', () => {
  it('the built app: no MEDIUM or HIGH finding left unexplained; an insecure app fails the same gate', async () => {
    const [app, bad] = await Promise.all([gate(out), gate(insecure)]);

    expect(app.code).toBe(0);
    expect(app.blocking).toBe(0);
    expect(app.findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
    // Every MEDIUM finding carries its explanation (the same ones docs/security.md argues).
    for (const finding of app.findings.filter((f) => f.severity === 'MEDIUM')) {
      expect(['AUXCLICK_JS_CHECK', 'PRELOAD_JS_CHECK']).toContain(finding.check);
      expect(finding.explained).toMatch(/\w/);
    }

    expect(bad.code).toBe(1);
    const unexplained = bad.findings.filter((f) => f.explained === null).map((f) => f.check);
    expect(unexplained).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
      ]),
    );
  }, 90_000);
});
