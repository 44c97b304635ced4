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
  /**
   * Attempts initiated, summed over the *known* (day, platform) cells of the range (spec 5): a
   * cell a summary row covers takes the summary's count, a cell inside the case's event-log span
   * counts its attempts. null when no cell of the range is known (a details export alone): the
   * data does not say how many enrollments began. Never shown as 0 then.
   */
  readonly initiated: number | null;
  /**
   * Incomplete attempts in the selected sections (plus the unclassified ones and `fromSummary`
   * when no section filter is set), over every cell of the range, known or not.
   */
  readonly incomplete: number;
  /**
   * (incomplete counted in known cells) / initiated; null when initiated is null or 0. When some
   * incomplete attempts lie in unknown cells, the rate leaves them out: see
   * `coverage.unknownInitiatedDays` and `dataQuality.incompleteOutsideRate`.
   */
  readonly incompleteRate: number | null;
  readonly inProgress: number;
  /**
   * What `incomplete` counted without a section: attempts that ended before any action name was
   * known, plus `fromSummary`. 0 under a section filter.
   */
  readonly unclassified: number;
  /**
   * What `incomplete` took from summary rows whose cell holds no attempt at all (Intune's own
   * number, sections unknown; also part of `unclassified`). 0 under a section filter.
   */
  readonly fromSummary: number;
}

/** What the data knows (spec 5 and 6). Exactly these two keys: the JSON contract. */
export interface Coverage {
  /**
   * Days of the range (ascending) on which a cell of a selected platform has an unknown initiated
   * count and holds at least one attempt: the rate leaves those attempts out.
   */
  readonly unknownInitiatedDays: readonly string[];
  /** Partial days of the range (ascending): the data covers only part of them. */
  readonly partialDays: readonly string[];
}

/**
 * One day of the daily series: `date`, one count per selected section, and `partial: true` on a
 * partial day (the key is absent otherwise).
 */
export type DailyPoint = { readonly date: string; readonly partial?: true } & {
  readonly [section: string]: number | string | boolean | undefined;
};

/** Index of a daily point by a section name: the section's count (0 when absent). */
export const dailyCount = (point: DailyPoint, section: string): number => {
  const value = point[section];
  return typeof value === 'number' ? value : 0;
};

/**
 * One day's incomplete rate and its basis, for the chart's rate view. `incomplete` is the day's
 * Incomplete as the roll-up counts it (selected sections, plus the unclassified ones and
 * `fromSummary` when no section filter is set): the days add up to `rollup.incomplete`.
 * `initiated` is the day's Initiated when every selected platform's cell of the day is known, null
 * otherwise; `rate` = incomplete / initiated, null when initiated is null or 0 (never 0% then).
 */
export interface DailyRate {
  readonly date: string;
  readonly incomplete: number;
  readonly initiated: number | null;
  readonly rate: number | null;
}

export interface SectionRow {
  /** '' on the "other wordings" row (see `otherWordings`). */
  readonly actionName: string;
  /**
   * Catalog rows: the catalog's screen text. Observed rows: the screen text seen most often in
   * the group (trimmed). The "other wordings" row: "N other wordings".
   */
  readonly screen: string;
  /** Catalog rows: the catalog's platform text; other rows: the platforms observed. */
  readonly platform: CatalogPlatform;
  /** '' on the "other wordings" row only. */
  readonly userAction: UserAction | '';
  readonly count: number;
  readonly byPlatform: Readonly<Record<Platform, number>>;
  /** True for rows of the catalog (spec 2), false for other observed combinations. */
  readonly catalog: boolean;
  /**
   * Present only on the last row of a section that observed more rows than the report shows
   * (MAX_OBSERVED_ROWS): the number of observed rows folded into this one row. Its count and
   * byPlatform are theirs summed, so the section's rows still add up to its total. Exports list
   * every row instead.
   */
  readonly otherWordings?: number;
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

/** The first and last instant of the case's data on one partial day. */
export interface PartialDay {
  readonly date: string;
  /** ISO 8601 UTC: the later of the day's start and the data span's start. */
  readonly dataStart: string;
  /** ISO 8601 UTC: the earlier of the day's end and the data span's end. */
  readonly dataEnd: string;
  /** Minutes of the day outside the data span (> 60 on a partial day). */
  readonly minutesOutside: number;
}

/** An interval of instants, ISO 8601 UTC, both ends inclusive. */
export interface Span {
  readonly from: string;
  readonly to: string;
}

export interface DataQuality {
  /**
   * Summary rows of the range left out because they cover both platforms together and a platform
   * filter is set (they cannot be split).
   */
  readonly summaryRowsLeftOut: number;
  /** Days in the range. */
  readonly rangeDays: number;
  /**
   * Days of the range on which the initiated count of every selected platform is known: the rate
   * covers these ("rate covers 12 of 14 days").
   */
  readonly knownInitiatedDays: number;
  /**
   * Incomplete attempts of the selected sections that lie in cells with an unknown initiated
   * count: counted in Incomplete, left out of the rate.
   */
  readonly incompleteOutsideRate: number;
  /** Each partial day of the range with the instants the data covers (same order as coverage.partialDays). */
  readonly partialDays: readonly PartialDay[];
  /** The case's event-log span (earliest to latest stored event, all platforms); null without events. */
  readonly eventLogSpan: Span | null;
  /** The case's data span (events and details rows); null without either. */
  readonly dataSpan: Span | null;
  readonly summaryMismatches: readonly SummaryMismatch[];
  /** Days in range with no data at all (no attempt, no summary). */
  readonly daysWithoutData: readonly string[];
  /** Total skipped rows and duplicates over every import of the case. */
  readonly skippedRows: number;
  readonly duplicateRows: number;
  /** Human-readable notes, one sentence each (English: the JSON's text). */
  readonly notes: readonly string[];
  /**
   * The same notes as facts, in the same order, for a display in another language. Display only:
   * the JSON leaves it out (machine-json.ts), so the machine interface keeps `notes` alone.
   */
  readonly noteItems: readonly DataQualityNote[];
}

/** One data-quality note as facts: `notes[i]` is `noteItems[i]` in English. */
export type DataQualityNote =
  | { readonly kind: 'initiatedUnknown' }
  | {
      readonly kind: 'rateCoversKnownDays';
      readonly knownDays: number;
      readonly days: number;
      readonly incomplete: number;
      readonly unknownDays: number;
    }
  | { readonly kind: 'fromSummary'; readonly count: number }
  | { readonly kind: 'fromSummaryLeftOut'; readonly count: number }
  | { readonly kind: 'partialDay'; readonly date: string; readonly dataStart: string; readonly dataEnd: string }
  | { readonly kind: 'summaryRowsLeftOut'; readonly count: number }
  | { readonly kind: 'summaryMismatches'; readonly count: number }
  | { readonly kind: 'unclassified'; readonly count: number }
  | { readonly kind: 'unclassifiedLeftOut'; readonly count: number }
  | { readonly kind: 'daysWithoutData'; readonly count: number; readonly days: number }
  | { readonly kind: 'skippedRows'; readonly count: number }
  | { readonly kind: 'duplicateRows'; readonly count: number };

export interface Report {
  readonly range: ReportRange;
  readonly filters: { readonly platforms: readonly Platform[]; readonly sections: readonly Section[] };
  readonly rollup: Rollup;
  readonly coverage: Coverage;
  readonly daily: readonly DailyPoint[];
  /**
   * The daily incomplete rate, one entry per day of `daily` (same order). Absent only in reports
   * made before it existed (their rate view shows no days).
   */
  readonly dailyRate?: readonly DailyRate[];
  readonly sections: readonly SectionTable[];
  readonly imports: readonly ImportRecord[];
  readonly dataQuality: DataQuality;
}
