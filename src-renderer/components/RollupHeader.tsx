/**
 * The roll-up: Initiated, Incomplete, Incomplete rate; in-progress and unclassified as notes.
 * In the app, Initiated and Incomplete open the attempts behind them (`onDrill`), and with a
 * comparison each tile shows its change against the other period (`compare`).
 */
import type { Comparison } from '../../src-main/shared/compare-types';
import type { Report, Rollup } from '../../src-main/shared/report-types';
import { SECTIONS } from '../../src-main/shared/taxonomy';
import { INITIATED_UNKNOWN_NOTE, initiatedUnknownReason, rateReason, rateSpan } from '../coverage';
import { formatCount, formatRate } from '../format';
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
  const tone = value === null || value === 0 || !worseWhenUp || qualified ? 'neutral' : value > 0 ? 'worse' : 'better';
  return (
    <span
      className={`stat-delta ${tone}`}
      data-testid={testId}
      data-value={value === null ? '' : String(value)}
      title={`${previous} in ${label}`}
    >
      <span className="stat-delta-value">{text}</span> <span className="muted">vs {previous} before</span>
      {qualified && (
        <span
          className="stat-delta-caveat"
          title="Qualified: see the comparison's caveats under the tiles"
          data-testid={`${testId}-caveat`}
        >
          *<span className="visually-hidden"> qualified: see the comparison&apos;s caveats under the tiles</span>
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
  const { rollup } = report;
  const sectionFilter = report.filters.sections.length < SECTIONS.length;
  const dq = report.dataQuality;
  const leftOut = dq.summaryRowsLeftOut;
  const reason = rateReason(report);
  const unknownInitiated = initiatedUnknownReason(report);
  // `unclassified` counts the summary's own incomplete too (spec 5): the note names the attempts
  // that stopped before an action name apart from those, which have no attempt behind them.
  const stoppedEarly = rollup.unclassified - rollup.fromSummary;
  const value = (what: 'initiated' | 'incomplete', testId: string) => {
    const count = rollup[what];
    // null: the data does not say how many enrollments began (spec 5): never shown as 0.
    const text = count === null ? '—' : formatCount(count);
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
        title={`Show the attempts behind ${what === 'initiated' ? 'Initiated' : 'Incomplete'} enrollments`}
        data-testid={`${testId}-drill`}
      >
        <span data-testid={testId}>{text}</span>
      </button>
    );
  };
  return (
    <section className="rollup" aria-label="Roll-up" data-testid="rollup">
      <div className="stat">
        <span className="stat-label">Initiated enrollments</span>
        {value('initiated', 'rollup-initiated')}
        {compare && (
          <Delta
            value={compare.initiated}
            text={compare.initiated === null ? '—' : formatDelta(compare.initiated)}
            previous={compare.previous.initiated === null ? '—' : formatCount(compare.previous.initiated)}
            label={compare.label}
            testId="delta-initiated"
            worseWhenUp={false}
            qualified={compare.qualified ?? false}
          />
        )}
        <span className="stat-note">
          {unknownInitiated !== null && (
            <span className="stat-caveat" data-testid="initiated-reason">
              {INITIATED_UNKNOWN_NOTE[unknownInitiated]} ·{' '}
            </span>
          )}
          {formatCount(rollup.inProgress)} still in progress
          {leftOut > 0 &&
            ` · ${formatCount(leftOut)} summary ${leftOut === 1 ? 'row' : 'rows'} for both platforms left out`}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">Incomplete enrollments</span>
        {value('incomplete', 'rollup-incomplete')}
        {compare && (
          <Delta
            value={compare.incomplete}
            text={formatDelta(compare.incomplete)}
            previous={formatCount(compare.previous.incomplete)}
            label={compare.label}
            testId="delta-incomplete"
            worseWhenUp
            qualified={compare.qualified ?? false}
          />
        )}
        <span className="stat-note">
          {sectionFilter ? (
            'in the selected sections (unclassified attempts not included)'
          ) : onDrill && stoppedEarly > 0 ? (
            <button
              className="link-button note-link"
              onClick={() => onDrill('unclassified')}
              data-testid="drill-unclassified"
            >
              {formatCount(stoppedEarly)} unclassified (no action name known)
            </button>
          ) : (
            `${formatCount(stoppedEarly)} unclassified (no action name known)`
          )}
          {!sectionFilter && rollup.fromSummary > 0 && (
            <span className="stat-caveat" data-testid="incomplete-from-summary">
              {' '}
              · {formatCount(rollup.fromSummary)} from Intune&apos;s summary, sections unknown
            </span>
          )}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">Incomplete rate</span>
        <span className="stat-value" data-testid="rollup-rate">
          {formatRate(rollup.incompleteRate)}
        </span>
        {compare && (
          <Delta
            value={compare.incompleteRate}
            text={formatPoints(compare.incompleteRate)}
            previous={formatRate(compare.previous.incompleteRate)}
            label={compare.label}
            testId="delta-rate"
            worseWhenUp
            qualified={compare.qualified ?? false}
          />
        )}
        <span className="stat-note">
          {reason !== null ? (
            <span className="stat-caveat" data-testid="rate-reason">
              not computed: {reason}
            </span>
          ) : rateSpan(report) !== null ? (
            <span className="stat-caveat" data-testid="rate-covers">
              incomplete ÷ initiated,{' '}
              {dq.knownInitiatedDays > 0
                ? `over ${formatCount(dq.knownInitiatedDays)} of ${formatCount(dq.rangeDays)} days`
                : 'known cells only'}
            </span>
          ) : (
            'incomplete ÷ initiated'
          )}
        </span>
      </div>
    </section>
  );
}
