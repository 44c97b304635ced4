/**
 * The printed report's one date style, for the page header and footer (drawn by main's PDF
 * options) and the document (drawn by the print route): the PDF's language's day and range
 * (`May 15, 2025`, `15. Mai 2025`, `2025年5月15日`) and a moment in the report's zone
 * (`May 15, 2025, 10:02 (Europe/Berlin)`), whatever the machine's locale. Node-free.
 */
import { isZone } from './calendar-day';
import type { Translator } from './i18n/translator';

/** `YYYY-MM-DD` as the language writes a day. */
export const printedDay = (tr: Translator, day: string): string => tr.f.day(day);

/** A range of days; one day alone when from = to. */
export const printedRange = (tr: Translator, from: string, to: string): string => tr.f.range(from, to);

/** An instant (ISO 8601) in `tz` with the zone named; in UTC when the zone is unknown. */
export function printedMoment(tr: Translator, iso: string, tz: string): string {
  const zone = isZone(tz) ? tz : 'UTC';
  return tr.t('pdf.moment', { moment: tr.f.moment(new Date(iso), zone), zone });
}
