/**
 * The section funnel (spec 7): of the attempts initiated, how many reached each section in the
 * order of the flow, how many stopped there, step and overall conversion, and the median and 75th
 * percentile of the time from start to abandonment. Bars (HTML, so they print and scale crisply)
 * with their counts, then the same numbers as a table. A section's "stopped here" opens its attempts.
 */
import type { Funnel } from '../../../src-main/shared/funnel-types';
import { SECTION_STYLE } from '../../../src-main/shared/section-style';
import type { Section } from '../../../src-main/shared/taxonomy';
import { formatCount } from '../../format';
import { useApp } from '../../store';
import { formatDuration, formatPercent } from '../view-format';
import '../../styles/report-views.css';

export function FunnelBars({ funnel }: { funnel: Funnel }) {
  const base = funnel.sections.reduce((max, s) => Math.max(max, s.reached), Math.max(funnel.initiated ?? 0, 1));
  return (
    <ol className="funnel-bars" aria-hidden="true">
      {funnel.sections.map((step) => {
        const style = SECTION_STYLE[step.section];
        const width = (step.reached / base) * 100;
        const stopped = step.reached > 0 ? (step.incomplete / step.reached) * 100 : 0;
        return (
          <li key={step.section} className="funnel-step">
            <span className="funnel-label">{step.section}</span>
            <span className="funnel-track">
              <span className="funnel-bar" style={{ width: `${width}%`, background: style.color }}>
                <span className="funnel-stopped" style={{ width: `${stopped}%` }} />
              </span>
            </span>
            <span className="funnel-figure">
              <strong>{formatCount(step.reached)}</strong> reached · {formatCount(step.incomplete)} stopped
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The funnel table's column header (the app's and the printed one). */
export function FunnelHeadRow({ first }: { first: string }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      {[
        'Reached',
        'Stopped here',
        'Step conversion',
        'Overall conversion',
        'Median time to stop',
        '75th percentile',
      ].map((label) => (
        <th scope="col" className="num" key={label}>
          {label}
        </th>
      ))}
    </tr>
  );
}

export function FunnelTable({
  funnel,
  onDrill,
}: {
  funnel: Funnel;
  onDrill?: (section: Section, count: number) => void;
}) {
  return (
    <table className="data-table compact funnel-table" data-testid="funnel-table">
      <caption className="visually-hidden">
        Section funnel: of {funnel.initiated === null ? 'an unknown number of' : formatCount(funnel.initiated)}{' '}
        initiated attempts, how many reached each section and stopped there
      </caption>
      <thead>
        <FunnelHeadRow first="Section, in the order of the flow" />
      </thead>
      <tbody>
        {funnel.sections.map((step) => (
          <tr key={step.section} data-testid="funnel-row" data-section={step.section}>
            <th scope="row">
              <span
                className="section-bar inline"
                style={{ background: SECTION_STYLE[step.section].color }}
                aria-hidden="true"
              />
              {step.section}
            </th>
            <td className="num" data-cell="reached">
              {formatCount(step.reached)}
            </td>
            <td className="num" data-cell="incomplete">
              {onDrill && step.incomplete > 0 ? (
                <button
                  className="count-button"
                  onClick={() => onDrill(step.section, step.incomplete)}
                  title={`Show the ${formatCount(step.incomplete)} attempts that stopped in ${step.section}`}
                >
                  {formatCount(step.incomplete)}
                </button>
              ) : (
                formatCount(step.incomplete)
              )}
            </td>
            <td className="num" data-cell="step">
              {formatPercent(step.stepConversion)}
            </td>
            <td className="num" data-cell="overall">
              {formatPercent(step.overallConversion)}
            </td>
            <td className="num" data-cell="median">
              {formatDuration(step.medianMs)}
            </td>
            <td className="num" data-cell="p75">
              {formatDuration(step.p75Ms)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FunnelCard() {
  const funnel = useApp((s) => s.funnel);
  const status = useApp((s) => s.funnelStatus);
  const error = useApp((s) => s.funnelError);
  const openDrill = useApp((s) => s.openDrill);
  return (
    <section
      className="card funnel-card"
      aria-labelledby="funnel-title"
      data-testid="funnel"
      data-funnel-status={status}
    >
      <div className="card-head">
        <h2 id="funnel-title">Section funnel</h2>
        {funnel && (
          <span className="muted funnel-initiated" data-testid="funnel-initiated">
            {funnel.initiated === null
              ? 'initiated unknown (the data holds only abandoned enrollments)'
              : `of ${formatCount(funnel.initiated)} attempts initiated`}
          </span>
        )}
      </div>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {funnel ? (
        <>
          {funnel.caveats.length > 0 && (
            <ul className="funnel-caveats" data-testid="funnel-caveats">
              {funnel.caveats.map((caveat) => (
                <li key={caveat}>{caveat}</li>
              ))}
            </ul>
          )}
          <FunnelBars funnel={funnel} />
          <div className="table-scroll">
            <FunnelTable
              funnel={funnel}
              onDrill={(section, count) => openDrill({ kind: 'section', section }, `stopped in ${section}`, count)}
            />
          </div>
          <p className="muted funnel-note">
            An attempt reached a section when one of its events names an action of that section or a later one, or when
            it completed (a section the admin did not configure is passed through). Step conversion: reached the next
            section ÷ reached this one; overall: reached ÷ initiated. Times run from the attempt&apos;s start to where
            it stopped. Summary rows are not attempts: the funnel counts the attempts of event logs and details rows
            only.
          </p>
        </>
      ) : (
        status === 'loading' && <p className="muted">Computing the funnel…</p>
      )}
    </section>
  );
}
