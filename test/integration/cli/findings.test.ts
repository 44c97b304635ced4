/**
 * `report --format json` and `--format text` carry the findings; every number of a finding is the
 * one the report JSON (of the same filter, or of one platform) prints. The built command line on
 * a planted event log written to disk.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/shared/findings-types';
import { writeEventLog } from '../../helpers/event-log';
import { plannedEvents, plantedMonth } from '../../helpers/findings-case';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

function json(args: readonly string[]): Record<string, unknown> & { findings: Finding[] } {
  const result = runCli(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('enrollscope report: findings', () => {
  const temp = useTempDir();

  it('JSON: findings whose numbers are the report JSON numbers', () => {
    const file = writeEventLog(join(temp(), 'planted.csv'), plannedEvents(plantedMonth()));
    const range = ['--from', '2025-05-15', '--to', '2025-05-28'];
    const report = json(['report', file, ...range]) as unknown as {
      rollup: { incomplete: number; initiated: number; incompleteRate: number };
      sections: {
        section: string;
        rows: { actionName: string; userAction: string; count: number; byPlatform: Record<string, number> }[];
      }[];
      daily: Record<string, number | string>[];
      findings: Finding[];
    };
    const ios = json(['report', file, ...range, '--platform', 'ios']) as unknown as typeof report;
    const android = json(['report', file, ...range, '--platform', 'android']) as unknown as typeof report;
    const previous = json(['report', file, '--from', '2025-05-01', '--to', '2025-05-14']) as unknown as typeof report;
    const kinds = report.findings.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['where-users-stop', 'platform-gap', 'rate-change', 'unusual-day']));

    for (const finding of report.findings) {
      expect(finding.text.length).toBeGreaterThan(20);
      if (finding.kind === 'where-users-stop') {
        const row = report.sections
          .find((t) => t.section === finding.filter.section)!
          .rows.find((r) => r.actionName === finding.filter.actionName && r.userAction === finding.filter.userAction)!;
        expect(finding.numbers.count).toBe(row.count);
        expect(finding.numbers.share).toBe(row.count / report.rollup.incomplete);
        expect(finding.numbers.ios).toBe(row.byPlatform['iOS/iPadOS']);
        expect(finding.numbers.iosRate).toBe(row.byPlatform['iOS/iPadOS']! / ios.rollup.initiated);
        expect(finding.numbers.androidRate).toBe(row.byPlatform.Android! / android.rollup.initiated);
      }
      if (finding.kind === 'platform-gap') {
        expect(finding.numbers.iosRate).toBe(ios.rollup.incompleteRate);
        expect(finding.numbers.androidRate).toBe(android.rollup.incompleteRate);
        expect(finding.numbers.iosInitiated).toBe(ios.rollup.initiated);
        expect(finding.numbers.androidIncomplete).toBe(android.rollup.incomplete);
        expect(finding.numbers.pValue).toBeLessThan(0.05);
      }
      if (finding.kind === 'rate-change') {
        expect(finding.numbers.currentRate).toBe(report.rollup.incompleteRate);
        expect(finding.numbers.previousRate).toBe(previous.rollup.incompleteRate);
        expect(finding.numbers.previousInitiated).toBe(previous.rollup.initiated);
        expect(finding.numbers.pValue).toBeLessThan(0.05);
      }
      if (finding.kind === 'unusual-day') {
        const point = report.daily.find((p) => p.date === finding.filter.date)!;
        expect(finding.numbers.count).toBe(point[finding.filter.section!]);
        expect(finding.filter).toMatchObject({ date: '2025-05-25', section: 'Terms of Use' });
      }
    }
  });

  it('text: the title block first, then the Findings (the same sentences), then the numbers', () => {
    const file = writeEventLog(join(temp(), 'planted.csv'), plannedEvents(plantedMonth()));
    const range = ['--from', '2025-05-15', '--to', '2025-05-28'];
    const { findings } = json(['report', file, ...range]);
    for (const args of [[], ['--compare', 'previous']]) {
      const text = runCli(['report', file, ...range, ...args, '--format', 'text']);
      expect(text.code).toBe(0);
      const lines = text.stdout.split('\n');
      expect(lines.slice(0, 7)).toEqual([
        'Incomplete user enrollments',
        'Range:     2025-05-15 to 2025-05-28 (UTC)',
        'Platforms: iOS/iPadOS, Android',
        'Sections:  Setup Checklist, Platform Screens, Terms of Use, Compliance/Activation',
        '',
        'Findings',
        '--------',
      ]);
      for (const finding of findings) expect(text.stdout).toContain(finding.text);
      // The numbers come after the findings and their caveats.
      const lastFinding = Math.max(...findings.map((f: { text: string }) => text.stdout.indexOf(f.text)));
      expect(lastFinding).toBeLessThan(text.stdout.indexOf('Initiated enrollments'));
      expect(text.stdout.match(/^Incomplete user enrollments$/gm)).toHaveLength(1);
    }
  });

  it('--compare keeps the findings beside previous and delta', () => {
    const file = writeEventLog(join(temp(), 'planted.csv'), plannedEvents(plantedMonth()));
    const output = json(['report', file, '--from', '2025-05-15', '--to', '2025-05-28', '--compare', 'previous']);
    expect(output.findings.some((f) => f.kind === 'rate-change')).toBe(true);
    expect(output).toHaveProperty('delta');
  });
});
