/**
 * The failures view as plain text for a terminal (the report's table style). The headings and
 * counts in the translator's language (`--lang`; English, the default, as it always was); the
 * reasons, categories, systems and methods are Intune's own words from the export, as written.
 */
import { countIn, textTable } from '../report/format-text';
import type { FailuresReport } from '../shared/failures-types';
import { translator, type Translator } from '../shared/i18n/translator';

export function formatFailuresText(report: FailuresReport, tr: Translator = translator('en')): string {
  const { t } = tr;
  const count = countIn(tr);
  const out: string[] = [];
  out.push(t('cli.failures.title'));
  out.push(
    t('cli.failures.range', {
      value: t('cli.text.rangeValue', { from: report.range.from, to: report.range.to, zone: report.range.tz }),
    }),
  );
  out.push(t('cli.failures.total', { count: count(report.total) }));
  const block = (title: string, rows: readonly (readonly [string, number])[]): void => {
    out.push('');
    const shown =
      rows.length > 0
        ? rows.map(([label, n]) => [label, count(n)] as const)
        : [[t('cli.failures.none'), count(0)] as const];
    // One line at a time: a hostile export may hold 100,000+ distinct reasons.
    for (const line of textTable([title, t('cli.failures.failures')], shown, ['left', 'right'])) out.push(line);
  };
  block(
    t('cli.failures.reason'),
    report.byReason.map((r) => [r.reason, r.count] as const),
  );
  block(
    t('cli.failures.category'),
    report.byCategory.map((r) => [r.category, r.count] as const),
  );
  block(
    t('cli.failures.os'),
    report.byOs.map((r) => [r.os, r.count] as const),
  );
  block(
    t('cli.failures.method'),
    report.byMethod.map((r) => [r.method, r.count] as const),
  );
  block(
    t('cli.failures.date'),
    report.daily.map((d) => [d.date, d.count] as const),
  );
  return `${out.join('\n')}\n`;
}
