/**
 * What the data knows, cell by cell (spec 5, revision 2). A (day, platform) cell's initiated count
 * is known when a summary row covers it or when any part of the day lies in the case's event-log
 * span; otherwise (a cell that only details rows reach) it is unknown.
 *
 * - Initiated sums the known cells: a summary's initiated count where one covers the cell, the
 *   attempts that started in it otherwise. null when no cell of the range is known.
 * - Both platforms selected: a day's platformless summary covers the whole day (its per-platform
 *   rows, if any, are then not used), unless rows of both platforms were imported after it: the
 *   last imported stands, and they replace it. Otherwise per-platform rows cover their cells.
 * - One platform selected: a platformless row cannot be split, so it is left out (counted) and the
 *   cell is known only through the event-log span or a per-platform row.
 * - A summary cell holding no attempt at all adds its incomplete count (`fromSummary`); one that
 *   holds attempts is only compared with their incomplete count, all sections and unclassified
 *   included, and a difference is a mismatch.
 * - The rate's numerator sums what Incomplete counted in the known cells.
 */
import type { SummaryMismatch } from '../shared/report-types';
import { PLATFORM_CODE, platformOfCode, type Platform } from '../shared/taxonomy';
import { dayMeets, type TimeSpan } from './data-span';
import type { DayRange } from './day-buckets';
import type { SummaryCell, SummaryCells } from './summaries';
import type { Tally } from './tally';

export interface CellResult {
  /** null: no cell of the range is known. */
  readonly initiated: number | null;
  /** Incomplete counts of summary cells without attempts (counted only when no section filter is set). */
  readonly fromSummary: number;
  /** The incomplete attempts Incomplete counts, in known cells (fromSummary not included). */
  readonly countedInKnownCells: number;
  /** The incomplete attempts Incomplete counts, in unknown cells. */
  readonly countedInUnknownCells: number;
  /** Days with an unknown cell of a selected platform that holds an attempt, ascending. */
  readonly unknownInitiatedDays: readonly string[];
  /** Days on which every selected platform's cell is known. */
  readonly knownDays: number;
  readonly mismatches: readonly SummaryMismatch[];
  readonly summaryRowsLeftOut: number;
  /**
   * Per day of the range: its initiated count when every selected platform's cell is known, else
   * null (a day known only in part has no rate of its own).
   */
  readonly dailyInitiated: readonly (number | null)[];
  /** Per day of the range: what `fromSummary` took from that day's summary cells. */
  readonly dailyFromSummary: readonly number[];
}

/** The day's platformless summary row when it stands for both platforms together (see above). */
function standingPlatformless(byPlatform: ReadonlyMap<number, SummaryCell> | undefined): SummaryCell | undefined {
  const platformless = byPlatform?.get(0);
  if (platformless === undefined) return undefined;
  const ios = byPlatform?.get(1);
  const android = byPlatform?.get(2);
  const replaced =
    ios !== undefined && android !== undefined && ios.seq > platformless.seq && android.seq > platformless.seq;
  return replaced ? undefined : platformless;
}

/**
 * The cells of the range whose initiated count is unknown, as [start ms, end ms, platform code]:
 * the funnel counts only the attempts of known cells, so that its base is the known Initiated.
 */
export function unknownCells(
  days: readonly DayRange[],
  platforms: readonly Platform[],
  summaries: SummaryCells,
  eventLogSpan: TimeSpan | null,
): [number, number, number][] {
  const codes = platforms.map((p) => PLATFORM_CODE[p]);
  const cells: [number, number, number][] = [];
  for (const day of days) {
    const byPlatform = summaries.get(day.date);
    if ((codes.length === 2 && standingPlatformless(byPlatform) !== undefined) || dayMeets(day, eventLogSpan)) continue;
    for (const code of codes) if (byPlatform?.has(code) !== true) cells.push([day.startMs, day.endMs, code]);
  }
  return cells;
}

export function countCells(
  days: readonly DayRange[],
  platforms: readonly Platform[],
  summaries: SummaryCells,
  counts: Pick<Tally, 'started' | 'incomplete' | 'counted'>,
  eventLogSpan: TimeSpan | null,
): CellResult {
  const codes = platforms.map((p) => PLATFORM_CODE[p]);
  const both = codes.length === 2;
  let initiated = 0;
  let anyKnown = false;
  let fromSummary = 0;
  let countedInKnownCells = 0;
  let countedInUnknownCells = 0;
  let knownDays = 0;
  let summaryRowsLeftOut = 0;
  const unknownInitiatedDays: string[] = [];
  const mismatches: SummaryMismatch[] = [];
  const dailyInitiated: (number | null)[] = [];
  const dailyFromSummary: number[] = [];

  /** A cell a summary covers: its initiated count; its incomplete count added or compared. */
  const useSummary = (
    date: string,
    platform: number,
    cell: SummaryCell,
    attempts: number,
    attemptsIncomplete: number,
  ): void => {
    initiated += cell.initiated;
    if (attempts === 0) {
      fromSummary += cell.incomplete ?? 0;
    } else if (cell.incomplete !== null && cell.incomplete !== attemptsIncomplete) {
      mismatches.push({
        date,
        platform: platform === 0 ? null : platformOfCode(platform),
        summaryIncomplete: cell.incomplete,
        attemptsIncomplete,
      });
    }
  };

  /** One day's cells; true when every selected platform's cell of the day is known. */
  const countDay = (day: DayRange, i: number): boolean => {
    const byPlatform = summaries.get(day.date);
    const started = counts.started[i] ?? [0, 0, 0];
    const incomplete = counts.incomplete[i] ?? [0, 0, 0];
    const counted = counts.counted[i] ?? [0, 0, 0];
    const platformless = both ? standingPlatformless(byPlatform) : byPlatform?.get(0);
    if (platformless !== undefined) {
      if (both) {
        anyKnown = true;
        knownDays++;
        useSummary(day.date, 0, platformless, started[1] + started[2], incomplete[1] + incomplete[2]);
        countedInKnownCells += counted[1] + counted[2];
        return true;
      }
      summaryRowsLeftOut += platformless.rows;
    }
    const inEventLog = dayMeets(day, eventLogSpan);
    let allKnown = true;
    let unknownWithAttempts = false;
    for (const code of codes as (1 | 2)[]) {
      const cell = byPlatform?.get(code);
      if (cell !== undefined) {
        useSummary(day.date, code, cell, started[code], incomplete[code]);
      } else if (inEventLog) {
        initiated += started[code];
      } else {
        allKnown = false;
        if (started[code] > 0) unknownWithAttempts = true;
        countedInUnknownCells += counted[code];
        continue;
      }
      anyKnown = true;
      countedInKnownCells += counted[code];
    }
    if (allKnown) knownDays++;
    if (unknownWithAttempts) unknownInitiatedDays.push(day.date);
    return allKnown;
  };
  days.forEach((day, i) => {
    const initiatedBefore = initiated;
    const fromSummaryBefore = fromSummary;
    const known = countDay(day, i);
    dailyInitiated.push(known ? initiated - initiatedBefore : null);
    dailyFromSummary.push(fromSummary - fromSummaryBefore);
  });
  return {
    initiated: anyKnown ? initiated : null,
    fromSummary,
    countedInKnownCells,
    countedInUnknownCells,
    unknownInitiatedDays,
    knownDays,
    mismatches,
    summaryRowsLeftOut,
    dailyInitiated,
    dailyFromSummary,
  };
}
