/** A comparison with another period as plain text for a terminal (the report's table style). */
import { formatRate, formatText, textTable } from '../report/format-text';
import type { Comparison } from '../shared/compare-types';

const signed = (n: number | null): string => (n === null ? 'unknown' : n > 0 ? `+${n}` : String(n));

/**
 * `report --compare --format text`: the current report (`lead`, the findings, after its title
 * block), then the differences and their caveats.
 */
export function formatComparisonText(comparison: Comparison, lead = ''): string {
  const { current, previous, delta, caveats } = comparison;
  const out: string[] = [formatText(current, lead).trimEnd(), ''];
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
