/**
 * The report (spec sections 5 and 6) as one value: what the engine computes, the command line
 * prints as JSON and the renderer draws. Node-free.
 */
import type { CatalogPlatform, Platform, Section, UserAction } from './taxonomy';

/** What the caller asks for. Omitted fields take the spec's defaults. */
export interface ReportFilter {
  /** Inclusive first day, `YYYY-MM-DD` in `tz`. */
  readonly from?: string;
  /** Inclusive last day, `YYYY-MM-DD` in `tz`. */
  readonly to?: string;
  /** Default: both. */
  readonly platforms?: readonly Platform[];
  /** Default: all four. */
  readonly sections?: readonly Section[];
  /** IANA zone; default UTC here (the app passes the case's zone). */
  readonly tz?: string;
}

export interface ReportRange {
  readonly from: string;
  readonly to: string;
  readonly tz: string;
}

export interface Rollup {
  readonly initiated: number;
  readonly incomplete: number;
  /** incomplete / initiated; null when initiated is 0. */
  readonly incompleteRate: number | null;
  readonly inProgress: number;
  /** Incomplete attempts without a section (counted in `incomplete` only when no section filter is set). */
  readonly unclassified: number;
}

/** One day of the daily series: `date` plus one count per selected section. */
export type DailyPoint = { readonly date: string } & { readonly [section: string]: number | string };

export interface SectionRow {
  readonly actionName: string;
  readonly screen: string;
  /** Catalog rows: the catalog's platform text; other rows: the platforms observed. */
  readonly platform: CatalogPlatform;
  readonly userAction: UserAction;
  readonly count: number;
  readonly byPlatform: Readonly<Record<Platform, number>>;
  /** True for rows of the catalog (spec 2), false for other observed combinations. */
  readonly catalog: boolean;
}

export interface SectionTable {
  readonly section: Section;
  readonly incomplete: number;
  readonly rows: readonly SectionRow[];
}

export interface ImportRecord {
  readonly id: number;
  readonly file: string;
  readonly sha256: string;
  readonly format: string;
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly skipped: Readonly<Record<string, number>>;
  readonly examples: readonly { readonly line: number; readonly reason: string; readonly detail: string }[];
  readonly importedAt: string;
  readonly size: number;
}

/** A summary row's incomplete count that disagrees with the attempts of its cell. */
export interface SummaryMismatch {
  readonly date: string;
  /** null: the summary row covers both platforms. */
  readonly platform: Platform | null;
  readonly summaryIncomplete: number;
  readonly attemptsIncomplete: number;
}

export interface DataQuality {
  /** Summary rows left out because they cover both platforms and a platform filter is set. */
  readonly summaryRowsLeftOut: number;
  readonly summaryMismatches: readonly SummaryMismatch[];
  /** Days in range with no data at all (no attempt, no summary). */
  readonly daysWithoutData: readonly string[];
  /** Total skipped rows and duplicates over every import of the case. */
  readonly skippedRows: number;
  readonly duplicateRows: number;
  /** Human-readable notes, one sentence each. */
  readonly notes: readonly string[];
}

export interface Report {
  readonly range: ReportRange;
  readonly filters: { readonly platforms: readonly Platform[]; readonly sections: readonly Section[] };
  readonly rollup: Rollup;
  readonly daily: readonly DailyPoint[];
  readonly sections: readonly SectionTable[];
  readonly imports: readonly ImportRecord[];
  readonly dataQuality: DataQuality;
}
