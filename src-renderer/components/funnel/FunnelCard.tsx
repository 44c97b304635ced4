/**
 * The section funnel (spec 7): of the attempts initiated, how many reached each section in the
 * order of the flow, how many stopped there, step and overall conversion, and the median and 75th
 * percentile of the time from start to abandonment. Bars (HTML, so they print and scale crisply)
 * with their counts, then the same numbers as a table. A section's "stopped here" opens its attempts.
 */
import { memo } from 'react';
import type { Funnel } from '../../../src-main/shared/funnel-types';
import { SECTION_STYLE } from '../../../src-main/shared/section-style';
import type { Section } from '../../../src-main/shared/taxonomy';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../src-main/shared/i18n/messages';
import { useT } from '../../i18n/I18nProvider';
import { sectionLabel } from '../../../src-main/shared/i18n/vocabulary';
import { funnelCaveatTexts } from '../../../src-main/shared/i18n/engine-notes';
import { useApp } from '../../store';
import { formatDuration, formatPercent } from '../view-format';
import '../../styles/report-views.css';

export function FunnelBars({ funnel }: { funnel: Funnel }) {
  const { t, f } = useT();
  const base = funnel.sections.reduce((max, s) => Math.max(max, s.reached), Math.max(funnel.initiated ?? 0, 1));
  return (
    <ol className="funnel-bars" aria-hidden="true">
      {funnel.sections.map((step) => {
        const style = SECTION_STYLE[step.section];
        const width = (step.reached / base) * 100;
        const stopped = step.reached > 0 ? (step.incomplete / step.reached) * 100 : 0;
        return (
          <li key={step.section} className="funnel-step">
            <span className="funnel-label">{sectionLabel(t, step.section)}</span>
            <span className="funnel-track">
              <span className="funnel-bar" style={{ width: `${width}%`, background: style.color }}>
                <span className="funnel-stopped" style={{ width: `${stopped}%` }} />
              </span>
            </span>
            <span className="funnel-figure">
              <FormattedMessage
                id={'app.funnel.figure' satisfies MessageId}
                values={{
                  reached: <strong>{f.count(step.reached)}</strong>,
                  stopped: f.count(step.incomplete),
                }}
              />
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The funnel table's column header (the app's and the printed one). */
const FUNNEL_COLUMNS: readonly MessageId[] = [
  'app.funnel.col.reached',
  'app.funnel.col.stopped',
  'app.funnel.col.step',
  'app.funnel.col.overall',
  'app.funnel.col.median',
  'app.funnel.col.p75',
];

export function FunnelHeadRow({ first }: { first: string }) {
  const { t } = useT();
  return (
    <tr>
      <th scope="col">{first}</th>
      {FUNNEL_COLUMNS.map((label) => (
        <th scope="col" className="num" key={label}>
          {t(label)}
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
  const tr = useT();
  const { t, f } = tr;
  return (
    <table className="data-table compact funnel-table" data-testid="funnel-table">
      <caption className="visually-hidden">
        {funnel.initiated === null
          ? t('app.funnel.captionUnknown')
          : t('app.funnel.caption', { count: funnel.initiated })}
      </caption>
      <thead>
        <FunnelHeadRow first={t('app.funnel.col.section')} />
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
              {sectionLabel(t, step.section)}
            </th>
            <td className="num" data-cell="reached">
              {f.count(step.reached)}
            </td>
            <td className="num" data-cell="incomplete">
              {onDrill && step.incomplete > 0 ? (
                <button
                  className="count-button"
                  onClick={() => onDrill(step.section, step.incomplete)}
                  title={t('app.funnel.showStopped', {
                    count: step.incomplete,
                    section: sectionLabel(t, step.section),
                  })}
                >
                  {f.count(step.incomplete)}
                </button>
              ) : (
                f.count(step.incomplete)
              )}
            </td>
            <td className="num" data-cell="step">
              {formatPercent(step.stepConversion, tr)}
            </td>
            <td className="num" data-cell="overall">
              {formatPercent(step.overallConversion, tr)}
            </td>
            <td className="num" data-cell="median">
              {formatDuration(step.medianMs, tr)}
            </td>
            <td className="num" data-cell="p75">
              {formatDuration(step.p75Ms, tr)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const FunnelCard = memo(function FunnelCard() {
  const tr = useT();
  const { t, f } = tr;
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
        <h2 id="funnel-title">{t('app.funnel.title')}</h2>
        {funnel && (
          <span className="muted funnel-initiated" data-testid="funnel-initiated">
            {funnel.initiated === null
              ? t('app.funnel.initiatedUnknown')
              : t('app.funnel.ofInitiated', { count: f.count(funnel.initiated) })}
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
              {funnelCaveatTexts(tr, funnel).map((caveat) => (
                <li key={caveat}>{caveat}</li>
              ))}
            </ul>
          )}
          <FunnelBars funnel={funnel} />
          <div className="table-scroll">
            <FunnelTable
              funnel={funnel}
              onDrill={(section, count) =>
                openDrill(
                  { kind: 'section', section },
                  t('app.funnel.stoppedIn', { section: sectionLabel(t, section) }),
                  count,
                )
              }
            />
          </div>
          <p className="muted funnel-note">{t('app.funnel.note')}</p>
        </>
      ) : (
        status === 'loading' && <p className="muted">{t('app.funnel.computing')}</p>
      )}
    </section>
  );
});
