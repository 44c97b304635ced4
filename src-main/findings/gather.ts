/**
 * The reports the findings need, from a case, in one read transaction: the report as filtered and
 * the previous period of the same length (compare/compare.ts), the same filter for each platform
 * alone (initiated per platform), and the 14 days before the range (the unusual days' baselines).
 */
import type Database from 'better-sqlite3';
import { computeComparison } from '../compare/compare';
import { inReadTransaction } from '../report/span';
import { computeReport } from '../report/compute-report';
import { addDays } from '../shared/calendar-day';
import type { Finding } from '../shared/findings-types';
import type { Report, ReportFilter } from '../shared/report-types';
import type { Platform } from '../shared/taxonomy';
import { computeFindings } from './compute-findings';
import type { FindingsInput } from './input';
import { BASELINE_DAYS } from './thresholds';

export function gatherFindingsInput(db: Database.Database, filter: ReportFilter = {}): FindingsInput {
  return inReadTransaction(db, () => {
    const { current: report, previous } = computeComparison(db, filter, 'previous');
    const same = {
      from: report.range.from,
      to: report.range.to,
      tz: report.range.tz,
      sections: report.filters.sections,
    };
    const byPlatform: Partial<Record<Platform, Report>> = {};
    for (const platform of report.filters.platforms) {
      byPlatform[platform] =
        report.filters.platforms.length === 1 ? report : computeReport(db, { ...same, platforms: [platform] });
    }
    const baseline = { from: addDays(report.range.from, -BASELINE_DAYS), to: addDays(report.range.from, -1) };
    // With a range as long as the baseline (the default 14 days) the previous period is those very
    // days, with the same platforms, sections and zone: the same report, not computed twice.
    const history =
      previous.range.from === baseline.from && previous.range.to === baseline.to
        ? previous
        : computeReport(db, { ...same, platforms: report.filters.platforms, ...baseline });
    return { report, byPlatform, previous, history };
  });
}

/** The report as filtered and its findings, from one read of the case. */
export function reportWithFindings(
  db: Database.Database,
  filter: ReportFilter = {},
): { report: Report; findings: Finding[] } {
  const input = gatherFindingsInput(db, filter);
  return { report: input.report, findings: computeFindings(input) };
}
