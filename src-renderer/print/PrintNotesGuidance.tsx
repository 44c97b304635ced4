/**
 * The views beside the report, on paper: the case's dated notes within the range (also drawn on the chart) and the
 * guidance for the largest abandonment rows. Static, like the rest of the printed report.
 */
import { guidanceText, topGuidance } from '../../src-main/shared/guidance';
import { sectionLabel, userActionLabel, screenLabel } from '../../src-main/shared/i18n';
import type { Annotation } from '../../src-main/shared/notes-types';
import type { Report } from '../../src-main/shared/report-types';
import { useT } from '../i18n/I18nProvider';
import './print-notes-guidance.css';

/** How many of the largest rows the printed guidance covers. */
export const PRINTED_GUIDANCE_ROWS = 3;

export function PrintNotes({ annotations }: { annotations: readonly Annotation[] }) {
  const { t, f } = useT();
  if (annotations.length === 0) return null;
  const sorted = [...annotations].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  return (
    <section className="print-block keep-together" aria-labelledby="print-notes" data-testid="print-notes">
      <h2 id="print-notes">{t('pdf.notes.title')}</h2>
      <table className="print-table compact">
        <caption>{t('pdf.notes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pdf.notes.day')}</th>
            <th scope="col">{t('pdf.notes.note')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((note) => (
            <tr key={note.id}>
              <td className="nowrap">{f.longDay(note.date)}</td>
              <td>{note.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PrintGuidance({ report }: { report: Report }) {
  const { t, f } = useT();
  const rows = topGuidance(report, PRINTED_GUIDANCE_ROWS);
  if (rows.length === 0) return null;
  return (
    <section className="print-block" aria-labelledby="print-guidance" data-testid="print-guidance">
      <h2 id="print-guidance">{t('pdf.guidance.title')}</h2>
      {rows.map(({ section, row, guidance }) => {
        const text = guidanceText(t, guidance);
        return (
          <div
            key={`${section}|${row.actionName}|${row.screen}|${row.userAction}`}
            className="print-guidance keep-together"
          >
            <p className="print-guidance-title">
              {t('pdf.guidance.row', {
                action: row.actionName,
                userAction: userActionLabel(t, row.userAction),
                count: f.count(row.count),
                share: f.share(row.count, report.rollup.incomplete),
                section: sectionLabel(t, section),
              })}
            </p>
            <p className="print-note">{screenLabel(t, row.screen)}</p>
            <p>
              <span className="print-lead">{t('pdf.guidance.saw')}</span>
              {text.whatUsersSaw}
            </p>
            <p className="print-lead">{t('pdf.guidance.change')}</p>
            <ul>
              {text.whatAdminsCanChange.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
