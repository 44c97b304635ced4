/**
 * Beyond the old report: the drill-down, the comparison with another period, the section
 * funnel, annotations and the successor data (Intune's enrollment failures). What the engine
 * computes, the command line prints as JSON and the renderer draws. Node-free.
 */
import type { ReportRequest } from './ipc-contract';
import type { Report, ReportFilter, ReportRange } from './report-types';
import type { CatalogPlatform, Platform, Section, UserAction } from './taxonomy';

// ---------------------------------------------------------------------------------------------
// Drill-down: the attempts behind a table row, a chart point or a tile.

export type AttemptOutcome = 'incomplete' | 'complete' | 'in progress';
export const ATTEMPT_OUTCOMES = ['incomplete', 'complete', 'in progress', 'all'] as const;
export type AttemptOutcomeFilter = (typeof ATTEMPT_OUTCOMES)[number];

/** The section of an incomplete attempt that ended before any action name was known. */
export const UNCLASSIFIED = 'Unclassified';
export type AttemptSection = Section | typeof UNCLASSIFIED;

export const ATTEMPT_SORT_KEYS = [
  'started',
  'ended',
  'duration',
  'user',
  'device',
  'platform',
  'outcome',
  'actionName',
  'userAction',
  'section',
  'sourceFile',
] as const;
export type AttemptSortKey = (typeof ATTEMPT_SORT_KEYS)[number];

export interface AttemptSort {
  readonly key: AttemptSortKey;
  /** Default 'asc'. Ties are always broken by start time, then file order, ascending. */
  readonly direction?: 'asc' | 'desc';
}

/**
 * Which attempts to list. The ReportFilter part is resolved exactly as the report resolves it
 * (defaults, zone, range), so the same filter lists the attempts the report counted.
 *
 * - actionName, screen, userAction: a section table row (matched as the table groups rows: screen
 *   trimmed and case-insensitive). They, and `section`, select incomplete attempts only (only
 *   those are counted in a row or a section).
 * - section: one section, or 'Unclassified'. Within the report's `sections` filter: a section the
 *   filter leaves out lists nothing, and 'Unclassified' lists nothing under a section filter
 *   (the report does not count those then).
 * - platform: one platform, within `platforms`.
 * - date: one day in tz (a chart point); it must lie in [from, to] when those are given.
 * - outcome: default 'incomplete' (under a section filter: the incomplete attempts of the selected
 *   sections, as the Incomplete tile counts them). 'all' lists every attempt of the range whatever
 *   its section (Initiated does not follow the section filter).
 * - search: case-insensitive text in the user, the device or the source file name; with `mask`,
 *   the pseudonyms are searched instead of the names.
 * - limit: default 100; offset: default 0.
 */
export interface AttemptQuery extends ReportFilter {
  readonly actionName?: string;
  readonly screen?: string;
  readonly userAction?: string;
  readonly section?: AttemptSection;
  readonly platform?: Platform;
  readonly date?: string;
  readonly outcome?: AttemptOutcomeFilter;
  readonly search?: string;
  readonly mask?: boolean;
  readonly limit?: number;
  readonly offset?: number;
  readonly sort?: AttemptSort;
}

export interface AttemptRow {
  /** The user as imported, or its pseudonym when masked. */
  readonly user: string;
  /** The device (first one the attempt names), '' when none; pseudonym when masked. */
  readonly device: string;
  readonly platform: Platform;
  /** Start, ISO 8601 in UTC (`2025-06-01T09:00:00.000Z`). */
  readonly started: string;
  /** Start as local time in the query's zone, ISO 8601 with offset (`2025-06-01T11:00:00.000+02:00`). */
  readonly startedLocal: string;
  /** The local day of the start in the query's zone: the report day the attempt counts on. */
  readonly day: string;
  /** End, ISO 8601 in UTC: the ending event, or the last event (timeouts, restarts, in progress). */
  readonly ended: string;
  /** ended - started, ms (0 for an abandonment details row: it has one time). */
  readonly durationMs: number;
  readonly outcome: AttemptOutcome;
  /**
   * Incomplete: the table row's action name ('(unknown)' when unclassified). Complete and in
   * progress: the last action name the attempt reached ('' when none).
   */
  readonly actionName: string;
  /** Incomplete: the table row's screen. Otherwise the screen of the last position ('' when none). */
  readonly screen: string;
  /** The user action that ended an incomplete attempt; null otherwise. */
  readonly userAction: UserAction | null;
  /** The section an incomplete attempt counts in (null: unclassified, or not incomplete). */
  readonly section: Section | null;
  /** Where the attempt comes from: an event log, or an abandonment details row. */
  readonly source: 'event log' | 'details';
  /** The imported file (a ZIP entry: `archive.zip/entry.csv`) and line of the attempt's first row. */
  readonly sourceFile: string;
  readonly sourceLine: number;
}

export interface AttemptPage {
  /** Attempts matching the query (all pages). */
  readonly total: number;
  readonly rows: readonly AttemptRow[];
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// The section funnel (spec 7).

export interface FunnelStep {
  readonly section: Section;
  /** Attempts that reached the section (its bit; completed attempts reached all). */
  readonly reached: number;
  /** Attempts that ended incomplete in the section. */
  readonly incomplete: number;
  /** reached of the next section / reached of this one; null for the last section or when 0. */
  readonly stepConversion: number | null;
  /** reached / initiated (the known initiated count); null when initiated is null or 0. */
  readonly overallConversion: number | null;
  /** Nearest-rank median of end - start (ms) of the attempts incomplete here; null when none. */
  readonly medianMs: number | null;
  /** Nearest-rank 75th percentile of the same; null when none. */
  readonly p75Ms: number | null;
}

export interface Funnel {
  readonly range: ReportRange;
  readonly platforms: readonly Platform[];
  /**
   * The funnel's base: the report's known Initiated for the range and platforms (spec 5: summary
   * counts where a summary covers a cell, attempts in the event-log span). null when unknown (a
   * details export alone): conversions are then null, never 0 or 100%.
   */
  readonly initiated: number | null;
  /** Attempts that started in the range (event logs and details rows): what reached is counted on. */
  readonly attempts: number;
  readonly completed: number;
  readonly inProgress: number;
  /** Every incomplete attempt, unclassified ones included. */
  readonly incomplete: number;
  /** Incomplete before any action name was known: stopped before the first section. */
  readonly unclassified: number;
  /** completed / initiated; null when initiated is null or 0. */
  readonly completionRate: number | null;
  /** The four sections in flow order. */
  readonly sections: readonly FunnelStep[];
  /** Sentences that qualify the base (unknown initiated, attempts outside the known cells, summary-only initiated). */
  readonly caveats: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Annotations: dated notes stored in the case.

export interface Annotation {
  readonly id: number;
  /** `YYYY-MM-DD`: a calendar day (shown on that day whatever the zone). */
  readonly date: string;
  readonly text: string;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AnnotationInput {
  readonly date: string;
  readonly text: string;
}

export interface AnnotationRange {
  readonly from?: string;
  readonly to?: string;
}

/** Longest annotation text, in characters (code points) after trimming. */
export const ANNOTATION_MAX_CHARS = 500;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an existing calendar day written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why an annotation's date is not accepted, or null. */
export function annotationDateProblem(date: unknown): string | null {
  if (typeof date !== 'string' || !isCalendarDate(date)) return `the date "${String(date)}" is not a day (YYYY-MM-DD)`;
  return null;
}

/** Why an annotation's text is not accepted (after trimming), or null. */
export function annotationTextProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'the text is missing';
  const trimmed = text.trim();
  if (trimmed === '') return 'the text is empty';
  const length = [...trimmed].length;
  if (length > ANNOTATION_MAX_CHARS) return `the text has ${length} characters (at most ${ANNOTATION_MAX_CHARS})`;
  return null;
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// IPC requests of the UI half (src-main/app/insights.ts). Reconstructed from their use there: an
// earlier draft of this file was overwritten when the engine types were written into it.

export interface AttemptsRequest {
  readonly report: ReportRequest;
  /** The drill-down's own fields; the report filter comes from `report`, masking from `maskUsers`. */
  readonly query: Omit<AttemptQuery, keyof ReportFilter | 'mask'>;
  readonly maskUsers: boolean;
}

export interface CompareRequest {
  readonly report: ReportRequest;
  readonly against: CompareAgainst;
}

export const EXPORT_KINDS = ['section-tables-csv', 'daily-csv', 'report-json'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRequest {
  readonly report: ReportRequest;
  readonly kind: ExportKind;
  readonly maskUsers: boolean;
}

export interface SavedFile {
  readonly path: string;
  readonly bytes: number;
}

export interface AnnotationPatch {
  readonly id: number;
  readonly date?: string;
  readonly text?: string;
}
