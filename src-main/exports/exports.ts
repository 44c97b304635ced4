/**
 * Exports of a report: pure functions of a Report (and of drill-down rows),
 * Node-free, used by the app's save (through main) and by the command line.
 *
 * Decisions:
 * - CSV for Excel: UTF-8 with a BOM (Excel opens UTF-8 without one as the local code page), RFC
 *   4180 (comma, CRLF, fields quoted when they hold a comma, a quote or a line break).
 * - Dates are ISO (`YYYY-MM-DD`, instants ISO 8601 UTC). The time zone is named in a column,
 *   `timeZone`, on every row, beside `from` and `to`: a comment line above the header would be
 *   read as data by Excel and by CSV readers, a column survives sorting and pasting.
 * - Every field goes through csvField (report/format-csv.ts), the one CSV field writer: a text cell
 *   a spreadsheet would read as a formula gets a leading apostrophe, cells with a delimiter (`,`
 *   or `;`) are quoted; screen texts and file names come from imported files. Counts are numbers.
 * - The JSON export is the command line's JSON (`report --format json`), byte for byte.
 */
import type { Comparison } from '../shared/compare-types';
import type { AttemptRow } from '../shared/drilldown-types';
import type { FailuresReport } from '../shared/failures-types';
import type { Funnel } from '../shared/funnel-types';
import type { Report, SectionTable } from '../shared/report-types';
import type { Section } from '../shared/taxonomy';
import { CSV_HEADER, csvField, sectionRowCells } from '../report/format-csv';
import { machineJson } from '../shared/machine-json';

export const BOM = '\uFEFF';

function csv(rows: readonly (readonly (string | number | null)[])[], excel: boolean): string {
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return `${excel ? BOM : ''}${body}\r\n`;
}

export const SECTION_TABLE_COLUMNS = [...CSV_HEADER, 'catalog', 'from', 'to', 'timeZone'] as const;

function tableRows(report: Report, table: SectionTable): (string | number)[][] {
  const { from, to, tz } = report.range;
  return table.rows.map((row) => [...sectionRowCells(table, row), row.catalog ? 'yes' : 'no', from, to, tz]);
}

/** Every section table of the report as one CSV table (the sections in the report's order). */
export function exportSectionTablesCsv(report: Report): string {
  return csv([[...SECTION_TABLE_COLUMNS], ...report.sections.flatMap((table) => tableRows(report, table))], true);
}

/** One section's table; a section the report does not show gives the header alone. */
export function exportSectionTableCsv(report: Report, section: Section): string {
  const table = report.sections.find((t) => t.section === section);
  return csv([[...SECTION_TABLE_COLUMNS], ...(table ? tableRows(report, table) : [])], true);
}

/**
 * The daily series: one row a day, one column per section shown, the zone, and `partialDay`
 * ("yes" on a day the data covers only in part, so that no one reads its counts as a drop).
 */
export function exportDailyCsv(report: Report): string {
  const sections = report.filters.sections;
  const header = ['date', ...sections, 'timeZone', 'partialDay'];
  const rows = report.daily.map((point) => [
    point.date,
    ...sections.map((section) => {
      const value = point[section];
      return typeof value === 'number' ? value : 0;
    }),
    report.range.tz,
    point.partial === true ? 'yes' : '',
  ]);
  return csv([header, ...rows], true);
}

/** The whole report as the command line prints it with `--format json`. */
export function exportReportJson(report: Report): string {
  return machineJson(report);
}

export const ATTEMPT_COLUMNS = [
  'user',
  'device',
  'platform',
  'started',
  'startedLocal',
  'day',
  'ended',
  'durationMs',
  'outcome',
  'actionName',
  'screen',
  'userAction',
  'section',
  'source',
  'sourceFile',
  'sourceLine',
  'timeZone',
] as const;

/**
 * Drill-down rows as CSV. `excel` (default): with a BOM, for a file a person opens; the command line
 * writes it without, like `report --format csv`. The formula guard holds in both.
 */
export function exportAttemptsCsv(rows: readonly AttemptRow[], tz: string, options: { excel?: boolean } = {}): string {
  const excel = options.excel ?? true;
  const lines = rows.map((r) => [
    r.user,
    r.device,
    r.platform,
    r.started,
    r.startedLocal,
    r.day,
    r.ended,
    r.durationMs,
    r.outcome,
    r.actionName,
    r.screen,
    r.userAction,
    r.section,
    r.source,
    r.sourceFile,
    r.sourceLine,
    tz,
  ]);
  return csv([[...ATTEMPT_COLUMNS], ...lines], excel);
}

/** The section funnel: one row per section in flow order; times in ms; rates as fractions. */
export function exportFunnelCsv(funnel: Funnel): string {
  const { from, to, tz } = funnel.range;
  const header = [
    'section',
    'reached',
    'incomplete',
    'stepConversion',
    'overallConversion',
    'medianMs',
    'p75Ms',
    'initiated',
    'from',
    'to',
    'timeZone',
  ];
  const rows = funnel.sections.map((s) => [
    s.section,
    s.reached,
    s.incomplete,
    s.stepConversion,
    s.overallConversion,
    s.medianMs,
    s.p75Ms,
    funnel.initiated,
    from,
    to,
    tz,
  ]);
  return csv([header, ...rows], true);
}

/** The failures view as one table: `dimension` is date, reason, category, os or method. */
export function exportFailuresCsv(view: FailuresReport): string {
  const { from, to, tz } = view.range;
  const rows: (string | number)[][] = [
    ...view.daily.map((d) => ['date', d.date, d.count]),
    ...view.byReason.map((r) => ['reason', r.reason, r.count]),
    ...view.byCategory.map((r) => ['category', r.category, r.count]),
    ...view.byOs.map((r) => ['os', r.os, r.count]),
    ...view.byMethod.map((r) => ['method', r.method, r.count]),
  ].map((row) => [...row, from, to, tz]);
  return csv([['dimension', 'value', 'count', 'from', 'to', 'timeZone'], ...rows], true);
}

/** Per-row deltas of a comparison: every row of every section, both periods named. */
export function exportComparisonCsv(comparison: Comparison): string {
  const now = comparison.current.range;
  const then = comparison.previous.range;
  const header = [
    'section',
    'actionName',
    'screen',
    'platform',
    'userAction',
    'current',
    'previous',
    'delta',
    'currentFrom',
    'currentTo',
    'previousFrom',
    'previousTo',
    'timeZone',
  ];
  const rows = comparison.delta.sections.flatMap((section) =>
    section.rows.map((r) => [
      section.section,
      r.actionName,
      r.screen,
      r.platform,
      r.userAction,
      r.current,
      r.previous,
      r.count,
      now.from,
      now.to,
      then.from,
      then.to,
      now.tz,
    ]),
  );
  return csv([header, ...rows], true);
}
