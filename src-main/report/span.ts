/**
 * What the drill-down and the funnel share with the report: the filter resolved exactly as the
 * report resolves it (resolve-filter.ts), and the report's days as one span of instants. The
 * report counts an attempt on the local day of its start (day-buckets.ts); the days of [from, to]
 * are contiguous, so "starts on one of those days" is start_ms in [first day's start, last day's end).
 */
import type Database from 'better-sqlite3';
import { readCase } from './case-reads';
import { dayRanges } from './day-buckets';
import { ReportInputError } from './errors';
import { resolveFilter, type ResolvedFilter } from './resolve-filter';
import type { ReportFilter } from '../shared/report-types';
import { PLATFORM_CODE, type Platform } from '../shared/taxonomy';

export interface Span {
  /** First instant of `from` in tz. */
  readonly lo: number;
  /** First instant after `to` in tz (exclusive). */
  readonly hi: number;
}

/** [from, to] in tz as instants: the start of `from`, the end of `to`. */
export function spanOf(from: string, to: string, tz: string): Span {
  const first = dayRanges(from, from, tz)[0];
  const last = dayRanges(to, to, tz)[0];
  if (first === undefined || last === undefined) throw new ReportInputError(`no days in ${from} to ${to}`);
  return { lo: first.startMs, hi: last.endMs };
}

/** The report's resolution of a filter (defaults included), plus its span. */
export function resolveSpan(db: Database.Database, filter: ReportFilter): ResolvedFilter & Span {
  const resolved = resolveFilter(db, filter);
  return { ...resolved, ...spanOf(resolved.from, resolved.to, resolved.tz) };
}

export const platformCodes = (platforms: readonly Platform[]): number[] => platforms.map((p) => PLATFORM_CODE[p]);

/**
 * Runs `work` in one read transaction (an import committing on another connection cannot split
 * it), the report's reads kept while the case is unchanged (case-reads.ts).
 */
export const inReadTransaction = readCase;

/** attempts.first_seq (and every seq) = import id * 2^32 + line. */
export const IMPORT_SPAN = 2 ** 32;
