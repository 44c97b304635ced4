/**
 * What the printed report shows beside the report itself, read with the report's own range and
 * filters: each platform's roll-up (the tiles' split, the tables' rates per platform), the section
 * funnel and, when asked, the comparison with another period. The roll-ups and the comparison with
 * the previous period come from the reports the findings were computed from (findings/gather.ts),
 * so no report is computed twice for one printed page.
 */
import { reportFilterOf } from '../findings/finding';
import type { FindingsInput } from '../findings/input';
import { initiatedBase } from '../findings/rows';
import { compareReports, computeComparison } from '../compare/compare';
import { computeFunnel } from '../funnel/funnel';
import { maskReport } from '../shared/mask';
import type { CompareAgainst, Comparison } from '../shared/compare-types';
import type { Funnel } from '../shared/funnel-types';
import type { PlatformRollup } from '../shared/print-types';
import type { Report } from '../shared/report-types';
import type { Platform } from '../shared/taxonomy';
import type { CaseDb } from '../store/case-file';
import { maskKeyOf } from '../store/mask-key';

/** Each platform's roll-up: the findings' report of the same filter narrowed to that platform. */
export function platformRollupsOf(input: FindingsInput): Partial<Record<Platform, PlatformRollup>> {
  const rollups: Partial<Record<Platform, PlatformRollup>> = {};
  for (const platform of input.report.filters.platforms) {
    const alone = input.byPlatform[platform];
    if (!alone) continue;
    const { initiated, incomplete, incompleteRate } = alone.rollup;
    rollups[platform] = { initiated, incomplete, incompleteRate, base: initiatedBase(alone) };
  }
  return rollups;
}

/**
 * The report against another period, masked like the printed report: the previous period of the
 * same length is the findings' own; another period is computed.
 */
export function comparisonOf(db: CaseDb, input: FindingsInput, against: CompareAgainst, mask: boolean): Comparison {
  const comparison =
    against === 'previous' && input.previous !== null
      ? compareReports(input.report, input.previous)
      : computeComparison(db, reportFilterOf(input.report), against);
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
