/**
 * The one way a renderer's ReportRequest becomes the engine's filter, for every handler: the
 * report, the drill-down, the comparison, the funnel, the findings, the exports, the PDF and the
 * failures view. A preset ("last N days") ends at the latest day with data in the request's zone,
 * so every number the app shows is counted over the same days as the report beside it.
 */
import type { ReportRequest } from '../shared/ipc-contract';
import type { FailuresFilter } from '../shared/failures-types';
import type { ReportFilter } from '../shared/report-types';
import { addDays } from '../shared/calendar-day';
import { latestDataDay } from '../report/resolve-filter';
import { resolveFailuresRange } from '../failures/failures';
import { importCount } from '../store/imports';
import type { CaseDb } from '../store/case-file';

/**
 * The day presets end at: the day the engine's default range ends at (latest day with data, else
 * today), or null while the case holds no import (the renderer then shows no range at all).
 */
export function latestDayOf(db: CaseDb, tz: string): string | null {
  if (importCount(db) === 0) return null;
  return latestDataDay(db, tz) ?? new Date().toISOString().slice(0, 10);
}

/** The engine's filter for a request, its presets ended at `latestDay` (see latestDayOf). */
export function reportFilterOf(request: ReportRequest, latestDay: string | null): ReportFilter {
  let from: string | undefined;
  let to: string | undefined;
  if (request.range.kind === 'custom') {
    ({ from, to } = request.range);
  } else if (latestDay) {
    to = latestDay;
    from = addDays(latestDay, -(request.range.days - 1));
  }
  // The lists go on as the store keeps them: all selected is the list naming all (the engine's
  // resolveFilter completes an absent list, the command line's, to the same list).
  return { from, to, tz: request.tz, platforms: request.platforms, sections: request.sections };
}

/**
 * The failures view's filter: failures have their own latest day (they are not in the abandonment
 * data), so a preset is the last N days ending at the latest failure's day; a custom range is taken
 * as it is. The OS and section filters do not apply (failures carry any OS, and no section).
 */
export function failuresFilterOf(db: CaseDb, request: ReportRequest): FailuresFilter {
  const { tz, range } = request;
  if (range.kind === 'custom') return { from: range.from, to: range.to, tz };
  const latest = resolveFailuresRange(db, { tz }).to;
  return { from: addDays(latest, -(range.days - 1)), to: latest, tz };
}
