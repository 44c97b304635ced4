/**
 * The section funnel on paper: of the attempts initiated, how many reached each section in the
 * order of the flow, stopped there, and how many completed. One compact table: Initiated (the
 * base), the four sections, Completed. The engine's funnel (computeFunnel) as it is, plus the
 * Completed step's conversion from the last section (completed attempts reached every section).
 */
import type { Funnel } from '../../src-main/shared/funnel-types';
import { funnelCaveatTexts, sectionLabel } from '../../src-main/shared/i18n';
import { useT } from '../i18n/I18nProvider';
import { FunnelHeadRow } from '../components/funnel/FunnelCard';
import { formatDuration } from '../components/view-format';

export function PrintFunnel({ funnel }: { funnel: Funnel }) {
  const tr = useT();
  const { t, f } = tr;
  const last = funnel.sections.at(-1);
  const intoCompleted = last && last.reached > 0 ? funnel.completed / last.reached : null;
  return (
    <section className="print-block keep-together" aria-labelledby="print-funnel" data-testid="print-funnel">
      <h2 id="print-funnel">{t('pdf.funnel.title')}</h2>
      {funnel.caveats.length > 0 && (
        <ul className="print-notes">
          {funnelCaveatTexts(tr, funnel).map((caveat) => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      )}
      <table className="print-table compact print-funnel">
        <caption>{t('pdf.funnel.caption')}</caption>
        <thead>
          <FunnelHeadRow first={t('pdf.funnel.step')} />
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('pdf.funnel.initiated')}</th>
            <td className="num">{funnel.initiated === null ? '—' : f.count(funnel.initiated)}</td>
            <td className="num">{f.count(funnel.unclassified)}</td>
            <td className="num">{f.rate(funnel.sections[0]?.overallConversion ?? null)}</td>
            <td className="num">—</td>
            <td className="num">—</td>
            <td className="num">—</td>
          </tr>
          {funnel.sections.map((step) => (
            <tr key={step.section}>
              <th scope="row">{sectionLabel(t, step.section)}</th>
              <td className="num">{f.count(step.reached)}</td>
              <td className="num">{f.count(step.incomplete)}</td>
              <td className="num">{f.rate(step === last ? intoCompleted : (step.stepConversion ?? null))}</td>
              <td className="num">{f.rate(step.overallConversion ?? null)}</td>
              <td className="num">{formatDuration(step.medianMs, tr)}</td>
              <td className="num">{formatDuration(step.p75Ms, tr)}</td>
            </tr>
          ))}
          <tr className="print-funnel-completed">
            <th scope="row">{t('pdf.funnel.completed')}</th>
            <td className="num">{f.count(funnel.completed)}</td>
            <td className="num">—</td>
            <td className="num">—</td>
            <td className="num">{f.rate(funnel.completionRate ?? null)}</td>
            <td className="num">—</td>
            <td className="num">—</td>
          </tr>
        </tbody>
      </table>
      <p className="print-note">
        {funnel.initiated === null
          ? t('pdf.funnel.initiatedUnknown')
          : t('pdf.funnel.stoppedAtInitiated', {
              unclassified: f.count(funnel.unclassified),
              inProgress: f.count(funnel.inProgress),
            })}
      </p>
    </section>
  );
}
