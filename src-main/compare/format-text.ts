/** A comparison with another period as plain text for a terminal (the report's table style). */
import { translator, type Translator } from '../shared/i18n/translator';
import { sectionLabel } from '../shared/i18n/vocabulary';
import { compareCaveatText } from '../shared/i18n/engine-notes';
import { formatRate, formatText, textTable } from '../report/format-text';
import type { Comparison } from '../shared/compare-types';

/**
 * `report --compare --format text`: the current report (`lead`, the findings, after its title
 * block), then the differences and their caveats, in the translator's language (English by
 * default: the contract's text, plain digits).
 */
export function formatComparisonText(comparison: Comparison, tr: Translator = translator('en'), lead = ''): string {
  const { t, f } = tr;
  const { current, previous, delta, caveats } = comparison;
  const unknown = t('cli.compare.unknown');
  const count = (n: number): string => (tr.language === 'en' ? String(n) : f.count(n));
  const signed = (n: number | null): string => (n === null ? unknown : n > 0 ? `+${count(n)}` : count(n));
  const out: string[] = [formatText(current, tr, lead).trimEnd(), ''];
  out.push(t('cli.compare.title', { from: previous.range.from, to: previous.range.to, zone: previous.range.tz }));
  const rate = (r: number | null): string => (r === null ? unknown : formatRate(r, tr));
  const points = (d: number | null): string =>
    d === null
      ? unknown
      : t('cli.compare.points', {
          value: `${d > 0 ? '+' : ''}${tr.intl.formatNumber(d * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`,
        });
  const orUnknown = (n: number | null): string => (n === null ? unknown : count(n));
  out.push(
    ...textTable(
      ['', t('cli.compare.current'), t('cli.compare.previous'), t('cli.compare.change')],
      [
        [
          t('cli.text.initiated'),
          orUnknown(current.rollup.initiated),
          orUnknown(previous.rollup.initiated),
          signed(delta.initiated),
        ],
        [
          t('cli.text.incomplete'),
          count(current.rollup.incomplete),
          count(previous.rollup.incomplete),
          signed(delta.incomplete),
        ],
        [
          t('cli.text.rate'),
          rate(current.rollup.incompleteRate),
          rate(previous.rollup.incompleteRate),
          points(delta.incompleteRate),
        ],
        ...delta.sections.map((s) => [
          sectionLabel(t, s.section),
          count(s.current),
          count(s.previous),
          signed(s.incomplete),
        ]),
      ],
      ['left', 'right', 'right', 'right'],
    ),
  );
  if (caveats.length > 0) {
    out.push('', t('cli.compare.caveats'));
    for (const caveat of caveats) out.push(`- ${compareCaveatText(tr, caveat, comparison)}`);
  }
  return `${out.join('\n')}\n`;
}
