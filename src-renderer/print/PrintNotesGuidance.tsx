/**
 * The views beside the report, on paper: the case's dated notes within the range (also drawn on the chart) and the
 * guidance for the largest abandonment rows. Static, like the rest of the printed report.
 */
import { topGuidance } from '../../src-main/shared/guidance';
import type { Annotation } from '../../src-main/shared/notes-types';
import type { Report } from '../../src-main/shared/report-types';
import { formatCount, formatLongDay, formatShare } from '../format';
import './print-notes-guidance.css';

/** How many of the largest rows the printed guidance covers. */
export const PRINTED_GUIDANCE_ROWS = 3;

export function PrintNotes({ annotations }: { annotations: readonly Annotation[] }) {
  if (annotations.length === 0) return null;
  const sorted = [...annotations].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  return (
    <section className="print-block keep-together" aria-labelledby="print-notes" data-testid="print-notes">
      <h2 id="print-notes">Notes on the timeline</h2>
      <table className="print-table compact">
        <caption>Dated notes of the case in this range; dashed lines on the chart mark their days.</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((note) => (
            <tr key={note.id}>
              <td className="nowrap">{formatLongDay(note.date)}</td>
              <td>{note.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PrintGuidance({ report }: { report: Report }) {
  const rows = topGuidance(report, PRINTED_GUIDANCE_ROWS);
  if (rows.length === 0) return null;
  return (
    <section className="print-block" aria-labelledby="print-guidance" data-testid="print-guidance">
      <h2 id="print-guidance">Where most users stopped, and what to change</h2>
      {rows.map(({ section, row, guidance }) => (
        <div
          key={`${section}|${row.actionName}|${row.screen}|${row.userAction}`}
          className="print-guidance keep-together"
        >
          <p className="print-guidance-title">
            {row.actionName} · {row.userAction}: {formatCount(row.count)} incomplete (
            {formatShare(row.count, report.rollup.incomplete)} of all incomplete), {section}
          </p>
          <p className="print-note">{row.screen}</p>
          <p>
            <strong>What users saw: </strong>
            {guidance.whatUsersSaw}
          </p>
          <p>
            <strong>What admins can change:</strong>
          </p>
          <ul>
            {guidance.whatAdminsCanChange.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
