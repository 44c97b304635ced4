/**
 * The drill-down's contract, checked against a report: the attempts behind every table row, every
 * daily point and every tile are exactly as many as the report counts there.
 */
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { listAttempts } from '../../src-main/drilldown/attempts';
import { computeReport } from '../../src-main/report/compute-report';
import type { AttemptQuery } from '../../src-main/shared/drilldown-types';
import type { Report, ReportFilter } from '../../src-main/shared/report-types';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';

const total = (db: Database.Database, query: AttemptQuery): number => listAttempts(db, { ...query, limit: 0 }).total;

/** Checks every row, day and tile of the report for `filter`; returns the report. */
export function expectDrillDownMatchesReport(db: Database.Database, filter: ReportFilter): Report {
  const report = computeReport(db, filter);
  const base: ReportFilter = {
    from: report.range.from,
    to: report.range.to,
    tz: report.range.tz,
    platforms: report.filters.platforms,
    sections: report.filters.sections,
  };
  const where = (what: string): string => `${what} (${JSON.stringify(base)})`;
  for (const table of report.sections) {
    expect(total(db, { ...base, section: table.section }), where(`section ${table.section}`)).toBe(table.incomplete);
    for (const row of table.rows) {
      const rowQuery = { ...base, actionName: row.actionName, screen: row.screen, userAction: row.userAction };
      const label = `${table.section} / ${row.actionName} / ${row.screen} / ${row.userAction}`;
      expect(total(db, rowQuery), where(label)).toBe(row.count);
      for (const platform of PLATFORMS) {
        if (!report.filters.platforms.includes(platform)) continue;
        expect(total(db, { ...rowQuery, platform }), where(`${label} on ${platform}`)).toBe(row.byPlatform[platform]);
      }
    }
  }
  for (const point of report.daily) {
    for (const section of report.filters.sections) {
      expect(total(db, { ...base, date: point.date, section }), where(`${point.date} ${section}`)).toBe(point[section]);
    }
  }
  expect(total(db, base), where('Incomplete tile')).toBe(report.rollup.incomplete);
  expect(total(db, { ...base, outcome: 'in progress' }), where('In progress')).toBe(report.rollup.inProgress);
  expect(total(db, { ...base, section: 'Unclassified' }), where('Unclassified')).toBe(report.rollup.unclassified);
  const allSections = report.filters.sections.length === SECTIONS.length;
  if (allSections) {
    const sections = report.sections.reduce((sum, t) => sum + t.incomplete, 0);
    expect(sections + report.rollup.unclassified).toBe(report.rollup.incomplete);
  }
  return report;
}

/** Initiated as attempts (equal to the report's Initiated when no summary row covers a cell). */
export const attemptsInitiated = (db: Database.Database, filter: ReportFilter): number =>
  total(db, { ...filter, outcome: 'all' });
