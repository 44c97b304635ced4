#!/usr/bin/env node
// Electron security lint: runs @doyensec/electronegativity over the BUILT app (out/:
// main, preload and renderer as they ship) and fails when a finding of MEDIUM severity or above is
// not one of the explained findings below (each is argued in docs/security.md, "Electronegativity").
//
//   node scripts/electronegativity.mjs [--input DIR] [--json]
//
// Offline: the check that downloads Electron's release list (AvailableSecurityFixesGlobalCheck) is
// skipped; the Electron version comes from the installed electron package.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

/** Findings that are understood and mitigated; `sample` is matched against the flagged source line. */
export const EXPLAINED = [
  {
    check: 'AUXCLICK_JS_CHECK',
    sample: /new BrowserWindow\(/,
    why: 'middle-click opens through the window-open path, which setWindowOpenHandler denies for every webContents (hardenApp); navigation away from the app is refused too',
  },
  {
    check: 'PRELOAD_JS_CHECK',
    sample: /preload/,
    why: 'the preload is sandboxed and exposes only the contract’s named verbs through contextBridge (createApi), never ipcRenderer',
  },
];

/** Severities that fail the run unless explained. */
const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

export function explanationOf(issue) {
  return EXPLAINED.find((e) => e.check === issue.id && e.sample.test(issue.sample ?? ''));
}

export async function scan(input) {
  const run = require('@doyensec/electronegativity');
  const electronVersion = require('electron/package.json').version;
  // electronegativity reports progress and missing translations on the console: keep stdout ours.
  const log = console.log;
  console.log = () => undefined;
  try {
    return await run(
      {
        input,
        electronVersionOverride: electronVersion,
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        isRelative: true,
        severitySet: 'informational',
        confidenceSet: 'tentative',
      },
      false,
    );
  } finally {
    console.log = log;
  }
}

async function main() {
  const { values } = parseArgs({ options: { input: { type: 'string', default: 'out' }, json: { type: 'boolean' } } });
  const input = resolve(values.input);
  if (!existsSync(input)) {
    process.stderr.write(`electronegativity: ${input} does not exist (run npm run build first)\n`);
    return 2;
  }
  const { issues, errors } = await scan(input);
  const rows = issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    file: issue.file,
    line: issue.location?.line,
    sample: (issue.sample ?? '').trim().slice(0, 120),
    explained: explanationOf(issue)?.why ?? null,
  }));
  const blocking = rows.filter((r) => BLOCKING.has(r.severity) && r.explained === null);
  if (values.json)
    process.stdout.write(
      `${JSON.stringify({ findings: rows, errors: errors.length, blocking: blocking.length }, null, 2)}\n`,
    );
  else {
    for (const r of rows) {
      const tag = BLOCKING.has(r.severity) ? (r.explained ? 'explained' : 'UNEXPLAINED') : 'low';
      process.stdout.write(`${tag.padEnd(11)} ${r.check} ${r.severity} ${r.file}:${r.line}  ${r.sample}\n`);
    }
    process.stdout.write(
      `electronegativity: ${rows.length} findings, ${blocking.length} unexplained at MEDIUM or above, ${errors.length} files not parsed\n`,
    );
  }
  return blocking.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`electronegativity: ${error?.stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
