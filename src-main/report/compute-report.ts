/**
 * The report (spec 5) for a filter, from a case. All counting is one aggregate query over
 * attempt_buckets (see aggregate.ts); the rest is shaping a few hundred numbers.
 */
import type Database from 'better-sqlite3';
import { listImports } from '../store/imports';
import type {
  DailyPoint,
  DailyRate,
  DataQuality,
  DataQualityNote,
  PartialDay,
  Report,
  ReportFilter,
} from '../shared/report-types';
import { SECTIONS, namesEverySection } from '../shared/taxonomy';
import { readCase } from './case-reads';
import { loadCombos } from './combos';
import { isoSpan, partialDay, readCaseSpans } from './data-span';
import { dayRanges, type DayRange } from './day-buckets';
import { dayTotals } from './day-counts';
import { countCells } from './initiated';
import { resolveFilter } from './resolve-filter';
import { MAX_OBSERVED_ROWS, sectionTables } from './section-tables';
import { readSummaryCells, summaryDays, type SummaryCells } from './summaries';
import { tally, type Tally } from './tally';

export { ReportInputError } from './errors';

export interface ReportOptions {
  /**
   * Observed rows shown per section before the rest are folded into one "other wordings" row;
   * 'all' for exports that list every row. Default MAX_OBSERVED_ROWS.
   */
  readonly observedRows?: number | 'all';
}

export function computeReport(db: Database.Database, filter: ReportFilter = {}, options: ReportOptions = {}): Report {
  // One read transaction: the app imports on another connection, and a commit landing between
  // this report's statements (buckets, then combos, summaries, imports) would mix two states.
  return readCase(db, () => buildReport(db, filter, options));
}

function buildReport(db: Database.Database, filter: ReportFilter, options: ReportOptions): Report {
  const { from, to, tz, platforms, sections } = resolveFilter(db, filter);
  const days = dayRanges(from, to, tz);
  // A section filter that names all four sections is no section filter (spec 5).
  const allSections = namesEverySection(sections);

  const totals = dayTotals(db, days);
  const combos = loadCombos(db, totals.comboIds);
  const counts = tally(totals, platforms, combos, sections);

  const summaries = readSummaryCells(db, tz, from, to);
  const spans = readCaseSpans(db);
  const cells = countCells(days, platforms, summaries, counts, spans.eventLog);

  const maxObserved =
    options.observedRows === 'all' ? Number.POSITIVE_INFINITY : (options.observedRows ?? MAX_OBSERVED_ROWS);
  const tables = sectionTables(sections, platforms, counts.byCombo, combos, maxObserved);
  // Unclassified attempts and summary-only counts have no section: Incomplete counts them only
  // when no section filter is set, which keeps the sections' totals = incomplete - unclassified.
  const fromSummary = allSections ? cells.fromSummary : 0;
  const unclassified = allSections ? counts.unclassified + fromSummary : 0;
  const incomplete = tables.reduce((sum, table) => sum + table.incomplete, 0) + unclassified;
  const initiated = cells.initiated;
  const rateIncomplete = cells.countedInKnownCells + fromSummary;

  // A day with a summary row of any platform is never partial (spec 5).
  const summaryDaySet = new Set(summaryDays(db, tz));
  const partialDays: PartialDay[] = [];
  for (const day of days) {
    const partial = partialDay(day, spans.data, summaryDaySet);
    if (partial !== null) partialDays.push(partial);
  }
  const partialDates = new Set(partialDays.map((p) => p.date));

  const daily: DailyPoint[] = days.map((day, i) => {
    const point: Record<string, number | string | boolean> = { date: day.date };
    for (const section of sections) point[section] = counts.dailyBySection[i]?.[SECTIONS.indexOf(section)] ?? 0;
    if (partialDates.has(day.date)) point.partial = true;
    return point as DailyPoint;
  });

  // The day's Incomplete as the roll-up counts it (tally fills `counted` for the selected platforms only).
  const dailyRate: DailyRate[] = days.map((day, i) => {
    const counted = counts.counted[i] ?? [0, 0, 0];
    const dayIncomplete = counted[1] + counted[2] + (allSections ? (cells.dailyFromSummary[i] ?? 0) : 0);
    const dayInitiated = cells.dailyInitiated[i] ?? null;
    return {
      date: day.date,
      incomplete: dayIncomplete,
      initiated: dayInitiated,
      rate: dayInitiated === null || dayInitiated === 0 ? null : dayIncomplete / dayInitiated,
    };
  });

  const imports = listImports(db);
  const skippedRows = imports.reduce((sum, i) => sum + Object.values(i.skipped).reduce((a, b) => a + b, 0), 0);
  const duplicateRows = imports.reduce((sum, i) => sum + i.duplicates, 0);
  const daysWithoutData = emptyDays(days, counts, summaries);

  const dataQuality: DataQuality = {
    summaryRowsLeftOut: cells.summaryRowsLeftOut,
    rangeDays: days.length,
    knownInitiatedDays: cells.knownDays,
    incompleteOutsideRate: cells.countedInUnknownCells,
    partialDays,
    eventLogSpan: isoSpan(spans.eventLog),
    dataSpan: isoSpan(spans.data),
    summaryMismatches: cells.mismatches,
    daysWithoutData,
    skippedRows,
    duplicateRows,
    ...notes({
      summaryRowsLeftOut: cells.summaryRowsLeftOut,
      mismatches: cells.mismatches.length,
      unclassifiedCounted: allSections ? counts.unclassified : 0,
      unclassifiedLeftOut: allSections ? 0 : counts.unclassified,
      fromSummary,
      fromSummaryLeftOut: allSections ? 0 : cells.fromSummary,
      initiatedUnknown: initiated === null,
      incompleteOutsideRate: cells.countedInUnknownCells,
      unknownInitiatedDays: cells.unknownInitiatedDays.length,
      knownDays: cells.knownDays,
      partialDays,
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
      incompleteRate: initiated === null || initiated === 0 ? null : rateIncomplete / initiated,
      inProgress: counts.inProgress,
      unclassified,
      fromSummary,
    },
    coverage: { unknownInitiatedDays: cells.unknownInitiatedDays, partialDays: partialDays.map((p) => p.date) },
    daily,
    dailyRate,
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
  fromSummary: number;
  fromSummaryLeftOut: number;
  initiatedUnknown: boolean;
  incompleteOutsideRate: number;
  unknownInitiatedDays: number;
  knownDays: number;
  partialDays: readonly PartialDay[];
  daysWithoutData: number;
  days: number;
  skippedRows: number;
  duplicateRows: number;
}

/** `notes` (English, the JSON's) and `noteItems` (the same as facts, for other languages). */
function notes(f: NoteFacts): Pick<DataQuality, 'notes' | 'noteItems'> {
  const items = noteItems(f);
  return { notes: items.map(englishNote), noteItems: items };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The notes as facts, in the order the report lists them. */
function noteItems(f: NoteFacts): DataQualityNote[] {
  const out: DataQualityNote[] = [];
  if (f.initiatedUnknown) out.push({ kind: 'initiatedUnknown' });
  else if (f.unknownInitiatedDays > 0) {
    out.push({
      kind: 'rateCoversKnownDays',
      knownDays: f.knownDays,
      days: f.days,
      incomplete: f.incompleteOutsideRate,
      unknownDays: f.unknownInitiatedDays,
    });
  }
  if (f.fromSummary > 0) out.push({ kind: 'fromSummary', count: f.fromSummary });
  if (f.fromSummaryLeftOut > 0) out.push({ kind: 'fromSummaryLeftOut', count: f.fromSummaryLeftOut });
  for (const day of f.partialDays) {
    out.push({ kind: 'partialDay', date: day.date, dataStart: day.dataStart, dataEnd: day.dataEnd });
  }
  if (f.summaryRowsLeftOut > 0) out.push({ kind: 'summaryRowsLeftOut', count: f.summaryRowsLeftOut });
  if (f.mismatches > 0) out.push({ kind: 'summaryMismatches', count: f.mismatches });
  if (f.unclassifiedCounted > 0) out.push({ kind: 'unclassified', count: f.unclassifiedCounted });
  if (f.unclassifiedLeftOut > 0) out.push({ kind: 'unclassifiedLeftOut', count: f.unclassifiedLeftOut });
  if (f.daysWithoutData > 0) out.push({ kind: 'daysWithoutData', count: f.daysWithoutData, days: f.days });
  if (f.skippedRows > 0) out.push({ kind: 'skippedRows', count: f.skippedRows });
  if (f.duplicateRows > 0) out.push({ kind: 'duplicateRows', count: f.duplicateRows });
  return out;
}

/** A note's English sentence: the JSON's text (the contract), plain digits and ISO instants. */
export function englishNote(note: DataQualityNote): string {
  switch (note.kind) {
    case 'initiatedUnknown':
      return 'Initiated is unknown: no day of the range is covered by a summary row or an event log (abandonment details rows hold only the enrollments that were abandoned), so the rate cannot be computed.';
    case 'rateCoversKnownDays':
      return `The rate covers only the days whose initiated count is known (${note.knownDays} of ${plural(note.days, 'day', 'days')}): ${plural(note.incomplete, 'incomplete attempt', 'incomplete attempts')} on ${plural(note.unknownDays, 'day', 'days')} without a known initiated count ${note.incomplete === 1 ? 'is' : 'are'} counted in Incomplete and left out of the rate.`;
    case 'fromSummary':
      return `Incomplete includes ${note.count} from Intune's summary rows for days without attempts in the data: their sections are unknown, so they are counted as unclassified.`;
    case 'fromSummaryLeftOut':
      return `${plural(note.count, 'incomplete enrollment', 'incomplete enrollments')} from Intune's summary rows ${note.count === 1 ? 'is' : 'are'} not counted because a section filter is set (their sections are unknown).`;
    case 'partialDay':
      return `${note.date} is a partial day: the data covers it only from ${note.dataStart} to ${note.dataEnd} (UTC), so its counts cover part of the day.`;
    case 'summaryRowsLeftOut':
      return `${plural(note.count, 'summary row covers', 'summary rows cover')} both platforms together and cannot be split under a platform filter: left out.`;
    case 'summaryMismatches':
      return `${plural(note.count, 'summary cell disagrees', 'summary cells disagree')} with the attempts on the incomplete count (see summary mismatches).`;
    case 'unclassified':
      return `${plural(note.count, 'incomplete attempt', 'incomplete attempts')} ended before any action name was known (Unclassified): counted in Incomplete, in no section.`;
    case 'unclassifiedLeftOut':
      return `${plural(note.count, 'unclassified incomplete attempt is', 'unclassified incomplete attempts are')} not counted because a section filter is set.`;
    case 'daysWithoutData':
      return `${note.count} of ${plural(note.days, 'day', 'days')} in the range have no data.`;
    case 'skippedRows':
      return `${plural(note.count, 'row was', 'rows were')} skipped on import (see imports).`;
    case 'duplicateRows':
      return `${plural(note.count, 'duplicate row was', 'duplicate rows were')} stored once.`;
  }
}
