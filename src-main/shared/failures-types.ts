/**
 * The successor data: Intune's enrollment failures, in their own view. Node-free.
 */
import type { ReportRange } from './report-types';

// The successor data (spec 8): Intune's enrollment failures, in their own view.

export interface FailuresFilter {
  /** Inclusive days in tz; default: the 14 days ending at the latest failure's day. */
  readonly from?: string;
  readonly to?: string;
  /** Default UTC. */
  readonly tz?: string;
}

/** The label of an empty reason, OS, method or category. */
export const NOT_GIVEN = '(not given)';

export interface FailuresReport {
  readonly range: ReportRange;
  readonly total: number;
  /** Every day of the range, zeros included. */
  readonly daily: readonly { readonly date: string; readonly count: number }[];
  /** By count descending, then by name. */
  readonly byReason: readonly { readonly reason: string; readonly count: number }[];
  readonly byOs: readonly { readonly os: string; readonly count: number }[];
  readonly byMethod: readonly { readonly method: string; readonly count: number }[];
  readonly byCategory: readonly { readonly category: string; readonly count: number }[];
}
