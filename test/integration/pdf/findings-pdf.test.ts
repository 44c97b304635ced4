/**
 * The PDF's executive summary: page 1 says the findings of the command line's JSON, word for word
 * and with their numbers, under "Executive summary". The built command line, a planted event log
 * on disk, a real browser, the PDF read back with pdftotext.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/shared/findings-types';
import { writeEventLog } from '../../helpers/event-log';
import { plannedEvents, plantedMonth } from '../../helpers/findings-case';
import { pdfPages, requirePoppler } from '../../helpers/pdf';
import { runCli } from '../../helpers/run-cli';

/** Text as read, whatever the line breaks: one space between words. */
const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('the PDF executive summary', () => {
  let dir = '';
  let findings: Finding[] = [];
  let pages: string[] = [];

  beforeAll(() => {
    requirePoppler();
    dir = mkdtempSync(join(tmpdir(), 'enrollscope-findings-pdf-'));
    const log = writeEventLog(join(dir, 'planted.csv'), plannedEvents(plantedMonth()));
    const casePath = join(dir, 'case.enrollscope');
    const range = ['--from', '2025-05-15', '--to', '2025-05-28'];
    const json = runCli(['report', log, '--db', casePath, ...range]);
    expect(json.stderr).toBe('');
    findings = (JSON.parse(json.stdout) as { findings: Finding[] }).findings;
    const pdf = join(dir, 'report.pdf');
    const printed = runCli([
      'report',
      '--db',
      casePath,
      ...range,
      '--format',
      'pdf',
      '--out',
      pdf,
      '--customer',
      'Contoso',
    ]);
    expect(printed.code).toBe(0);
    pages = pdfPages(pdf);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('page 1 holds every finding and caveat of the JSON, with its numbers', () => {
    expect(findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['where-users-stop', 'platform-gap', 'rate-change', 'unusual-day']),
    );
    const first = words(pages[0]!);
    expect(first).toContain('Executive summary');
    for (const finding of findings) expect(first).toContain(words(finding.text));
    // The numbers the sentences rest on, as printed: the gap's rates and p-value, the spike's count.
    const gap = findings.find((f) => f.kind === 'platform-gap')!;
    expect(first).toContain(`${((gap.numbers.iosRate as number) * 100).toFixed(1)}% on iOS/iPadOS`);
    expect(first).toContain('(p < 0.001)');
    const day = findings.find((f) => f.kind === 'unusual-day')!;
    expect(first).toContain(`had ${day.numbers.count} incomplete enrollments`);
  });
});
