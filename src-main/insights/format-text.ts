/** The funnel and the failures view as plain text for a terminal (the report's table style). */
import { formatRate, formatText, textTable } from '../report/format-text';
import type { Comparison, FailuresReport, Funnel } from '../shared/insights-types';

/** A duration for people: `45 s`, `12 min 5 s`, `2 h 3 min`, `n/a`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return 'n/a';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

export function formatFunnelText(funnel: Funnel): string {
  const out: string[] = [];
  out.push('Section funnel');
  out.push(`Range:     ${funnel.range.from} to ${funnel.range.to} (${funnel.range.tz})`);
  out.push(`Platforms: ${funnel.platforms.join(', ')}`);
  out.push('');
  out.push(
    ...textTable(
      ['Attempts', 'Count'],
      [
        ['Initiated (known)', funnel.initiated ?? 'unknown'],
        ['Attempts counted', funnel.attempts],
        ['Completed', funnel.completed],
        ['Completion rate', funnel.initiated === null ? 'unknown' : formatRate(funnel.completionRate)],
        ['Incomplete', funnel.incomplete],
        ['  before any section (unclassified)', funnel.unclassified],
        ['In progress', funnel.inProgress],
      ],
      ['left', 'right'],
    ),
  );
  out.push('');
  out.push(
    ...textTable(
      ['Section', 'Reached', 'Of initiated', 'Stopped here', 'To next', 'Median time', 'p75 time'],
      funnel.sections.map((s) => [
        s.section,
        s.reached,
        funnel.initiated === null ? 'unknown' : formatRate(s.overallConversion),
        s.incomplete,
        s.stepConversion === null ? '-' : formatRate(s.stepConversion),
        formatDuration(s.medianMs),
        formatDuration(s.p75Ms),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  out.push('', 'Times: from the start of the attempt to its abandonment, nearest-rank median and 75th percentile.');
  for (const caveat of funnel.caveats) out.push(`- ${caveat}`);
  return `${out.join('\n')}\n`;
}

const signed = (n: number | null): string => (n === null ? 'unknown' : n > 0 ? `+${n}` : String(n));

/** `report --compare --format text`: the current report, then the differences and their caveats. */
export function formatComparisonText(comparison: Comparison): string {
  const { current, previous, delta, caveats } = comparison;
  const out: string[] = [formatText(current).trimEnd(), ''];
  out.push(`Compared with ${previous.range.from} to ${previous.range.to} (${previous.range.tz})`);
  const rate = (r: number | null): string => (r === null ? 'unknown' : formatRate(r));
  const points = (d: number | null): string =>
    d === null ? 'unknown' : `${d > 0 ? '+' : ''}${(d * 100).toFixed(1)} points`;
  out.push(
    ...textTable(
      ['', 'Current', 'Previous', 'Change'],
      [
        [
          'Initiated enrollments',
          current.rollup.initiated ?? 'unknown',
          previous.rollup.initiated ?? 'unknown',
          signed(delta.initiated),
        ],
        ['Incomplete enrollments', current.rollup.incomplete, previous.rollup.incomplete, signed(delta.incomplete)],
        [
          'Incomplete rate',
          rate(current.rollup.incompleteRate),
          rate(previous.rollup.incompleteRate),
          points(delta.incompleteRate),
        ],
        ...delta.sections.map((s) => [s.section, s.current, s.previous, signed(s.incomplete)]),
      ],
      ['left', 'right', 'right', 'right'],
    ),
  );
  if (caveats.length > 0) {
    out.push('', 'Before reading the change');
    for (const caveat of caveats) out.push(`- ${caveat.message}`);
  }
  return `${out.join('\n')}\n`;
}

export function formatFailuresText(report: FailuresReport): string {
  const out: string[] = [];
  out.push('Enrollment failures (Intune)');
  out.push(`Range: ${report.range.from} to ${report.range.to} (${report.range.tz})`);
  out.push(`Total: ${report.total}`);
  const block = (title: string, rows: readonly (readonly [string, number])[]): void => {
    out.push('');
    // One line at a time: a hostile export may hold 100,000+ distinct reasons.
    for (const line of textTable([title, 'Failures'], rows.length > 0 ? rows : [['(none)', 0]], ['left', 'right'])) out.push(line);
  };
  block(
    'Reason',
    report.byReason.map((r) => [r.reason, r.count] as const),
  );
  block(
    'Category',
    report.byCategory.map((r) => [r.category, r.count] as const),
  );
  block(
    'OS',
    report.byOs.map((r) => [r.os, r.count] as const),
  );
  block(
    'Enrollment method',
    report.byMethod.map((r) => [r.method, r.count] as const),
  );
  block(
    'Date',
    report.daily.map((d) => [d.date, d.count] as const),
  );
  return `${out.join('\n')}\n`;
}
