/**
 * The report (spec 5) for a filter, from a case. All counting is one aggregate query over
 * attempt_buckets (see aggregate.ts); the rest is shaping a few hundred numbers.
 */
import type Database from 'better-sqlite3';
import { listImports } from '../store/imports';
import type { DailyPoint, DataQuality, Report, ReportFilter } from '../shared/report-types';
import { SECTIONS } from '../shared/taxonomy';
import { aggregateDays } from './aggregate';
import { loadCombos } from './combos';
import { dayRanges, type DayRange } from './day-buckets';
import { countInitiated } from './initiated';
import { resolveFilter } from './resolve-filter';
import { sectionTables } from './section-tables';
import { readSummaryCells, type SummaryCells } from './summaries';
import { sumCells, tally, type Tally } from './tally';

export { ReportInputError } from './errors';

export function computeReport(db: Database.Database, filter: ReportFilter = {}): Report {
  // One read transaction: the app imports on another connection, and a commit landing between
  // this report's statements (buckets, then combos, summaries, imports) would mix two states.
  const build = (): Report => buildReport(db, filter);
  return db.inTransaction ? build() : db.transaction(build)();
}

function buildReport(db: Database.Database, filter: ReportFilter): Report {
  const { from, to, tz, platforms, sections } = resolveFilter(db, filter);
  const days = dayRanges(from, to, tz);

  const totals = sumCells(aggregateDays(db, days));
  const combos = loadCombos(db, totals.comboIds);
  const counts = tally(totals, platforms, combos);

  const summaries = readSummaryCells(db, tz, from, to);
  const { initiated, mismatches, summaryRowsLeftOut } = countInitiated(
    days,
    platforms,
    summaries,
    counts.started,
    counts.incomplete,
  );

  const allSections = sections.length === SECTIONS.length;
  const tables = sectionTables(sections, platforms, counts.byCombo, combos);
  // Unclassified attempts count only when no section filter is set (spec 5), which keeps
  // sections' totals = incomplete - unclassified.
  const unclassified = allSections ? counts.unclassified : 0;
  const incomplete = tables.reduce((sum, table) => sum + table.incomplete, 0) + unclassified;

  const daily: DailyPoint[] = days.map((day, i) => {
    const point: Record<string, number | string> = { date: day.date };
    for (const section of sections) point[section] = counts.dailyBySection[i]?.[SECTIONS.indexOf(section)] ?? 0;
    return point as DailyPoint;
  });

  const imports = listImports(db);
  const skippedRows = imports.reduce((sum, i) => sum + Object.values(i.skipped).reduce((a, b) => a + b, 0), 0);
  const duplicateRows = imports.reduce((sum, i) => sum + i.duplicates, 0);
  const daysWithoutData = emptyDays(days, counts, summaries);

  const dataQuality: DataQuality = {
    summaryRowsLeftOut,
    rangeDays: days.length,
    knownInitiatedDays: days.length,
    incompleteOutsideRate: 0,
    partialDays: [],
    eventLogSpan: null,
    dataSpan: null,
    summaryMismatches: mismatches,
    daysWithoutData,
    skippedRows,
    duplicateRows,
    notes: notes({
      summaryRowsLeftOut,
      mismatches: mismatches.length,
      unclassifiedCounted: unclassified,
      unclassifiedLeftOut: allSections ? 0 : counts.unclassified,
      daysWithoutData: daysWithoutData.length,
      days: days.length,
      skippedRows,
      duplicateRows,
    }),
  };

  return {
    range: { from, to, tz },
    filters: { platforms, sections },
    rollup: {
      initiated,
      incomplete,
      incompleteRate: initiated > 0 ? incomplete / initiated : null,
      inProgress: counts.inProgress,
      unclassified,
      fromSummary: 0,
    },
    coverage: { unknownInitiatedDays: [], partialDays: [] },
    daily,
    sections: tables,
    imports,
    dataQuality,
  };
}

/** Days with no attempt (any platform) and no summary row: gaps in the data, whatever the filter. */
function emptyDays(days: readonly DayRange[], counts: Tally, summaries: SummaryCells): string[] {
  return days
    .filter((day, i) => {
      const started = counts.started[i];
      return (started === undefined || started[1] + started[2] === 0) && !summaries.has(day.date);
    })
    .map((day) => day.date);
}

interface NoteFacts {
  summaryRowsLeftOut: number;
  mismatches: number;
  unclassifiedCounted: number;
  unclassifiedLeftOut: number;
  daysWithoutData: number;
  days: number;
  skippedRows: number;
  duplicateRows: number;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function notes(f: NoteFacts): string[] {
  const out: string[] = [];
  if (f.summaryRowsLeftOut > 0) {
    out.push(
      `${plural(f.summaryRowsLeftOut, 'summary row covers', 'summary rows cover')} both platforms together and cannot be split under a platform filter: left out, those days' Initiated comes from the attempts.`,
    );
  }
  if (f.mismatches > 0) {
    out.push(
      `${plural(f.mismatches, 'summary cell disagrees', 'summary cells disagree')} with the attempts on the incomplete count (see summary mismatches).`,
    );
  }
  if (f.unclassifiedCounted > 0) {
    out.push(
      `${plural(f.unclassifiedCounted, 'incomplete attempt', 'incomplete attempts')} ended before any action name was known (Unclassified): counted in Incomplete, in no section.`,
    );
  }
  if (f.unclassifiedLeftOut > 0) {
    out.push(
      `${plural(f.unclassifiedLeftOut, 'unclassified incomplete attempt is', 'unclassified incomplete attempts are')} not counted because a section filter is set.`,
    );
  }
  if (f.daysWithoutData > 0) {
    out.push(`${f.daysWithoutData} of ${plural(f.days, 'day', 'days')} in the range have no data.`);
  }
  if (f.skippedRows > 0) {
    out.push(`${plural(f.skippedRows, 'row was', 'rows were')} skipped on import (see imports).`);
  }
  if (f.duplicateRows > 0) {
    out.push(`${plural(f.duplicateRows, 'duplicate row was', 'duplicate rows were')} stored once.`);
  }
  return out;
}
