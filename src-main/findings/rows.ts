/** The section tables' rows ranked by count, and a platform's base for a row's rate. */
import type { FindingFilter } from '../shared/findings-types';
import type { Report, SectionRow } from '../shared/report-types';
import type { Platform, Section, UserAction } from '../shared/taxonomy';
import { reportFilterOf } from './finding';
import type { FindingsInput } from './input';

export interface RankedRow {
  readonly section: Section;
  readonly row: SectionRow & { readonly userAction: UserAction };
}

/** A table row's identity as the drill-down matches it (section, action name, screen, user action). */
export function rowFilter(report: Report, ranked: RankedRow): FindingFilter {
  return {
    ...reportFilterOf(report),
    section: ranked.section,
    actionName: ranked.row.actionName,
    screen: ranked.row.screen,
    userAction: ranked.row.userAction,
  };
}

/**
 * Rows with a count, by count descending (ties: the tables' order). The "other wordings" row
 * folds several observed rows: it is no single place where users stop, so it is never ranked.
 */
export function rankedRows(report: Report): RankedRow[] {
  const rows: RankedRow[] = [];
  for (const table of report.sections) {
    for (const row of table.rows) {
      if (row.count > 0 && row.otherWordings === undefined && row.userAction !== '') {
        rows.push({ section: table.section, row: row as RankedRow['row'] });
      }
    }
  }
  return rows
    .map((ranked, index) => ({ ranked, index }))
    .sort((a, b) => b.ranked.row.count - a.ranked.row.count || a.index - b.index)
    .map(({ ranked }) => ranked);
}

/**
 * The initiated count a count of the report can be set against: null when it is unknown, or when
 * some attempts of the range lie in cells whose initiated count is unknown (a count may hold some
 * of those, the base would not).
 */
export function initiatedBase(report: Report | undefined | null): number | null {
  if (!report) return null;
  const initiated = report.rollup.initiated;
  if (initiated === null || initiated <= 0 || report.coverage.unknownInitiatedDays.length > 0) return null;
  return initiated;
}

export const platformBase = (input: FindingsInput, platform: Platform): number | null =>
  initiatedBase(input.byPlatform[platform]);
