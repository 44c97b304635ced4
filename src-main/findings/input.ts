/**
 * What the findings are computed from: report values only (no database), so the rules are plain
 * functions tested on the reports of real case files. gather.ts computes these from a case.
 */
import type { Report } from '../shared/report-types';
import type { Platform } from '../shared/taxonomy';

export interface FindingsInput {
  /** The report as filtered. */
  readonly report: Report;
  /** The same filter narrowed to one platform, for each platform of the filter (initiated per platform). */
  readonly byPlatform: Partial<Readonly<Record<Platform, Report>>>;
  /** The previous period of the same length, same platforms, sections and zone; null: not compared. */
  readonly previous: Report | null;
  /** The days just before the range (the unusual days' baselines), same filter; null: none. */
  readonly history: Report | null;
}
