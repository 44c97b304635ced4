/**
 * The section funnel: how far attempts got, section by section. Node-free.
 */
import type { ReportRange } from './report-types';
import type { Platform, Section } from './taxonomy';

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
  /**
   * The same caveats as facts, in the same order, for a display in another language. Display
   * only: the JSON leaves it out (machine-json.ts).
   */
  readonly caveatItems: readonly FunnelCaveat[];
}

/** One funnel caveat as facts: `caveats[i]` is `caveatItems[i]` in English. */
export type FunnelCaveat =
  | { readonly kind: 'initiatedUnknown' }
  | { readonly kind: 'initiatedFromSummary'; readonly fromSummary: number; readonly initiated: number }
  | { readonly kind: 'attemptsOutside'; readonly count: number };
