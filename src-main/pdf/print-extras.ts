/**
 * What the printed report shows beside the report itself, read from the case with the report's
 * own range and filters: each platform's roll-up (the tiles' split, the tables' rates per
 * platform), the section funnel and, when asked, the comparison with another period.
 */
import type Database from 'better-sqlite3';
import { reportFilterOf } from '../findings/finding';
import { initiatedBase } from '../findings/rows';
import { computeComparison } from '../compare/compare';
import { computeFunnel } from '../funnel/funnel';
import { computeReport } from '../report/compute-report';
import { maskReport } from '../shared/mask';
import type { CompareAgainst, Comparison } from '../shared/compare-types';
import type { Funnel } from '../shared/funnel-types';
import type { PlatformRollup } from '../shared/print-types';
import type { Report } from '../shared/report-types';
import type { Platform } from '../shared/taxonomy';
import type { CaseDb } from '../store/case-file';
import { maskKeyOf } from '../store/mask-key';

export function platformRollupsOf(db: Database.Database, report: Report): Partial<Record<Platform, PlatformRollup>> {
  const filter = reportFilterOf(report);
  const rollups: Partial<Record<Platform, PlatformRollup>> = {};
  for (const platform of report.filters.platforms) {
    const alone = computeReport(db, { ...filter, platforms: [platform] });
    const { initiated, incomplete, incompleteRate } = alone.rollup;
    rollups[platform] = { initiated, incomplete, incompleteRate, base: initiatedBase(alone) };
  }
  return rollups;
}

/** The report against another period (the previous one of the same length, or a chosen one); masked like the printed report. */
export function comparisonOf(db: CaseDb, report: Report, against: CompareAgainst, mask: boolean): Comparison {
  const comparison = computeComparison(db, reportFilterOf(report), against);
  if (!mask) return comparison;
  const key = maskKeyOf(db);
  return {
    ...comparison,
    current: maskReport(comparison.current, key),
    previous: maskReport(comparison.previous, key),
  };
}

/** The section funnel of the report's range and platforms: the whole flow, whatever the section filter. */
export function funnelOf(db: CaseDb, report: Report): Funnel {
  const { from, to, tz } = report.range;
  return computeFunnel(db, { from, to, tz, platforms: report.filters.platforms });
}
