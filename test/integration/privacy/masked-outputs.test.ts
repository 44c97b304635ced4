/**
 * With masking on, no name from the input reaches any output: skipped rows' examples included,
 * even one-field examples whose column shifted (an unquoted `Doe, John`). Generated input with known
 * names; every masked output produced the way a user gets it: the command line (report in every
 * format, PDF included, --compare, imports, attempts) and the app's real handlers (Print to PDF's
 * job, every export, the drill-down, the view's masking of import records).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS } from '../../../src-main/shared/export-types';
import type { ImportRecord } from '../../../src-main/shared/report-types';
import { testBackend } from '../../helpers/app-backend';
import { pdfPages, requirePoppler } from '../../helpers/pdf';
import { runCli, type CliResult } from '../../helpers/run-cli';

const root = mkdtempSync(join(tmpdir(), 'enrollscope-masked-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every name in the input, as words a reader would find. */
const NAMES = [
  /\bjohn\b/i,
  /\bdoe\b/i,
  /laptop/i,
  /\bjane\b/i,
  /\broe\b/i,
  /surface/i,
  /contoso/i,
  /\bkiosk/i,
  /mallory/i,
];

function leaks(text: string): string[] {
  return NAMES.filter((name) => name.test(text)).map(String);
}

const HEADER = 'timestamp,userPrincipalName,deviceId,platform,event,actionName,screen';
const EVENTS = [
  HEADER,
  '2025-06-02T09:00:00Z,jane.roe@contoso.example,JANE-SURFACE,iOS,start,,',
  '2025-06-02T09:01:00Z,jane.roe@contoso.example,JANE-SURFACE,iOS,step,TermsofUse,',
  '2025-06-02T09:02:00Z,jane.roe@contoso.example,JANE-SURFACE,iOS,declineAll,TermsofUse,',
  // An unquoted "Doe, John": every column after it shifts (unknown platform: the device).
  '2025-06-02T10:00:00Z,Doe, John,JOHN-LAPTOP,iOS,start,,',
  // Shifted into the time column (bad time: a name).
  'Doe, John,2025-06-02T10:00:00Z,JOHN-LAPTOP,iOS,start,,',
  // Shifted so the event column holds the platform, the action column the event.
  '2025-06-02T10:05:00Z,Doe, John,iOS,JOHN-LAPTOP,start,,',
  // No platform: the whole row is the example.
  '2025-06-02T10:06:00Z,mallory@contoso.example,KIOSK-7,,start,,',
  // Unknown action name: a name where the action should be.
  '2025-06-02T10:07:00Z,mallory@contoso.example,KIOSK-7,Android,step,John Doe,',
].join('\n');
// An NDJSON line that is not JSON (unreadable row: its text is the example).
const NDJSON = [
  JSON.stringify({
    timestamp: '2025-06-03T09:00:00Z',
    upn: 'jane.roe@contoso.example',
    deviceId: 'JANE-SURFACE',
    platform: 'iOS',
    event: 'start',
  }),
  '{"timestamp": "2025-06-03T09:05:00Z", "upn": "Doe, John", "deviceId": "JOHN-LAPTOP", platform: iOS}',
].join('\n');
const SUMMARY = [
  'Date,Platform,Initiated Enrollments,Incomplete Enrollments',
  '2025-06-02,iOS,Doe John,1',
  '2025-06-02,JOHN-LAPTOP,3,1',
].join('\n');

const events = join(root, 'events.csv');
const summary = join(root, 'summary.csv');
const ndjson = join(root, 'more.ndjson');
writeFileSync(ndjson, `${NDJSON}\n`);
writeFileSync(events, `${EVENTS}\n`);
writeFileSync(summary, `${SUMMARY}\n`);
const FILTER = ['--from', '2025-06-01', '--to', '2025-06-30', '--tz', 'UTC'];

function ok(result: CliResult): string {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('masked outputs hold no name of the input', () => {
  const casePath = join(root, 'case.enrollscope');

  it('the input really has names in skipped rows: unmasked, they show', () => {
    ok(runCli(['imports', events, summary, ndjson, '--db', casePath]));
    const plain = ok(runCli(['imports', '--db', casePath, '--format', 'text']));
    expect(plain).toMatch(/unknown platform/);
    expect(plain).toMatch(/bad time/);
    expect(plain).toMatch(/unreadable row/);
    // The names are there without masking, so the checks below can fail.
    expect(leaks(plain)).toEqual(expect.arrayContaining(['/\\bjohn\\b/i', '/laptop/i', '/\\bdoe\\b/i', '/\\bkiosk/i']));
  });

  it('the command line: report (json, text, csv, --compare), imports, attempts', () => {
    const outputs = [
      ['report', '--db', casePath, ...FILTER, '--format', 'json', '--mask-users'],
      ['report', '--db', casePath, ...FILTER, '--format', 'text', '--mask-users'],
      ['report', '--db', casePath, ...FILTER, '--format', 'csv', '--mask-users'],
      ['report', '--db', casePath, ...FILTER, '--compare', 'previous', '--mask-users'],
      ['imports', '--db', casePath, '--format', 'text', '--mask-users'],
      ['imports', '--db', casePath, '--format', 'json', '--mask-users'],
      ['attempts', '--db', casePath, ...FILTER, '--outcome', 'all', '--format', 'json', '--mask'],
      ['attempts', '--db', casePath, ...FILTER, '--outcome', 'all', '--format', 'csv', '--mask'],
      // FILE(s) into a temporary case: the same.
      ['report', events, summary, ndjson, ...FILTER, '--format', 'json', '--mask-users'],
    ];
    for (const args of outputs) {
      const text = ok(runCli(args));
      expect({ args, leaks: leaks(text) }).toEqual({ args, leaks: [] });
    }
    // The examples are there, masked: line numbers and reasons stay.
    const imports = ok(runCli(['imports', '--db', casePath, '--format', 'text', '--mask-users']));
    expect(imports).toMatch(/line \d+: unknown platform: id-[0-9a-z]{7}/);
    expect(imports).toMatch(/line \d+: bad count: initiated: id-[0-9a-z]{7}/);
  });

  it('the command line PDF (--format pdf --mask-users), read back as text', () => {
    requirePoppler();
    const out = join(root, 'masked.pdf');
    const names = ['--customer', 'Fabrikam', '--consultant', 'A. Consultant'];
    ok(runCli(['report', '--db', casePath, ...FILTER, '--format', 'pdf', '--out', out, '--mask-users', ...names]));
    const text = pdfPages(out).join('\n');
    expect(text).toMatch(/unknown platform/i);
    expect(leaks(text)).toEqual([]);
  }, 120_000);

  it("the app's real handlers: Print to PDF's job, every export, the drill-down, the view", async () => {
    let exportPath = '';
    const { backend, jobs, call } = testBackend(root, 'app', () => exportPath);
    try {
      await call('case:open', { path: casePath });
      const texts: string[] = [];
      for (const kind of EXPORT_KINDS) {
        exportPath = join(root, `export-${kind}`);
        await call('export:save', { kind, report: REPORT, maskUsers: true });
        texts.push(readFileSync(exportPath, 'utf8'));
      }
      await call('print:pdf', {
        report: REPORT,
        page: { paper: 'A4', orientation: 'portrait' },
        customer: '',
        consultant: '',
        maskUsers: true,
        language: 'en',
      });
      expect(jobs).toHaveLength(1);
      texts.push(JSON.stringify(jobs[0]));
      texts.push(
        JSON.stringify(
          await call('attempts:list', { report: REPORT, query: { outcome: 'all', limit: 100 }, maskUsers: true }),
        ),
      );
      const view = await call<{ report: { imports: ImportRecord[] }; maskedImports: ImportRecord[] }>(
        'report:get',
        REPORT,
      );
      expect(leaks(JSON.stringify(view.report.imports))).not.toEqual([]);
      // The view's import records with masking on: masked by main (the renderer holds no key).
      texts.push(JSON.stringify(view.maskedImports));
      for (const [i, text] of texts.entries()) expect({ i, leaks: leaks(text) }).toEqual({ i, leaks: [] });
      expect(JSON.stringify(jobs[0]!.report.imports)).toMatch(/id-[0-9a-z]{7}/);
    } finally {
      backend.session.close();
    }
  });
});

const REPORT = {
  range: { kind: 'custom', from: '2025-06-01', to: '2025-06-30' },
  platforms: ['iOS/iPadOS', 'Android'],
  sections: ['Setup Checklist', 'Platform Screens', 'Terms of Use', 'Compliance/Activation'],
  tz: 'UTC',
} as const;
