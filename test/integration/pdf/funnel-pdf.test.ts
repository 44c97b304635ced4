/**
 * The PDF's section funnel: Initiated, the four sections in the order of the flow and a Completed
 * step, each number equal to `enrollscope funnel`'s JSON for the same range. A planted event log
 * on disk, the built command line, a real browser, the PDF read back with pdftotext.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Funnel } from '../../../src-main/shared/funnel-types';
import { writeDetailsOnly } from '../../helpers/coverage-inputs';
import { writeEventLog } from '../../helpers/event-log';
import { plannedEvents, plantedMonth } from '../../helpers/findings-case';
import { pdfPages, requirePoppler } from '../../helpers/pdf';
import { count, rate } from '../../helpers/pdf-report';
import { runCli } from '../../helpers/run-cli';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The funnel table's line for a step: its first four cells (reached, stopped, step, overall). */
function funnelLine(all: string, step: string): string[] | null {
  const match = stepLine(step).exec(funnelText(all));
  return match ? match.slice(1, 5) : null;
}

/** From the funnel's heading on. */
const funnelText = (all: string): string =>
  all.slice(Math.max(0, all.indexOf('How far attempts got: the section funnel')));
const CELL = '(\\d+\\.\\d%|\\d[\\d,]*|—)(?=\\s|$)';
const stepLine = (step: string): RegExp => new RegExp(`^\\s*${escape(step)}${`\\s+${CELL}`.repeat(4)}`, 'm');

describe('the PDF section funnel', () => {
  let dir = '';

  beforeAll(() => {
    requirePoppler();
    dir = mkdtempSync(join(tmpdir(), 'enrollscope-funnel-pdf-'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const printed = (casePath: string, args: readonly string[]): { funnel: Funnel; all: string } => {
    const json = runCli(['funnel', '--db', casePath, ...args]);
    expect(json.code).toBe(0);
    const pdf = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    expect(runCli(['report', '--db', casePath, ...args, '--format', 'pdf', '--out', pdf]).code).toBe(0);
    return { funnel: JSON.parse(json.stdout) as Funnel, all: pdfPages(pdf).join('\n') };
  };

  it('prints Initiated, each section and Completed with the numbers of `enrollscope funnel`', () => {
    const casePath = join(dir, 'planted.enrollscope');
    const log = writeEventLog(join(dir, 'planted.csv'), plannedEvents(plantedMonth()));
    expect(runCli(['imports', log, '--db', casePath]).code).toBe(0);
    const { funnel, all } = printed(casePath, ['--from', '2025-05-15', '--to', '2025-05-28']);
    expect(funnel.completed).toBeGreaterThan(0);

    expect(funnelLine(all, 'Initiated')).toEqual([
      count(funnel.initiated),
      count(funnel.unclassified),
      rate(funnel.sections[0]!.overallConversion),
      '—',
    ]);
    const last = funnel.sections.at(-1)!;
    for (const step of funnel.sections) {
      const stepConversion = step === last ? funnel.completed / last.reached : step.stepConversion;
      expect(funnelLine(all, step.section), step.section).toEqual([
        count(step.reached),
        count(step.incomplete),
        rate(stepConversion),
        rate(step.overallConversion),
      ]);
    }
    expect(funnelLine(all, 'Completed')).toEqual([count(funnel.completed), '—', '—', rate(funnel.completionRate)]);
    // The steps in the order of the flow, Completed last.
    const order = ['Initiated', ...funnel.sections.map((s) => s.section), 'Completed'].map((step) =>
      funnelText(all).search(stepLine(step)),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }, 120_000);

  it('a details export alone: Initiated unknown, no conversion, and the reason beside the table', () => {
    const casePath = join(dir, 'details.enrollscope');
    const file = join(dir, 'IncompleteEnrollmentDetails.csv');
    writeDetailsOnly(file, '2025-06-01', 5);
    expect(runCli(['imports', file, '--db', casePath]).code).toBe(0);
    const { funnel, all } = printed(casePath, ['--from', '2025-06-01', '--to', '2025-06-05']);
    expect(funnel.initiated).toBeNull();
    expect(funnelLine(all, 'Initiated')).toEqual(['—', count(funnel.unclassified), '—', '—']);
    expect(funnelLine(all, 'Completed')?.[3]).toBe('—');
    expect(all.replace(/\s+/g, ' ')).toContain(
      'Initiated unknown: the data holds only abandoned enrollments, so no conversion is given.',
    );
  }, 120_000);
});
