/**
 * What the data behind a report does not cover, as sentences for people: the facts of the
 * report's `coverage` and `dataQuality` (spec 5) turned into the caveats the app and the PDF show
 * beside the numbers they qualify. Pure: the same Report gives the same notes in both, in the
 * translator's language (English when none is given: the tests and the command line's wording).
 */
import type { Comparison } from '../src-main/shared/compare-types';
import { compareCaveatText } from '../src-main/shared/i18n/engine-notes';
import type { PartialDay, Report, Span } from '../src-main/shared/report-types';
import { translator, type Translator } from '../src-main/shared/i18n/translator';
import type { MessageId } from '../src-main/shared/i18n/messages';

const ENGLISH = translator('en');

/** Which number a note qualifies (it is shown beside that tile, and tagged with it in the list). */
export type CoverageTarget = 'initiated' | 'incomplete' | 'rate' | 'chart';

export interface CoverageNote {
  /** Stable, for tests and keys. */
  readonly kind: 'initiated-unknown' | 'from-summary' | 'rate-covers' | 'partial-day' | 'summary-left-out' | 'compare';
  readonly target: CoverageTarget;
  readonly text: string;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** `06:05`: the time of an instant in the zone (24-hour clock). */
export function formatClock(iso: string, tz: string): string {
  let format = clockFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(tz, format);
  }
  return format.format(new Date(iso));
}

/** The day (`YYYY-MM-DD`) of an instant in the zone. */
export function dayInZone(iso: string, tz: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/**
 * What part of a partial day the data covers, in the report's zone: `data ends 06:05` (the data
 * span ends that day), `data starts 21:40` (it starts that day) or `data from 08:00 to 09:30`.
 */
export function partialExtent(day: PartialDay, span: Span | null, tz: string, { t }: Translator = ENGLISH): string {
  const same = (a: string, b: string | undefined): boolean => b !== undefined && Date.parse(a) === Date.parse(b);
  const start = formatClock(day.dataStart, tz);
  const end = formatClock(day.dataEnd, tz);
  const startsLate = same(day.dataStart, span?.from) && start !== '00:00';
  const endsEarly = same(day.dataEnd, span?.to);
  if (startsLate && endsEarly) return t('app.coverage.dataFromTo', { start, end });
  if (startsLate) return t('app.coverage.dataStarts', { start });
  return t('app.coverage.dataEnds', { end });
}

/** The partial days of a report by date, with what part of each the data covers. */
export function partialDayLabels(report: Report, tr: Translator = ENGLISH): Map<string, string> {
  return new Map(
    report.dataQuality.partialDays.map((day) => [
      day.date,
      partialExtent(day, report.dataQuality.dataSpan, report.range.tz, tr),
    ]),
  );
}

function partialDayNote(report: Report, tr: Translator): CoverageNote | null {
  const { t, f } = tr;
  const days = report.dataQuality.partialDays;
  if (days.length === 0) return null;
  const extent = (day: PartialDay): string => partialExtent(day, report.dataQuality.dataSpan, report.range.tz, tr);
  const text =
    days.length === 1
      ? t('app.coverage.partialDay', { day: f.shortDay(days[0]!.date), extent: extent(days[0]!) })
      : t('app.coverage.partialDays', {
          days: days
            .map((d) => t('app.coverage.dayWithExtent', { day: f.shortDay(d.date), extent: extent(d) }))
            .join(', '),
        });
  return { kind: 'partial-day', target: 'chart', text };
}

/** Why Initiated is unknown (null: it is known). */
export type InitiatedUnknown = 'abandoned only' | 'summary not split' | 'no data';

export function initiatedUnknownReason(report: Report): InitiatedUnknown | null {
  if (report.rollup.initiated !== null) return null;
  if (report.rollup.incomplete > 0) return 'abandoned only';
  if (report.dataQuality.summaryRowsLeftOut > 0) return 'summary not split';
  return 'no data';
}

/** The reason as the banner says it. */
const INITIATED_UNKNOWN_TEXT: Record<InitiatedUnknown, MessageId> = {
  'abandoned only': 'app.coverage.unknownText.abandonedOnly',
  'summary not split': 'app.coverage.unknownText.summaryNotSplit',
  'no data': 'app.coverage.unknownText.noData',
};

/** The reason as the Initiated tile says it, under "—". */
export const INITIATED_UNKNOWN_NOTE: Record<InitiatedUnknown, MessageId> = {
  'abandoned only': 'app.coverage.unknownNote.abandonedOnly',
  'summary not split': 'app.coverage.unknownNote.summaryNotSplit',
  'no data': 'app.coverage.unknownNote.noData',
};

/**
 * Which days the rate covers, when not all: "Rate covers 12 of 14 days"; when no day is known for
 * every selected platform (a summary of one platform beside details of the other), the known
 * cells only. Null when the rate covers the whole range or is not computed.
 */
export function rateSpan(report: Report, { t }: Translator = ENGLISH): string | null {
  const dq = report.dataQuality;
  if (report.rollup.initiated === null || dq.knownInitiatedDays >= dq.rangeDays) return null;
  return dq.knownInitiatedDays === 0
    ? t('app.coverage.rateKnownCells')
    : t('app.coverage.rateCovers', { known: dq.knownInitiatedDays, days: dq.rangeDays });
}

/** Why the rate shows "—", or null when it shows a number. */
export function rateReason(report: Report, { t }: Translator = ENGLISH): string | null {
  const { initiated, incompleteRate } = report.rollup;
  if (incompleteRate !== null) return null;
  if (initiated === null) return t('app.coverage.rateReason.initiatedUnknown');
  return t('app.coverage.rateReason.noneInitiated');
}

/** Every caveat of the report, in the order of the tiles (Initiated, Incomplete, rate, chart), then the comparison's. */
export function coverageNotes(
  report: Report,
  comparison: Pick<Comparison, 'current' | 'previous' | 'caveats'> | null = null,
  tr: Translator = ENGLISH,
): CoverageNote[] {
  const { t, f } = tr;
  const { rollup, dataQuality: dq } = report;
  const notes: CoverageNote[] = [];
  const unknown = initiatedUnknownReason(report);
  if (unknown !== null) {
    notes.push({
      kind: 'initiated-unknown',
      target: 'initiated',
      text: t('app.coverage.initiatedUnknown', { reason: t(INITIATED_UNKNOWN_TEXT[unknown]) }),
    });
  }
  if (dq.summaryRowsLeftOut > 0) {
    notes.push({
      kind: 'summary-left-out',
      target: 'initiated',
      text: t('app.coverage.summaryLeftOut', { count: dq.summaryRowsLeftOut }),
    });
  }
  if (rollup.fromSummary > 0) {
    notes.push({
      kind: 'from-summary',
      target: 'incomplete',
      text: t('app.coverage.fromSummary', { count: rollup.fromSummary }),
    });
  }
  const span = rateSpan(report, tr);
  if (span !== null) {
    const outside = dq.incompleteOutsideRate;
    const unknown = report.coverage.unknownInitiatedDays;
    notes.push({
      kind: 'rate-covers',
      target: 'rate',
      text:
        outside > 0 && unknown.length > 0
          ? t('app.coverage.rateLeavesOut', { span, count: outside, days: f.dayRuns(unknown) })
          : t('app.coverage.rateOthersUnknown', { span }),
    });
  }
  const partial = partialDayNote(report, tr);
  if (partial) notes.push(partial);
  for (const caveat of comparison?.caveats ?? []) {
    notes.push({ kind: 'compare', target: 'chart', text: compareCaveatText(tr, caveat, comparison!) });
  }
  return notes;
}
