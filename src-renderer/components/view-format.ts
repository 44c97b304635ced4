/** Formatting for the views beside the report: times in the report's zone, durations, deltas. */
import { formatCount } from '../format';

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
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** `+3`, `−2`, `±0` (a real minus sign). */
export function formatDelta(n: number): string {
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '−'}${formatCount(Math.abs(n))}`;
}

/** A change of a rate in percentage points: `+2.5 pts`, `−0.4 pts`; an em dash when either rate is missing. */
export function formatPoints(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  const points = Math.round(delta * 1000) / 10;
  if (points === 0) return '±0.0 pts';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pts`;
}

/** A share as a percentage with one decimal; an em dash when there is none. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}
