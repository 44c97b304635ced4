/**
 * The caveats of a report, beside its tiles: what the data does not cover (initiated unknown,
 * incomplete taken from Intune's summary, the days the rate covers, partial days, summary rows a
 * platform filter leaves out) and, with a comparison, why its differences may mislead. Nothing
 * when the data covers the whole range. The app and the PDF show the same sentences.
 */
import type { Comparison } from '../../src-main/shared/compare-types';
import type { Report } from '../../src-main/shared/report-types';
import type { MessageId } from '../../src-main/shared/i18n/messages';
import { coverageNotes, type CoverageNote } from '../coverage';
import { useT } from '../i18n/I18nProvider';

/** The tag before a note: the number (or the days) it qualifies. */
const LABEL: Record<CoverageNote['kind'], MessageId> = {
  'initiated-unknown': 'app.coverageTag.initiated',
  'summary-left-out': 'app.coverageTag.initiated',
  'from-summary': 'app.coverageTag.incomplete',
  'rate-covers': 'app.coverageTag.rate',
  'partial-day': 'app.coverageTag.partialDay',
  compare: 'app.coverageTag.comparison',
};

/** The note as a sentence: one full stop at the end (the engine's own messages carry theirs). */
const sentence = (text: string, stop: string): string => (/[.!?。]$/.test(text) ? text : `${text}${stop}`);

export function CoverageNotes({
  report,
  comparison = null,
  variant,
}: {
  report: Report;
  /** The comparison shown, whose caveats follow the report's (the compare view). */
  comparison?: Comparison | null;
  variant: 'app' | 'print';
}) {
  const tr = useT();
  const notes = coverageNotes(report, comparison, tr);
  if (notes.length === 0) return null;
  return (
    <div
      className={variant === 'app' ? 'coverage-notes' : 'print-coverage'}
      role="note"
      aria-label={tr.t('app.coverageNotes.label')}
      data-testid="coverage-notes"
    >
      <ul>
        {notes.map((note) => (
          <li key={`${note.kind}|${note.text}`} data-kind={note.kind} data-testid="coverage-note">
            <span className="coverage-target">{tr.t(LABEL[note.kind])}</span>{' '}
            <span className="coverage-text">{sentence(note.text, tr.t('app.sentence.stop'))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
