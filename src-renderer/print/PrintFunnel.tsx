/**
 * The section funnel on paper: of the attempts initiated, how many reached each section in the
 * order of the flow, stopped there, and how many completed. One compact table: Initiated (the
 * base), the four sections, Completed. The engine's funnel (computeFunnel) as it is, plus the
 * Completed step's conversion from the last section (completed attempts reached every section).
 */
import type { Funnel } from '../../src-main/shared/funnel-types';
import { formatCount } from '../format';
import { FunnelHeadRow } from '../components/funnel/FunnelCard';
import { formatDuration, formatPercent } from '../components/view-format';

export function PrintFunnel({ funnel }: { funnel: Funnel }) {
  const last = funnel.sections.at(-1);
  const intoCompleted = last && last.reached > 0 ? funnel.completed / last.reached : null;
  return (
    <section className="print-block keep-together" aria-labelledby="print-funnel" data-testid="print-funnel">
      <h2 id="print-funnel">How far attempts got: the section funnel</h2>
      {funnel.caveats.length > 0 && (
        <ul className="print-notes">
          {funnel.caveats.map((caveat) => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      )}
      <table className="print-table compact print-funnel">
        <caption>
          Step conversion: reached the next step ÷ reached this one; overall: reached ÷ initiated. Times run from the
          attempt&apos;s start to where it stopped. The funnel counts the attempts of event logs and details rows (not
          summary rows), on every section whatever the section filter.
        </caption>
        <thead>
          <FunnelHeadRow first="Step, in the order of the flow" />
        </thead>
        <tbody>
          <tr>
            <th scope="row">Initiated</th>
            <td className="num">{funnel.initiated === null ? '—' : formatCount(funnel.initiated)}</td>
            <td className="num">{formatCount(funnel.unclassified)}</td>
            <td className="num">{formatPercent(funnel.sections[0]?.overallConversion)}</td>
            <td className="num">—</td>
            <td className="num">—</td>
            <td className="num">—</td>
          </tr>
          {funnel.sections.map((step) => (
            <tr key={step.section}>
              <th scope="row">{step.section}</th>
              <td className="num">{formatCount(step.reached)}</td>
              <td className="num">{formatCount(step.incomplete)}</td>
              <td className="num">{formatPercent(step === last ? intoCompleted : step.stepConversion)}</td>
              <td className="num">{formatPercent(step.overallConversion)}</td>
              <td className="num">{formatDuration(step.medianMs)}</td>
              <td className="num">{formatDuration(step.p75Ms)}</td>
            </tr>
          ))}
          <tr className="print-funnel-completed">
            <th scope="row">Completed</th>
            <td className="num">{formatCount(funnel.completed)}</td>
            <td className="num">—</td>
            <td className="num">—</td>
            <td className="num">{formatPercent(funnel.completionRate)}</td>
            <td className="num">—</td>
            <td className="num">—</td>
          </tr>
        </tbody>
      </table>
      <p className="print-note">
        {funnel.initiated === null
          ? 'Initiated unknown: the data holds only abandoned enrollments, so no conversion is given.'
          : `Stopped at Initiated: ${formatCount(funnel.unclassified)} attempts ended before any action name was known. ${formatCount(funnel.inProgress)} still in progress.`}
      </p>
    </section>
  );
}
