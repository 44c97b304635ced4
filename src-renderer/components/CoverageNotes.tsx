/**
 * The caveats of a report, beside its tiles: what the data does not cover (initiated unknown,
 * incomplete taken from Intune's summary, the days the rate covers, partial days, summary rows a
 * platform filter leaves out) and, with a comparison, why its differences may mislead. Nothing
 * when the data covers the whole range. The app and the PDF show the same sentences.
 */
import type { CompareCaveat } from '../../src-main/shared/compare-types';
import type { Report } from '../../src-main/shared/report-types';
import { coverageNotes, type CoverageNote } from '../coverage';

/** The tag before a note: the number (or the days) it qualifies. */
const LABEL: Record<CoverageNote['kind'], string> = {
  'initiated-unknown': 'Initiated',
  'summary-left-out': 'Initiated',
  'from-summary': 'Incomplete',
  'rate-covers': 'Rate',
  'partial-day': 'Partial day',
  compare: 'Comparison',
};

/** The note as a sentence: one full stop at the end (the engine's own messages carry theirs). */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

export function CoverageNotes({
  report,
  caveats = [],
  variant,
}: {
  report: Report;
  /** A comparison's caveats (the app's compare view). */
  caveats?: readonly CompareCaveat[];
  variant: 'app' | 'print';
}) {
  const notes = coverageNotes(report, caveats);
  if (notes.length === 0) return null;
  return (
    <div
      className={variant === 'app' ? 'coverage-notes' : 'print-coverage'}
      role="note"
      aria-label="What these numbers cover"
      data-testid="coverage-notes"
    >
      <ul>
        {notes.map((note) => (
          <li key={`${note.kind}|${note.text}`} data-kind={note.kind} data-testid="coverage-note">
            <span className="coverage-target">{LABEL[note.kind]}</span>{' '}
            <span className="coverage-text">{sentence(note.text)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
