/**
 * The successor data (spec 8): Intune's enrollment failures, counted in their
 * own view and never mixed into the abandonment numbers.
 *
 * - A failure counts on the local day (in tz) of its time, like an attempt's start in the report.
 * - Range: from/to as given; the report's rules complete a missing end (14 days); with neither,
 *   the 14 days ending at the latest failure's day in tz (the failures may cover other days than
 *   the abandonment data); in a case without failures, the report's default range.
 * - Reasons, OS, methods and categories are grouped by their text as stored (trimmed), empty ones
 *   as "(not given)"; each list by count descending, then by text in code-point order.
 * - Rows are already de-duplicated on import (FailureGuid, EnrollmentActivityId, the event's id;
 *   rows without an id by their content).
 */
import type Database from 'better-sqlite3';
import { dayOf, dayRanges } from '../report/day-buckets';
import { latestDataDay, resolveRange } from '../report/resolve-filter';
import { NOT_GIVEN, type FailuresFilter, type FailuresReport } from '../shared/failures-types';
import type { ReportRange } from '../shared/report-types';
import { inReadTransaction } from '../report/span';

export function resolveFailuresRange(db: Database.Database, filter: FailuresFilter): ReportRange {
  // With neither day given: the latest failure's day (failures may cover other days than the
  // abandonment data); in a case without failures, the report's latest day.
  return resolveRange(filter, (tz) => {
    const latest = db.prepare('SELECT max(time_ms) FROM failures').pluck().get() as number | null;
    return latest !== null ? dayOf(latest, tz) : latestDataDay(db, tz);
  });
}

const label = (text: string): string => (text.trim() === '' ? NOT_GIVEN : text.trim());

function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const bump = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

export function computeFailures(db: Database.Database, filter: FailuresFilter = {}): FailuresReport {
  return inReadTransaction(db, () => {
    const range = resolveFailuresRange(db, filter);
    const days = dayRanges(range.from, range.to, range.tz);
    const lo = days[0]?.startMs ?? 0;
    const hi = days[days.length - 1]?.endMs ?? 0;
    const daily = days.map((day) => ({ date: day.date, count: 0 }));
    const ends = days.map((day) => day.endMs);
    const reasons = new Map<string, number>();
    const systems = new Map<string, number>();
    const methods = new Map<string, number>();
    const categories = new Map<string, number>();
    let total = 0;
    const rows = db
      .prepare('SELECT time_ms, os, method, category, reason FROM failures WHERE time_ms >= ? AND time_ms < ?')
      .raw()
      .iterate(lo, hi) as IterableIterator<[number, string, string, string, string]>;
    for (const [timeMs, os, method, category, reason] of rows) {
      const index = dayIndex(ends, timeMs);
      const day = daily[index];
      if (day === undefined) continue;
      day.count++;
      total++;
      bump(reasons, label(reason));
      bump(systems, label(os));
      bump(methods, label(method));
      bump(categories, label(category));
    }
    return {
      range,
      total,
      daily,
      byReason: ranked(reasons).map(([reason, count]) => ({ reason, count })),
      byOs: ranked(systems).map(([os, count]) => ({ os, count })),
      byMethod: ranked(methods).map(([method, count]) => ({ method, count })),
      byCategory: ranked(categories).map(([category, count]) => ({ category, count })),
    };
  });
}

/** Index of the first day whose end is after the time (days' ends ascending). */
function dayIndex(ends: readonly number[], timeMs: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? 0) > timeMs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
