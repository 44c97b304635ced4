/**
 * What the case's data covers in time (spec 5, revision 2):
 * - the event-log span: from the earliest to the latest stored event of all its event logs
 *   together, all platforms together. Inside it, a (day, platform) cell's initiated count is
 *   known (a cell without attempts is a real zero).
 * - the data span: from the earliest to the latest time of its event-log events and details
 *   rows. A day that meets it but of which more than one hour lies outside it is partial.
 * Both ends are instants (epoch ms) and both are inclusive.
 */
import type Database from 'better-sqlite3';
import { earlierOf, earliestTime, latestTime } from '../attempts/latest';
import type { PartialDay } from '../shared/report-types';
import type { DayRange } from './day-buckets';

export interface TimeSpan {
  readonly first: number;
  readonly last: number;
}

export interface CaseSpans {
  readonly eventLog: TimeSpan | null;
  readonly data: TimeSpan | null;
}

const laterOf = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

export function readCaseSpans(db: Database.Database): CaseSpans {
  const eventFirst = earliestTime(db, 'events');
  const eventLast = latestTime(db, 'events');
  const detailsFirst = earliestTime(db, 'details');
  const detailsLast = latestTime(db, 'details');
  const eventLog = eventFirst === null || eventLast === null ? null : { first: eventFirst, last: eventLast };
  const first = earlierOf(eventFirst, detailsFirst);
  const last = laterOf(eventLast, detailsLast);
  return { eventLog, data: first === null || last === null ? null : { first, last } };
}

/** True when any part of the day lies in the span. */
export function dayMeets(day: DayRange, span: TimeSpan | null): boolean {
  return span !== null && day.startMs < day.endMs && day.startMs <= span.last && span.first < day.endMs;
}

/** The longest part of a day that may lie outside the data span and the day still be whole. */
export const PARTIAL_THRESHOLD_MS = 3_600_000;

/**
 * The day as a partial day, or null when it is whole, does not meet the span, or holds a summary
 * row. Outside = the part of [day start, day end) before the span's first instant plus the part
 * after its last instant.
 */
export function partialDay(day: DayRange, span: TimeSpan | null, summaryDays: ReadonlySet<string>): PartialDay | null {
  if (span === null || !dayMeets(day, span) || summaryDays.has(day.date)) return null;
  const before = Math.max(0, span.first - day.startMs);
  const after = Math.max(0, day.endMs - span.last);
  if (before + after <= PARTIAL_THRESHOLD_MS) return null;
  return {
    date: day.date,
    dataStart: new Date(Math.max(day.startMs, span.first)).toISOString(),
    dataEnd: new Date(Math.min(day.endMs - 1, span.last)).toISOString(),
    minutesOutside: Math.round((before + after) / 60_000),
  };
}

export const isoSpan = (span: TimeSpan | null): { from: string; to: string } | null =>
  span === null ? null : { from: new Date(span.first).toISOString(), to: new Date(span.last).toISOString() };
