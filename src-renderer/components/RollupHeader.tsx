/** The roll-up: Initiated, Incomplete, Incomplete rate; in-progress and unclassified as notes. */
import type { Report } from '../../src-main/shared/report-types';
import { SECTIONS } from '../../src-main/shared/taxonomy';
import { formatCount, formatRate } from '../format';

export function RollupHeader({ report }: { report: Report }) {
  const { rollup } = report;
  const sectionFilter = report.filters.sections.length < SECTIONS.length;
  const leftOut = report.dataQuality.summaryRowsLeftOut;
  return (
    <section className="rollup" aria-label="Roll-up" data-testid="rollup">
      <div className="stat">
        <span className="stat-label">Initiated enrollments</span>
        <span className="stat-value" data-testid="rollup-initiated">
          {formatCount(rollup.initiated)}
        </span>
        <span className="stat-note">
          {formatCount(rollup.inProgress)} still in progress
          {leftOut > 0 &&
            ` · ${formatCount(leftOut)} summary ${leftOut === 1 ? 'row' : 'rows'} for both platforms left out`}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">Incomplete enrollments</span>
        <span className="stat-value" data-testid="rollup-incomplete">
          {formatCount(rollup.incomplete)}
        </span>
        <span className="stat-note">
          {sectionFilter
            ? 'in the selected sections (unclassified attempts not included)'
            : `${formatCount(rollup.unclassified)} unclassified (no action name known)`}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">Incomplete rate</span>
        <span className="stat-value" data-testid="rollup-rate">
          {formatRate(rollup.incompleteRate)}
        </span>
        <span className="stat-note">incomplete ÷ initiated</span>
      </div>
    </section>
  );
}
