/**
 * Guidance beside the section tables: for the largest abandonment rows, what
 * users saw and what an admin can change (src-main/shared/guidance.ts, kept as data). The same
 * notes open under those rows in the tables.
 */
import { guidanceText, type Guidance, type GuidedRow } from '../../../src-main/shared/guidance';
import { screenLabel, userActionLabel } from '../../../src-main/shared/i18n/vocabulary';
import { SECTION_STYLE } from '../../../src-main/shared/section-style';
import { useT } from '../../i18n/I18nProvider';
import '../../styles/report-views.css';

/** How many of the largest rows get guidance in the tables (the card shows the first three). */
export const GUIDED_ROWS = 5;

export function GuidanceText({ guidance }: { guidance: Guidance }) {
  const { t } = useT();
  const text = guidanceText(t, guidance);
  return (
    <div className="guidance-text">
      <p>
        <strong>{t('app.guidance.usersSaw')} </strong>
        {text.whatUsersSaw}
      </p>
      <p className="guidance-admin-title">
        <strong>{t('app.guidance.adminsCanChange')}</strong>
      </p>
      <ul>
        {text.whatAdminsCanChange.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </div>
  );
}

export function GuidanceCard({ rows, incomplete }: { rows: readonly GuidedRow[]; incomplete: number }) {
  const { t, f } = useT();
  if (rows.length === 0) return null;
  return (
    <section className="card guidance-card" aria-labelledby="guidance-title" data-testid="guidance">
      <div className="card-head">
        <h2 id="guidance-title">{t('app.guidance.title')}</h2>
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
              <span>· {userActionLabel(t, row.userAction)}</span>
              <span className="muted guidance-screen">{screenLabel(t, row.screen)}</span>
              <span className="guidance-count">
                {f.count(row.count)}{' '}
                <span className="muted">{t('app.guidance.share', { share: f.share(row.count, incomplete) })}</span>
              </span>
            </div>
            <GuidanceText guidance={guidance} />
          </li>
        ))}
      </ol>
    </section>
  );
}
