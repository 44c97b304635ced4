/**
 * Initiated (spec 5), cell by cell: a (day, platform) cell that a summary row covers takes the
 * summary's initiated count; any other cell counts the attempts that started in it.
 *
 * - Both platforms selected: a day's platformless summary covers the whole day (its per-platform
 *   rows, if any, are then not used); otherwise per-platform rows cover their cells.
 * - One platform selected: a platformless row cannot be split, so it is left out (counted) and the
 *   cell falls back to the attempts unless a per-platform row covers it.
 * - Every summary cell used is checked: its incomplete count (when given) against the incomplete
 *   attempts of the same cell, all sections and unclassified included.
 */
import type { SummaryMismatch } from '../shared/report-types';
import { PLATFORM_CODE, platformOfCode, type Platform } from '../shared/taxonomy';
import type { DayRange } from './day-buckets';
import type { SummaryCell, SummaryCells } from './summaries';
import type { ByPlatform } from './tally';

export interface InitiatedResult {
  readonly initiated: number;
  readonly mismatches: readonly SummaryMismatch[];
  readonly summaryRowsLeftOut: number;
}

export function countInitiated(
  days: readonly DayRange[],
  platforms: readonly Platform[],
  summaries: SummaryCells,
  started: readonly ByPlatform[],
  incomplete: readonly ByPlatform[],
): InitiatedResult {
  const codes = platforms.map((p) => PLATFORM_CODE[p]);
  const both = codes.length === 2;
  let initiated = 0;
  let summaryRowsLeftOut = 0;
  const mismatches: SummaryMismatch[] = [];

  const useSummary = (date: string, platform: number, cell: SummaryCell, attemptsIncomplete: number): void => {
    initiated += cell.initiated;
    if (cell.incomplete !== null && cell.incomplete !== attemptsIncomplete) {
      mismatches.push({
        date,
        platform: platform === 0 ? null : platformOfCode(platform),
        summaryIncomplete: cell.incomplete,
        attemptsIncomplete,
      });
    }
  };

  days.forEach((day, i) => {
    const byPlatform = summaries.get(day.date);
    const dayStarted = started[i] ?? [0, 0, 0];
    const dayIncomplete = incomplete[i] ?? [0, 0, 0];
    const platformless = byPlatform?.get(0);
    if (platformless !== undefined) {
      if (both) {
        useSummary(day.date, 0, platformless, dayIncomplete[1] + dayIncomplete[2]);
        return;
      }
      summaryRowsLeftOut += platformless.rows;
    }
    for (const code of codes) {
      const cell = byPlatform?.get(code);
      if (cell !== undefined) useSummary(day.date, code, cell, dayIncomplete[code as 1 | 2]);
      else initiated += dayStarted[code as 1 | 2];
    }
  });
  return { initiated, mismatches, summaryRowsLeftOut };
}
