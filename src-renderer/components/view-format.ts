/**
 * Formatting for the views beside the report: times in the report's zone, durations, deltas, in
 * the translator's language (English when none is given).
 */
import { translator, type Translator } from '../../src-main/shared/i18n/translator';

const ENGLISH = translator('en');

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** `2025-06-03 14:05:09` in the zone (ISO-like, sortable, unambiguous in a table). */
export function formatTime(iso: string | number | null | undefined, tz: string): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  let format = timeFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(tz, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

/** `45 s`, `3 min 20 s`, `2 h 05 min`, `3 d 4 h`; an em dash when unknown. */
export function formatDuration(ms: number | null | undefined, { t }: Translator = ENGLISH): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('app.duration.seconds', { s: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return seconds % 60
      ? t('app.duration.minutesSeconds', { m: minutes, s: seconds % 60 })
      : t('app.duration.minutes', { m: minutes });
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('app.duration.hoursMinutes', { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return t('app.duration.daysHours', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** `+3`, `−2`, `±0` (a real minus sign). */
export function formatDelta(n: number, { f }: Translator = ENGLISH): string {
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '−'}${f.count(Math.abs(n))}`;
}

/** A change of a rate in percentage points: `+2.5 pts`, `−0.4 pts`; an em dash when either rate is missing. */
export function formatPoints(delta: number | null, { t }: Translator = ENGLISH): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  const points = Math.round(delta * 1000) / 10;
  const sign = points === 0 ? '±' : points > 0 ? '+' : '−';
  return t('app.delta.points', { sign, points: Math.abs(points) });
}

/** A share as a percentage with one decimal; an em dash when there is none. */
export function formatPercent(share: number | null | undefined, { f }: Translator = ENGLISH): string {
  return f.rate(share ?? null);
}
