/**
 * When a finding is said. Each number is a decision (docs/findings.md explains them): a finding a
 * customer reads must rest on a difference that is both unlikely by chance and large enough to act on.
 */

/** Significance level of every test (two-sided). */
export const ALPHA = 0.05;

/** How many of the section tables' rows "where users stop" names (rows with a count only). */
export const TOP_ROWS = 3;

/** Platform gap: the rates must differ by at least this (a fraction: 2 percentage points)… */
export const MIN_RATE_GAP = 0.02;
/** …and each platform must have this many initiated enrollments and incomplete ones in total. */
export const MIN_PLATFORM_INITIATED = 30;
export const MIN_GAP_INCOMPLETE = 10;

/** A change of the overall rate: at least 2 percentage points. */
export const MIN_RATE_CHANGE = 0.02;
/** A change of a count (overall or a row): at least this many attempts and this share of the larger count. */
export const MIN_COUNT_CHANGE = 5;
export const MIN_RELATIVE_CHANGE = 0.2;
/** Rows tested for a change: the top rows of either period, at most this many. */
export const CHANGE_ROWS = 5;

/** Unusual days: the baseline is the previous 14 whole days; at least 7 of them must be usable. */
export const BASELINE_DAYS = 14;
export const MIN_BASELINE_DAYS = 7;
/** Robust score above which a day is unusual (Iglewicz and Hoaglin's 3.5)… */
export const UNUSUAL_Z = 3.5;
/** …and the fewest incomplete attempts a section's day must hold to be named. */
export const MIN_UNUSUAL_COUNT = 5;
/** At most this many unusual days are named (the highest scores). */
export const MAX_UNUSUAL_DAYS = 5;

/** Unclassified incomplete above this share of Incomplete is a caveat. */
export const UNCLASSIFIED_SHARE = 0.05;
