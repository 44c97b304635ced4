/**
 * Dated notes of the case ("Terms of use text changed"): add, edit, remove. Stored in the case
 * file by main; drawn on the chart as markers (marker-plugin.ts) and listed in the PDF.
 */
import { memo, useState, type FormEvent } from 'react';
import { isDate } from '../../../src-main/shared/calendar-day';
import type { Annotation } from '../../../src-main/shared/notes-types';
import { useT } from '../../i18n/I18nProvider';
import { useApp } from '../../store';
import '../../styles/report-views.css';

const MAX_TEXT = 200;

function NoteForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  testId,
}: {
  initial: { date: string; text: string };
  submitLabel: string;
  onSubmit: (date: string, text: string) => Promise<boolean>;
  onCancel?: () => void;
  testId: string;
}) {
  const { t } = useT();
  const language = useApp((s) => s.language);
  const [date, setDate] = useState(initial.date);
  const [text, setText] = useState(initial.text);
  const [busy, setBusy] = useState(false);
  const valid = isDate(date) && text.trim().length > 0;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    const ok = await onSubmit(date, text.trim());
    setBusy(false);
    if (ok && !onCancel) setText('');
  };
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} data-testid={testId}>
      <label>
        <span className="visually-hidden">{t('app.mismatch.day')}</span>
        <input
          type="date"
          lang={language}
          value={date}
          required
          onChange={(e) => setDate(e.target.value)}
          data-testid="note-date"
        />
      </label>
      <label className="note-text">
        <span className="visually-hidden">{t('app.notes.note')}</span>
        <input
          type="text"
          value={text}
          maxLength={MAX_TEXT}
          required
          placeholder={t('app.notes.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && onCancel) {
              e.preventDefault();
              onCancel();
            }
          }}
          data-testid="note-text"
        />
      </label>
      <button type="submit" className="button small primary" disabled={!valid || busy}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button small ghost" onClick={onCancel}>
          {t('app.import.cancel')}
        </button>
      )}
    </form>
  );
}

function NoteItem({ note, inRange }: { note: Annotation; inRange: boolean }) {
  const { t, f } = useT();
  const updateAnnotation = useApp((s) => s.updateAnnotation);
  const removeAnnotation = useApp((s) => s.removeAnnotation);
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="note editing" data-testid="note" data-note-id={note.id}>
        <NoteForm
          initial={note}
          submitLabel={t('app.notes.save')}
          testId="note-edit-form"
          onSubmit={async (date, text) => {
            const ok = await updateAnnotation(note.id, { date, text });
            if (ok) setEditing(false);
            return ok;
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li
      className={`note${inRange ? '' : ' out-of-range'}`}
      data-testid="note"
      data-note-id={note.id}
      data-date={note.date}
    >
      <span className="note-date">{f.day(note.date)}</span>
      <span className="note-body" data-testid="note-body">
        {note.text}
      </span>
      {!inRange && <span className="tag subtle">{t('app.notes.outside')}</span>}
      <span className="note-actions">
        <button
          className="link-button"
          onClick={() => setEditing(true)}
          aria-label={t('app.notes.editLabel', { day: f.day(note.date) })}
        >
          {t('app.notes.edit')}
        </button>
        <button
          className="link-button danger-link"
          onClick={() => void removeAnnotation(note.id)}
          aria-label={t('app.notes.removeLabel', { day: f.day(note.date) })}
        >
          {t('app.notes.remove')}
        </button>
      </span>
    </li>
  );
}

export const AnnotationsCard = memo(function AnnotationsCard() {
  const { t } = useT();
  const notes = useApp((s) => s.annotations);
  const error = useApp((s) => s.annotationsError);
  const range = useApp((s) => s.report?.range ?? null);
  const addAnnotation = useApp((s) => s.addAnnotation);
  const [showAll, setShowAll] = useState(false);
  const inRange = (note: Annotation): boolean => !range || (note.date >= range.from && note.date <= range.to);
  const outside = notes.filter((n) => !inRange(n)).length;
  const shown = showAll ? notes : notes.filter(inRange);
  return (
    <section className="card notes-card" aria-labelledby="notes-title" data-testid="annotations">
      <div className="card-head">
        <h2 id="notes-title">{t('app.notes.title')}</h2>
        <span className="muted">{t('app.notes.hint')}</span>
      </div>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="notes" data-testid="notes">
          {shown.map((note) => (
            <NoteItem key={note.id} note={note} inRange={inRange(note)} />
          ))}
        </ul>
      )}
      {outside > 0 && (
        <button className="link-button" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
          {showAll ? t('app.notes.onlyInRange') : t('app.notes.alsoOutside', { count: outside })}
        </button>
      )}
      <NoteForm
        key={range?.to ?? ''}
        initial={{ date: range?.to ?? '', text: '' }}
        submitLabel={t('app.notes.add')}
        testId="note-add-form"
        onSubmit={(date, text) => addAnnotation(date, text)}
      />
    </section>
  );
});
