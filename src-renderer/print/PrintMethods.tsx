/**
 * "Methods and definitions" on paper: how the attempts are built and counted, in plain words, for
 * a reader who did not see the exports. The facts are those of docs/report-rules.md; the figures
 * that depend on this report (its partial days, unknown days, observed rows) are said with it.
 */
import type { MessageId } from '../../src-main/shared/i18n';
import type { Report } from '../../src-main/shared/report-types';
import { useT } from '../i18n/I18nProvider';

/** Each definition's term and text, in the printed order. */
const TERMS = {
  attempt: ['pdf.methods.attempt', 'pdf.methods.attemptText'],
  rule30: ['pdf.methods.rule30', 'pdf.methods.rule30Text'],
  restart: ['pdf.methods.restart', 'pdf.methods.restartText'],
  incomplete: ['pdf.methods.incomplete', 'pdf.methods.incompleteText'],
  initiated: ['pdf.methods.initiated', 'pdf.methods.initiatedText'],
  rate: ['pdf.methods.rate', 'pdf.methods.rateText'],
  share: ['pdf.methods.share', 'pdf.methods.shareText'],
  partial: ['pdf.methods.partial', 'pdf.methods.partialText'],
  observed: ['pdf.methods.observed', 'pdf.methods.observedText'],
} as const satisfies Record<string, readonly [MessageId, MessageId]>;
type Term = keyof typeof TERMS;

export function PrintMethods({ report }: { report: Report }) {
  const { t, f } = useT();
  const { coverage } = report;
  const observed = report.sections.reduce((sum, table) => sum + table.rows.filter((row) => !row.catalog).length, 0);
  // What this report adds to a definition, said with it.
  const here: Partial<Record<Term, string>> = {
    initiated:
      coverage.unknownInitiatedDays.length > 0
        ? t('pdf.methods.initiatedHere', {
            count: coverage.unknownInitiatedDays.length,
            days: f.dayRuns(coverage.unknownInitiatedDays),
          })
        : '',
    partial:
      coverage.partialDays.length > 0 ? t('pdf.methods.partialHere', { days: f.dayRuns(coverage.partialDays) }) : '',
    observed: observed > 0 ? t('pdf.methods.observedHere', { count: observed }) : '',
  };
  return (
    <section className="print-block print-methods" aria-labelledby="print-methods" data-testid="print-methods">
      <h2 id="print-methods">{t('pdf.methods.title')}</h2>
      <dl className="print-definitions">
        {(Object.keys(TERMS) as Term[]).map((term) => (
          <div key={term} className="print-definition">
            <dt>{t(TERMS[term][0])}</dt>
            <dd>
              {t(TERMS[term][1], { zone: report.range.tz })}
              {here[term]}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
