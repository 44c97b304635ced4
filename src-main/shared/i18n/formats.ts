/**
 * Numbers, rates, sizes and days as one language writes them, through Intl: `12,3 %` in German,
 * `12.3%` in English, `15. Mai 2025`, `2025年5月15日`. One object per language, cached; the app,
 * the PDF and `--format text` all format through it, so one screen or page never mixes styles.
 * Days are calendar days (`YYYY-MM-DD`), formatted as such (in UTC, so no zone moves them).
 * Node-free.
 */
import { addDays } from '../calendar-day';
import type { Language } from './languages';

/** The Intl locale each language formats with (English as written in the US, like Intune's own report). */
export const INTL_LOCALE: Record<Language, string> = {
  en: 'en-US',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  ja: 'ja-JP',
};

export interface LocaleFormats {
  readonly locale: string;
  /** `1,234` / `1.234` / `1 234`. */
  count(n: number): string;
  /** A rate (0..1) with one decimal, `12.3%` / `12,3 %`; an em dash when there is none. */
  rate(rate: number | null): string;
  /** part/whole as a rate; an em dash when the whole is not positive. */
  share(part: number, whole: number): string;
  bytes(bytes: number): string;
  /** `May 15, 2025` / `15. Mai 2025`. */
  day(day: string): string;
  /** `May 15` / `15. Mai`. */
  shortDay(day: string): string;
  /** `Thu, May 15, 2025`. */
  longDay(day: string): string;
  /** `May 15, 2025 – May 28, 2025`; one day when from = to. */
  range(from: string, to: string): string;
  /** As short as the locale writes a range (`May 15 – 28, 2025`). */
  compactRange(from: string, to: string): string;
  /** Sorted days collapsed into runs: `May 3 – 4, 2025, May 9, 2025`. */
  dayRuns(days: readonly string[]): string;
  /** An instant in a zone, `May 15, 2025, 10:02`. */
  moment(at: Date, timeZone: string): string;
}

const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
const cache = new Map<Language, LocaleFormats>();

export function localeFormats(language: Language): LocaleFormats {
  const known = cache.get(language);
  if (known) return known;
  const locale = INTL_LOCALE[language];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const dayFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const shortDayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const longDayFormat = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const rate = (value: number | null): string =>
    value === null || !Number.isFinite(value) ? '—' : percent.format(value);
  const day = (d: string): string => dayFormat.format(asDate(d));
  const range = (from: string, to: string): string => (from === to ? day(from) : `${day(from)} – ${day(to)}`);
  const made: LocaleFormats = {
    locale,
    count: (n) => integer.format(n),
    rate,
    share: (part, whole) => (whole <= 0 ? '—' : rate(part / whole)),
    bytes(bytes) {
      if (bytes < 1024) return `${integer.format(bytes)} B`;
      const units = ['KB', 'MB', 'GB', 'TB'];
      let value = bytes / 1024;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      const digits = value >= 100 ? 0 : 1;
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
    },
    day,
    shortDay: (d) => shortDayFormat.format(asDate(d)),
    longDay: (d) => longDayFormat.format(asDate(d)),
    range,
    compactRange: (from, to) => (from === to ? day(from) : dayFormat.formatRange(asDate(from), asDate(to))),
    dayRuns(days) {
      const runs: [string, string][] = [];
      for (const d of days) {
        const last = runs[runs.length - 1];
        if (last && addDays(last[1], 1) === d) last[1] = d;
        else runs.push([d, d]);
      }
      return runs.map(([from, to]) => range(from, to)).join(', ');
    },
    moment(at, timeZone) {
      const options: Intl.DateTimeFormatOptions = {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      };
      try {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(at);
      } catch {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(at);
      }
    },
  };
  cache.set(language, made);
  return made;
}
