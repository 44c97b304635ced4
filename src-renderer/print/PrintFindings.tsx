/**
 * Page 1's executive summary: the report's findings in plain words and the caveats that qualify
 * them (the app's FindingsList, without buttons). Nothing when no findings were computed.
 */
import type { Finding } from '../../src-main/shared/findings-types';
import { FindingsList } from '../components/findings/FindingsList';
import { useT } from '../i18n/I18nProvider';

export function PrintFindings({ findings }: { findings: readonly Finding[] | undefined }) {
  const { t } = useT();
  if (!findings) return null;
  return (
    <section
      className="print-block print-findings"
      aria-labelledby="print-executive-summary"
      data-testid="print-findings"
    >
      <h2 id="print-executive-summary">{t('pdf.heading.executiveSummary')}</h2>
      <FindingsList findings={findings} idPrefix="print-findings" />
    </section>
  );
}
