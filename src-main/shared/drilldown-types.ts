/**
 * The drill-down: the attempts behind a table row, a chart point or a tile. What the engine
 * computes, the command line prints as JSON and the renderer draws. Node-free.
 */
import type { ReportRequest } from './ipc-contract';
import type { ReportFilter } from './report-types';
import type { Platform, Section, UserAction } from './taxonomy';

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

/** The drill-down as the renderer asks for it: the report it belongs to plus its own fields. */
export interface AttemptsRequest {
  readonly report: ReportRequest;
  /** The drill-down's own fields; the report filter comes from `report`, masking from `maskUsers`. */
  readonly query: Omit<AttemptQuery, keyof ReportFilter | 'mask'>;
  readonly maskUsers: boolean;
}
