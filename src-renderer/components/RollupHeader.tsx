/**
 * The roll-up: Initiated, Incomplete, Incomplete rate; in-progress and unclassified as notes.
 * In the app, Initiated and Incomplete open the attempts behind them (`onDrill`), and with a
 * comparison each tile shows its change against the other period (`compare`).
 */
import type { Comparison } from '../../src-main/shared/compare-types';
import type { Report, Rollup } from '../../src-main/shared/report-types';
import { SECTIONS } from '../../src-main/shared/taxonomy';
import { INITIATED_UNKNOWN_NOTE, initiatedUnknownReason, rateReason, rateSpan } from '../coverage';
import { useT } from '../i18n/I18nProvider';
import { formatDelta, formatPoints } from './view-format';

/** The change against another period: current minus previous (the rate's in fractions: 0.025 = 2.5 points). */
export interface RollupCompare {
  readonly previous: Rollup;
  readonly initiated: number | null;
  readonly incomplete: number;
  readonly incompleteRate: number | null;
  /** The other period, e.g. `18–31 May 2025`. */
  readonly label: string;
  /**
   * True when either period holds a partial day or days of unknown initiated count: a change is
   * then not read as better or worse (no colour); the caveats say why.
   */
  readonly qualified?: boolean;
}

/** A comparison's change of the tiles, against the other period named `label`. */
export function rollupCompare(comparison: Comparison, label: string): RollupCompare {
  const { delta, previous } = comparison;
  return {
    previous: previous.rollup,
    initiated: delta.initiated,
    incomplete: delta.incomplete,
    incompleteRate: delta.incompleteRate,
    label,
    qualified: comparison.caveats.length > 0,
  };
}

function Delta({
  value,
  text,
  previous,
  label,
  testId,
  worseWhenUp,
  qualified,
}: {
  value: number | null;
  text: string;
  previous: string;
  label: string;
  testId: string;
  worseWhenUp: boolean;
  qualified: boolean;
}) {
  const { t } = useT();
  const tone = value === null || value === 0 || !worseWhenUp || qualified ? 'neutral' : value > 0 ? 'worse' : 'better';
  return (
    <span
      className={`stat-delta ${tone}`}
      data-testid={testId}
      data-value={value === null ? '' : String(value)}
      title={t('app.rollup.previousIn', { previous, label })}
    >
      <span className="stat-delta-value">{text}</span>{' '}
      <span className="muted">{t('app.rollup.versusBefore', { previous })}</span>
      {qualified && (
        <span className="stat-delta-caveat" title={t('app.rollup.qualifiedTitle')} data-testid={`${testId}-caveat`}>
          *<span className="visually-hidden"> {t('app.rollup.qualified')}</span>
        </span>
      )}
      <span className="visually-hidden"> ({label})</span>
    </span>
  );
}

export function RollupHeader({
  report,
  compare,
  onDrill,
}: {
  report: Report;
  compare?: RollupCompare | null;
  onDrill?: (what: 'initiated' | 'incomplete' | 'unclassified') => void;
}) {
  const tr = useT();
  const { t, f } = tr;
  const { rollup } = report;
  const sectionFilter = report.filters.sections.length < SECTIONS.length;
  const dq = report.dataQuality;
  const leftOut = dq.summaryRowsLeftOut;
  const reason = rateReason(report, tr);
  const unknownInitiated = initiatedUnknownReason(report);
  // `unclassified` counts the summary's own incomplete too (spec 5): the note names the attempts
  // that stopped before an action name apart from those, which have no attempt behind them.
  const stoppedEarly = rollup.unclassified - rollup.fromSummary;
  const value = (what: 'initiated' | 'incomplete', testId: string) => {
    const count = rollup[what];
    // null: the data does not say how many enrollments began (spec 5): never shown as 0.
    const text = count === null ? '—' : f.count(count);
    if (!onDrill) {
      return (
        <span className="stat-value" data-testid={testId}>
          {text}
        </span>
      );
    }
    return (
      <button
        className="stat-value stat-button"
        onClick={() => onDrill(what)}
        title={what === 'initiated' ? t('app.rollup.drillInitiated') : t('app.rollup.drillIncomplete')}
        data-testid={`${testId}-drill`}
      >
        <span data-testid={testId}>{text}</span>
      </button>
    );
  };
  return (
    <section className="rollup" aria-label={t('app.rollup.label')} data-testid="rollup">
      <div className="stat">
        <span className="stat-label">{t('app.rollup.initiated')}</span>
        {value('initiated', 'rollup-initiated')}
        {compare && (
          <Delta
            value={compare.initiated}
            text={compare.initiated === null ? '—' : formatDelta(compare.initiated, tr)}
            previous={compare.previous.initiated === null ? '—' : f.count(compare.previous.initiated)}
            label={compare.label}
            testId="delta-initiated"
            worseWhenUp={false}
            qualified={compare.qualified ?? false}
          />
        )}
        <span className="stat-note">
          {unknownInitiated !== null && (
            <span className="stat-caveat" data-testid="initiated-reason">
              {t(INITIATED_UNKNOWN_NOTE[unknownInitiated])} ·{' '}
            </span>
          )}
          {t('app.rollup.inProgress', { count: rollup.inProgress })}
          {leftOut > 0 && ` · ${t('app.rollup.summaryLeftOut', { count: leftOut })}`}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('app.rollup.incomplete')}</span>
        {value('incomplete', 'rollup-incomplete')}
        {compare && (
          <Delta
            value={compare.incomplete}
            text={formatDelta(compare.incomplete, tr)}
            previous={f.count(compare.previous.incomplete)}
            label={compare.label}
            testId="delta-incomplete"
            worseWhenUp
            qualified={compare.qualified ?? false}
          />
        )}
        <span className="stat-note">
          {sectionFilter ? (
            t('app.rollup.inSelectedSections')
          ) : onDrill && stoppedEarly > 0 ? (
            <button
              className="link-button note-link"
              onClick={() => onDrill('unclassified')}
              data-testid="drill-unclassified"
            >
              {t('app.rollup.unclassified', { count: stoppedEarly })}
            </button>
          ) : (
            t('app.rollup.unclassified', { count: stoppedEarly })
          )}
          {!sectionFilter && rollup.fromSummary > 0 && (
            <span className="stat-caveat" data-testid="incomplete-from-summary">
              {' '}
              · {t('app.rollup.fromSummary', { count: rollup.fromSummary })}
            </span>
          )}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('app.rollup.rate')}</span>
        <span className="stat-value" data-testid="rollup-rate">
          {f.rate(rollup.incompleteRate)}
        </span>
        {compare && (
          <Delta
            value={compare.incompleteRate}
            text={formatPoints(compare.incompleteRate, tr)}
            previous={f.rate(compare.previous.incompleteRate)}
            label={compare.label}
            testId="delta-rate"
            worseWhenUp
            qualified={compare.qualified ?? false}
          />
        )}
        <span className="stat-note">
          {reason !== null ? (
            <span className="stat-caveat" data-testid="rate-reason">
              {t('app.rollup.notComputed', { reason })}
            </span>
          ) : rateSpan(report, tr) !== null ? (
            <span className="stat-caveat" data-testid="rate-covers">
              {dq.knownInitiatedDays > 0
                ? t('app.rollup.rateOverDays', { known: dq.knownInitiatedDays, days: dq.rangeDays })
                : t('app.rollup.rateKnownCells')}
            </span>
          ) : (
            t('app.rollup.rateFormula')
          )}
        </span>
      </div>
    </section>
  );
}
