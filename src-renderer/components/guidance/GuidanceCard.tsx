/**
 * Guidance beside the section tables: for the largest abandonment rows, what
 * users saw and what an admin can change (src-main/shared/guidance.ts, kept as data). The same
 * notes open under those rows in the tables.
 */
import type { Guidance, GuidedRow } from '../../../src-main/shared/guidance';
import { SECTION_STYLE } from '../../../src-main/shared/section-style';
import { formatCount, formatShare } from '../../format';
import '../../styles/report-views.css';

/** How many of the largest rows get guidance in the tables (the card shows the first three). */
export const GUIDED_ROWS = 5;

export function GuidanceText({ guidance }: { guidance: Guidance }) {
  return (
    <div className="guidance-text">
      <p>
        <strong>What users saw: </strong>
        {guidance.whatUsersSaw}
      </p>
      <p className="guidance-admin-title">
        <strong>What admins can change:</strong>
      </p>
      <ul>
        {guidance.whatAdminsCanChange.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </div>
  );
}

export function GuidanceCard({ rows, incomplete }: { rows: readonly GuidedRow[]; incomplete: number }) {
  if (rows.length === 0) return null;
  return (
    <section className="card guidance-card" aria-labelledby="guidance-title" data-testid="guidance">
      <div className="card-head">
        <h2 id="guidance-title">Where most users stopped, and what to change</h2>
      </div>
      <ol className="guidance-list">
        {rows.map(({ section, row, guidance }) => (
          <li key={`${section}|${row.actionName}|${row.screen}|${row.userAction}`} data-testid="guidance-item">
            <div className="guidance-row-head">
              <span
                className="section-bar inline"
                style={{ background: SECTION_STYLE[section].color }}
                aria-hidden="true"
              />
              <strong>{row.actionName}</strong>
              <span>· {row.userAction}</span>
              <span className="muted guidance-screen">{row.screen}</span>
              <span className="guidance-count">
                {formatCount(row.count)}{' '}
                <span className="muted">({formatShare(row.count, incomplete)} of incomplete)</span>
              </span>
            </div>
            <GuidanceText guidance={guidance} />
          </li>
        ))}
      </ol>
    </section>
  );
}
