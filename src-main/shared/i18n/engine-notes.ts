/**
 * The engine's sentences in the reader's language: the report's data-quality notes, the funnel's
 * caveats and the comparison's caveats. The engine writes them in English (the JSON's text, the
 * contract) and gives the same facts beside them (`noteItems`, `caveatItems`; a comparison
 * caveat's own fields and its period's report); another language builds its sentence from the
 * facts through the `common` catalog. English shows the engine's own sentence, so the English
 * app and PDF read as the JSON does. Node-free.
 */
import type { CompareCaveat, Comparison } from '../compare-types';
import type { Funnel, FunnelCaveat } from '../funnel-types';
import type { DataQuality, DataQualityNote } from '../report-types';
import type { MessageId } from './messages';
import type { Translator } from './translator';

type NoteKind = DataQualityNote['kind'];

const NOTE_MESSAGE: Record<NoteKind, MessageId> = {
  initiatedUnknown: 'common.dqNote.initiatedUnknown',
  rateCoversKnownDays: 'common.dqNote.rateCoversKnownDays',
  fromSummary: 'common.dqNote.fromSummary',
  fromSummaryLeftOut: 'common.dqNote.fromSummaryLeftOut',
  partialDay: 'common.dqNote.partialDay',
  summaryRowsLeftOut: 'common.dqNote.summaryRowsLeftOut',
  summaryMismatches: 'common.dqNote.summaryMismatches',
  unclassified: 'common.dqNote.unclassified',
  unclassifiedLeftOut: 'common.dqNote.unclassifiedLeftOut',
  daysWithoutData: 'common.dqNote.daysWithoutData',
  skippedRows: 'common.dqNote.skippedRows',
  duplicateRows: 'common.dqNote.duplicateRows',
};

/** One note in `tr`'s language, its days and instants in the locale's formats (instants in UTC, as the note says). */
export function dataQualityNoteText({ t, f }: Pick<Translator, 't' | 'f'>, note: DataQualityNote): string {
  const id = NOTE_MESSAGE[note.kind];
  switch (note.kind) {
    case 'initiatedUnknown':
      return t(id);
    case 'partialDay':
      return t(id, {
        day: f.day(note.date),
        start: f.moment(new Date(note.dataStart), 'UTC'),
        end: f.moment(new Date(note.dataEnd), 'UTC'),
      });
    default: {
      const { kind: _kind, ...values } = note;
      return t(id, values);
    }
  }
}

/** The report's notes as the reader reads them: English is the engine's text as it is; another language, each note from its facts. */
export function dataQualityNoteTexts(tr: Translator, quality: DataQuality): readonly string[] {
  return tr.language === 'en' ? quality.notes : quality.noteItems.map((note) => dataQualityNoteText(tr, note));
}

const FUNNEL_MESSAGE: Record<FunnelCaveat['kind'], MessageId> = {
  initiatedUnknown: 'common.funnelCaveat.initiatedUnknown',
  initiatedFromSummary: 'common.funnelCaveat.initiatedFromSummary',
  attemptsOutside: 'common.funnelCaveat.attemptsOutside',
};

/** One funnel caveat in `t`'s language. */
export function funnelCaveatText({ t }: Pick<Translator, 't'>, caveat: FunnelCaveat): string {
  const { kind, ...values } = caveat;
  return t(FUNNEL_MESSAGE[kind], values);
}

/** The funnel's caveats as the reader reads them (English: the engine's text as it is). */
export function funnelCaveatTexts(tr: Translator, funnel: Funnel): readonly string[] {
  return tr.language === 'en' ? funnel.caveats : funnel.caveatItems.map((caveat) => funnelCaveatText(tr, caveat));
}

/**
 * A comparison's caveat as the reader reads it (English: the engine's text as it is). Its days in
 * the locale's runs of days; "Initiated is unknown" when its period's report has no initiated count.
 */
export function compareCaveatText(
  tr: Translator,
  caveat: CompareCaveat,
  comparison: Pick<Comparison, 'current' | 'previous'>,
): string {
  if (tr.language === 'en') return caveat.message;
  const { t, f } = tr;
  const values = { period: caveat.period, count: caveat.days.length, days: f.dayRuns(caveat.days) };
  if (caveat.kind === 'partial-days') return t('common.compareCaveat.partialDays', values);
  return comparison[caveat.period].rollup.initiated === null
    ? t('common.compareCaveat.initiatedUnknown', values)
    : t('common.compareCaveat.unknownDays', values);
}
