/**
 * The printed report's one date style, for the page header and footer (drawn by main's PDF
 * options) and the document's title block (drawn by the print route): `May 15, 2025`, a range
 * `May 15, 2025 – May 28, 2025`, a moment `May 15, 2025, 10:02 (Europe/Berlin)` in the report's
 * zone. English, like the rest of the document's text, whatever the machine's locale. Node-free.
 */
const dayFormat = new Intl.DateTimeFormat('en-US', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `YYYY-MM-DD` as `May 15, 2025`. */
export const printedDay = (day: string): string => dayFormat.format(new Date(`${day}T00:00:00Z`));

/** `May 15, 2025 – May 28, 2025`; one day alone when from = to. */
export const printedRange = (from: string, to: string): string =>
  from === to ? printedDay(from) : `${printedDay(from)} – ${printedDay(to)}`;

/** An instant (ISO 8601) as `May 15, 2025, 10:02 (Europe/Berlin)` in `tz`; in UTC when the zone is unknown. */
export function printedMoment(iso: string, tz: string): string {
  const at = new Date(iso);
  const format = (zone: string): string =>
    new Intl.DateTimeFormat('en-US', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    }).format(at);
  try {
    return `${format(tz)} (${tz})`;
  } catch {
    return `${format('UTC')} (UTC)`;
  }
}
