/**
 * Findings: the sentences after the counts (where users stop, how much worse one platform is, what
 * changed, which days were unusual, how far the numbers can be trusted), computed from report
 * values by src-main/findings without any model or network. Node-free: the renderer draws them and
 * can re-render their text from `kind` + `numbers` + `filter` (shared/findings-text.ts).
 *
 * Every number a finding rests on is in `numbers`, under a stable name, as the report JSON has it
 * (counts as counts, rates and shares as fractions: 0.385 = 38.5%), and `filter` shows the
 * attempts behind it (an AttemptQuery: the report filter plus the row, day or platform).
 */
import type { ReportFilter } from './report-types';
import type { Platform, Section, UserAction } from './taxonomy';

/** The report filter that shows a finding's attempts, narrowed to a row, a day or a platform. */
export interface FindingFilter extends ReportFilter {
  readonly from: string;
  readonly to: string;
  readonly tz: string;
  readonly platforms: readonly Platform[];
  readonly sections: readonly Section[];
  /** A section table row: section, action name, screen and user action together. */
  readonly section?: Section;
  readonly actionName?: string;
  readonly screen?: string;
  readonly userAction?: UserAction;
  /** One day (an unusual day). */
  readonly date?: string;
  /** One platform (the platform that fares worse). */
  readonly platform?: Platform;
}

/** A period the finding compares with. */
export interface FindingPeriod {
  readonly from: string;
  readonly to: string;
}

type Numbers<K extends string> = Readonly<Record<K, number | null>>;

interface Base<K extends string, N extends string> {
  readonly kind: K;
  /** One English sentence, rendered from kind + numbers + filter (shared/findings-text.ts). */
  readonly text: string;
  readonly numbers: Numbers<N>;
  readonly filter: FindingFilter;
}

/**
 * Where users stop: one of the top rows of the section tables. `share` = count / rollup.incomplete;
 * `iosRate`/`androidRate` = the row's count on that platform / that platform's initiated
 * enrollments; null when that platform's initiated count is unknown, wholly or on some days that
 * hold attempts (the row's count could not be matched to its base).
 */
export type StopFinding = Base<
  'where-users-stop',
  | 'rank'
  | 'count'
  | 'incomplete'
  | 'share'
  | 'ios'
  | 'android'
  | 'iosInitiated'
  | 'androidInitiated'
  | 'iosRate'
  | 'androidRate'
>;

/**
 * Platform gap: the incomplete rate of iOS/iPadOS against Android's, said only when a two-sided
 * two-proportion z-test gives p < 0.05 and the gap is at least 2 percentage points with enough
 * enrollments on both sides. `difference` = iosRate - androidRate (fraction). `knownDays` of
 * `rangeDays`: the days whose initiated count is known on both platforms (the rates cover those).
 */
export type PlatformGapFinding = Base<
  'platform-gap',
  | 'iosIncomplete'
  | 'iosInitiated'
  | 'iosRate'
  | 'androidIncomplete'
  | 'androidInitiated'
  | 'androidRate'
  | 'difference'
  | 'z'
  | 'pValue'
  | 'knownDays'
  | 'rangeDays'
> & { readonly worse: Platform };

/**
 * The change of the incomplete rate against the previous period of the same length (two-sided
 * two-proportion z-test on the incomplete counted in known cells over initiated). `difference`
 * is the rate's change (fraction). `partialDays`/`unknownDays`: how many of each the two periods
 * hold together; the sentence says so when not 0.
 */
export type RateChangeFinding = Base<
  'rate-change',
  | 'currentIncomplete'
  | 'currentInitiated'
  | 'currentRate'
  | 'previousIncomplete'
  | 'previousInitiated'
  | 'previousRate'
  | 'difference'
  | 'z'
  | 'pValue'
  | 'partialDays'
  | 'unknownDays'
> & { readonly previous: FindingPeriod };

/**
 * The change of an incomplete count against the previous period when initiated is unknown in
 * either period: an exact binomial test of the current count given the two counts' sum (equal
 * lengths: a half each under no change). Overall (no row in the filter) or for one row.
 */
export type CountChangeFinding = Base<'count-change', 'current' | 'previous' | 'change' | 'pValue'> & {
  readonly previous: FindingPeriod;
};

/**
 * The change of one row's count per initiated enrollment against the previous period (two-proportion
 * z-test, Holm-adjusted over the rows tested: `pValue` is the adjusted one, `rawPValue` the test's).
 */
export type RowChangeFinding = Base<
  'row-change',
  | 'current'
  | 'currentInitiated'
  | 'currentRate'
  | 'previous'
  | 'previousInitiated'
  | 'previousRate'
  | 'difference'
  | 'z'
  | 'rawPValue'
  | 'pValue'
  | 'partialDays'
  | 'unknownDays'
> & { readonly previous: FindingPeriod };

/**
 * A day whose incomplete count in one section lies far above its baseline: the previous 14 whole
 * days (partial days and days before the data left out; at least 7). `z` = (count - median) / scale,
 * scale = max(1.4826 × MAD, √max(median, 1)).
 */
export type UnusualDayFinding = Base<'unusual-day', 'count' | 'median' | 'mad' | 'scale' | 'z' | 'baselineDays'>;

/** Days of the range with attempts but an unknown initiated count; the rate leaves `incompleteOutsideRate` out. */
export type UnknownInitiatedCaveat = Base<
  'caveat-unknown-initiated',
  'days' | 'rangeDays' | 'incompleteOutsideRate'
> & {
  readonly days: readonly string[];
};
/** No initiated count is known for the range: no rate. */
export type NoInitiatedCaveat = Base<'caveat-no-initiated', 'incomplete'>;
export type PartialDaysCaveat = Base<'caveat-partial-days', 'days'> & { readonly days: readonly string[] };
export type UnclassifiedCaveat = Base<'caveat-unclassified', 'unclassified' | 'fromSummary' | 'incomplete' | 'share'>;
export type SummaryMismatchCaveat = Base<'caveat-summary-mismatch', 'cells'>;
export type SkippedRowsCaveat = Base<'caveat-skipped-rows', 'skippedRows' | 'files'>;
/**
 * A comparison held back. 'no-data-before': the previous period lies (partly) before the case's
 * data (`days`: its days without data outside the data span). 'partial-days': only counts could be
 * compared (initiated unknown) and the periods hold partial days (`days`: how many), which would
 * make a count look lower than it was.
 */
export type ChangeHeldBackCaveat = Base<'caveat-change-held-back', 'days'> & {
  readonly reason: 'no-data-before' | 'partial-days';
  readonly previous: FindingPeriod;
};

export type Finding =
  | StopFinding
  | PlatformGapFinding
  | RateChangeFinding
  | CountChangeFinding
  | RowChangeFinding
  | UnusualDayFinding
  | UnknownInitiatedCaveat
  | NoInitiatedCaveat
  | PartialDaysCaveat
  | UnclassifiedCaveat
  | SummaryMismatchCaveat
  | SkippedRowsCaveat
  | ChangeHeldBackCaveat;

export type FindingKind = Finding['kind'];

/** Caveats: how far the numbers can be trusted. Everything else is a finding about the enrollments. */
export const isCaveat = (finding: Finding): boolean => finding.kind.startsWith('caveat-');

/**
 * What `report --format json` prints: the report as the engine computes it (the contract's shape,
 * unchanged) plus its findings, ranked. The Report type itself carries no findings: they are
 * computed from it (and from the reports beside it), not by it.
 */
export type ReportWithFindings<R> = R & { readonly findings: readonly Finding[] };
