/**
 * Privacy: user names and device ids masked with stable pseudonyms, keyed per case. Through
 * the real backend (session, handlers, IPC invoker): the drill-down, a JSON export and the Print to
 * PDF job all give one person the same pseudonym, and so do the view's import records (masked by
 * main: report:get's maskedImports; the case info carries no key); nothing of the names is left; another case gives other pseudonyms;
 * the key is the case's own (kept across reopening, not shipped in the bundled sample).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../../src-main/shared/mask';
import type { ImportRecord } from '../../../src-main/shared/report-types';
import { getSetting, openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { MASK_KEY_SETTING } from '../../../src-main/store/mask-key';
import { testBackend } from '../../helpers/app-backend';
import { completedAttempt, writeEventLog, type TestEvent } from '../../helpers/event-log';

const root = mkdtempSync(join(tmpdir(), 'enrollscope-privacy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ANN = 'ann@contoso.example';
const ANN_DEVICE = 'ANN-IPHONE-0042';
// Ann has attempts, and one row without a platform (skipped: its example quotes the whole row).
const events: TestEvent[] = [
  ...completedAttempt(ANN, 'iOS', '2025-06-02T09:00:00Z', ANN_DEVICE),
  { time: '2025-06-02T09:30:00Z', user: ANN, platform: '', event: 'start', device: ANN_DEVICE },
  ...completedAttempt('bob@contoso.example', 'Android', '2025-06-03T10:00:00Z', 'BOB-PIXEL'),
];
const log = writeEventLog(join(root, 'export.csv'), events);
const REPORT = {
  range: { kind: 'custom', from: '2025-06-01', to: '2025-06-30' },
  platforms: ['iOS/iPadOS', 'Android'],
  sections: ['Setup Checklist', 'Platform Screens', 'Terms of Use', 'Compliance/Activation'],
  tz: 'UTC',
} as const;

async function caseWithImport(name: string): Promise<string> {
  const path = join(root, `${name}.enrollscope`);
  const db = openCase(path);
  const [outcome] = await importFiles(db, [log]);
  expect(outcome?.status).toBe('imported');
  db.close();
  return path;
}

interface Surfaces {
  readonly key: string;
  readonly drillUsers: string[];
  readonly drillDevices: string[];
  readonly exportText: string;
  readonly pdfExamples: string[];
  readonly viewExamples: string[];
}

/** Every surface that shows users, masked, for one case. */
async function maskedSurfaces(name: string, casePath: string): Promise<Surfaces> {
  const exportPath = join(root, `${name}-export.json`);
  const { backend, jobs, call } = testBackend(root, name, () => exportPath);
  try {
    const info = await call<object>('case:open', { path: casePath });
    // The key stays in main: nothing the renderer is sent names it.
    expect(info).not.toHaveProperty('maskKey');
    const page = await call<{ rows: { user: string; device: string }[] }>('attempts:list', {
      report: REPORT,
      query: { outcome: 'all', limit: 100 },
      maskUsers: true,
    });
    await call('export:save', { kind: 'report-json', report: REPORT, maskUsers: true });
    await call('print:pdf', {
      report: REPORT,
      page: { paper: 'A4', orientation: 'portrait' },
      customer: '',
      consultant: '',
      maskUsers: true,
      language: 'en',
    });
    expect(jobs).toHaveLength(1);
    const view = await call<{ report: { imports: ImportRecord[] }; maskedImports: ImportRecord[] }>(
      'report:get',
      REPORT,
    );
    // The case's key, read from the case file itself (the test's own connection).
    const db = openCase(casePath, { create: false, readonly: true });
    const key = getSetting(db, MASK_KEY_SETTING)!;
    db.close();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(view)).not.toContain(key);
    expect(view.maskedImports).toHaveLength(view.report.imports.length);
    return {
      key,
      drillUsers: page.rows.map((r) => r.user),
      drillDevices: page.rows.map((r) => r.device),
      exportText: readFileSync(exportPath, 'utf8'),
      pdfExamples: jobs[0]!.report.imports.flatMap((r) => r.examples.map((e) => e.detail)),
      // What the view shows with masking on: main's masked copy of the report's import records.
      viewExamples: view.maskedImports.flatMap((r) => r.examples.map((e) => e.detail)),
    };
  } finally {
    backend.session.close();
  }
}

describe('masking user names and device ids', () => {
  it('one person, one pseudonym in the drill-down, the export, the PDF and the view; no name left', async () => {
    const s = await maskedSurfaces('one', await caseWithImport('one'));
    const ann = pseudonym(ANN, s.key);
    const device = pseudonym(ANN_DEVICE, s.key);
    expect(ann).toMatch(/^user-[0-9a-z]{7}$/);
    expect(device).toMatch(/^id-[0-9a-z]{7}$/);
    expect(s.drillUsers).toContain(ann);
    expect(s.drillDevices).toContain(device);
    for (const examples of [s.pdfExamples, s.viewExamples]) {
      expect(examples.some((detail) => detail.includes(ann) && detail.includes(device))).toBe(true);
    }
    expect(s.exportText).toContain(ann);
    expect(s.exportText).toContain(device);
    const everything = JSON.stringify(s);
    expect(everything).not.toMatch(/ann@|bob@|contoso|IPHONE|PIXEL/i);
  });

  it('keyed per case: the same data in another case gets other pseudonyms; a case keeps its key', async () => {
    const first = await caseWithImport('first');
    const second = await caseWithImport('second');
    const a = await maskedSurfaces('first', first);
    const b = await maskedSurfaces('second', second);
    expect(a.key).not.toBe(b.key);
    expect(pseudonym(ANN, a.key)).not.toBe(pseudonym(ANN, b.key));
    expect(a.drillUsers).not.toEqual(b.drillUsers);
    // Reopened: the same key, the same pseudonyms.
    const again = await maskedSurfaces('first-again', first);
    expect(again.key).toBe(a.key);
    expect(again.drillUsers).toEqual(a.drillUsers);
  });

  it('the bundled sample carries no key: every copy makes its own when first opened', () => {
    const sample = join(process.cwd(), 'resources', 'sample-case.enrollscope');
    expect(existsSync(sample)).toBe(true);
    const bundled = openCase(sample, { create: false, readonly: true });
    expect(getSetting(bundled, MASK_KEY_SETTING)).toBeUndefined();
    bundled.close();
  });
});
