/**
 * The comparison with another period: two reports, their differences and the caveats on
 * reading them. Node-free.
 */
import type { ReportRequest } from './ipc-contract';
import type { Report } from './report-types';
import type { CatalogPlatform, Section, UserAction } from './taxonomy';

// Comparison with another period.

/** 'previous': the period of equal length ending the day before `from`; else a chosen period. */
export type CompareAgainst = 'previous' | { readonly from: string; readonly to: string };

/** A table row in both periods, matched on action name, screen (trimmed, case-insensitive) and user action. */
export interface RowDelta {
  readonly actionName: string;
  readonly screen: string;
  readonly platform: CatalogPlatform;
  /** '' on an "other wordings" row (SectionRow.otherWordings). */
  readonly userAction: UserAction | '';
  readonly catalog: boolean;
  /** Set on an "other wordings" row: how many observed rows it folds (current period's, else previous). */
  readonly otherWordings?: number;
  readonly current: number;
  readonly previous: number;
  /** current - previous. */
  readonly count: number;
}

export interface SectionDelta {
  readonly section: Section;
  readonly current: number;
  readonly previous: number;
  /** current - previous of the section's incomplete total. */
  readonly incomplete: number;
  /** The current report's rows in its order, then rows seen only in the previous period. */
  readonly rows: readonly RowDelta[];
}

export interface ReportDelta {
  /** current - previous; null when either period's initiated is unknown (null). */
  readonly initiated: number | null;
  readonly incomplete: number;
  /** current - previous of the rates (fractions, like rollup.incompleteRate: 0.025 = 2.5 points); null when either is null. */
  readonly incompleteRate: number | null;
  readonly inProgress: number;
  readonly unclassified: number;
  /** current - previous of rollup.fromSummary. */
  readonly fromSummary: number;
  readonly sections: readonly SectionDelta[];
}

/** Why a comparison's differences may not mean what they seem (one per fact). */
export interface CompareCaveat {
  /** Which period the caveat is about. */
  readonly period: 'current' | 'previous';
  /** partial-days: the period holds partial days; unknown-initiated: it holds unknown initiated cells with attempts. */
  readonly kind: 'partial-days' | 'unknown-initiated';
  /** The days concerned, ascending. */
  readonly days: readonly string[];
  /** One sentence for people, e.g. "The current period holds a partial day (2025-06-14): its counts cover only part of it." */
  readonly message: string;
}

export interface Comparison {
  readonly current: Report;
  readonly previous: Report;
  readonly delta: ReportDelta;
  /** Empty when both periods are whole (no partial day, no unknown initiated day). */
  readonly caveats: readonly CompareCaveat[];
}

export interface CompareRequest {
  readonly report: ReportRequest;
  readonly against: CompareAgainst;
}
