/**
 * The section funnel (spec 7) over the attempts that started in the report's
 * range (report days in tz) on the selected platforms. The section filter does not apply: the
 * funnel is the whole flow.
 *
 * - The base is the report's known Initiated (spec 5, revision 2): a summary's count where one
 *   covers a cell, the attempts elsewhere in the event-log span; null when no cell is known (a
 *   details export alone), and every share is then null, never 0 or 100%.
 * - When some cells are known, only attempts in known cells are counted (reached, incomplete,
 *   times), so no share exceeds its base; the attempts of unknown cells are counted apart in
 *   `caveats`. When none is known, every attempt is counted: where the abandoned attempts stopped
 *   is still real, only the shares are unknown.
 *
 * - reached: attempts.reached bit i (set when an event named an action of section i or a later
 *   one; all bits for a completed attempt; a details row up to its own section).
 * - incomplete: attempts that ended incomplete with a combo of that section.
 * - stepConversion: reached(i + 1) / reached(i); null for the last section, when reached(i) is 0
 *   or when initiated is unknown.
 * - overallConversion: reached(i) / initiated; null when initiated is null or 0.
 * - medianMs, p75Ms: nearest-rank percentiles of end_ms - start_ms over the attempts incomplete in
 *   the section (see percentile()). An abandonment details row has one time, so it counts as 0.
 */
import type Database from 'better-sqlite3';
import type { Funnel, FunnelCaveat, FunnelStep } from '../shared/funnel-types';
import { readCaseSpans } from '../report/data-span';
import { dayRanges } from '../report/day-buckets';
import { computeReport } from '../report/compute-report';
import { unknownCells } from '../report/initiated';
import { readSummaryCells } from '../report/summaries';
import type { ReportFilter } from '../shared/report-types';
import { SECTIONS } from '../shared/taxonomy';
import { inReadTransaction, platformCodes, resolveSpan } from '../report/span';
import { keptFunnelCounts } from './funnel-counts';

const NONE = new Float64Array(0);

/**
 * Nearest-rank percentile of ascending values: the value at rank ceil(p * n) (1-based), so always
 * one of the values; for p = 0.5 and an even count, the lower of the two middle values. null when
 * there are none.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.min(n, Math.max(1, Math.ceil(p * n)));
  return sorted[rank - 1] ?? null;
}

const ratio = (a: number, b: number | null): number | null => (b !== null && b > 0 ? a / b : null);

export function computeFunnel(db: Database.Database, filter: ReportFilter = {}): Funnel {
  return inReadTransaction(db, () => {
    const { from, to, tz, platforms, lo, hi } = resolveSpan(db, filter);
    const days = dayRanges(from, to, tz);
    const unknown = unknownCells(days, platforms, readSummaryCells(db, tz, from, to), readCaseSpans(db).eventLog);
    const initiated = computeReport(db, { from, to, tz, platforms }).rollup.initiated;
    // Only attempts of known cells are counted when some cells are known (see above).
    const knownOnly = unknown.length > 0 && initiated !== null;
    const { attempts, completed, inProgress, incomplete, reached, durations, outside } = keptFunnelCounts(
      db,
      { lo, hi, platforms: platformCodes(platforms) },
      knownOnly ? unknown : [],
    );

    const sections: FunnelStep[] = SECTIONS.map((section, i) => {
      const here = reached[i] ?? 0;
      const next = i + 1 < SECTIONS.length ? (reached[i + 1] ?? 0) : null;
      const stopped = durations.get(section) ?? NONE;
      return {
        section,
        reached: here,
        incomplete: stopped.length,
        // Without a known base the attempts are only the abandoned ones: no share of them is a conversion.
        stepConversion: next === null || initiated === null ? null : ratio(next, here),
        overallConversion: ratio(here, initiated),
        medianMs: percentile(stopped, 0.5),
        p75Ms: percentile(stopped, 0.75),
      };
    });

    return {
      range: { from, to, tz },
      platforms,
      initiated,
      attempts,
      completed,
      inProgress,
      incomplete,
      unclassified: durations.get(null)?.length ?? 0,
      completionRate: ratio(completed, initiated),
      sections,
      ...funnelCaveats(initiated, attempts, outside),
    };
  });
}

/** What qualifies the funnel's base: the English sentences (the JSON's) and the same as facts. */
function funnelCaveats(
  initiated: number | null,
  attempts: number,
  outside: number,
): Pick<Funnel, 'caveats' | 'caveatItems'> {
  const items: FunnelCaveat[] = [];
  if (initiated === null) items.push({ kind: 'initiatedUnknown' });
  else if (initiated > attempts) {
    items.push({ kind: 'initiatedFromSummary', fromSummary: initiated - attempts, initiated });
  }
  if (outside > 0) items.push({ kind: 'attemptsOutside', count: outside });
  return { caveats: items.map(englishFunnelCaveat), caveatItems: items };
}

/** A caveat's English sentence: the JSON's text (plain digits). */
export function englishFunnelCaveat(caveat: FunnelCaveat): string {
  switch (caveat.kind) {
    case 'initiatedUnknown':
      return 'Initiated is unknown: no summary row or event log covers the range (abandonment details hold only the enrollments that were abandoned), so no share of initiated can be given; the counts show where the abandoned attempts stopped.';
    case 'initiatedFromSummary':
      return `${caveat.fromSummary} of the ${caveat.initiated} initiated enrollments come from Intune's summary rows, which do not say which sections they reached.`;
    case 'attemptsOutside': {
      const one = caveat.count === 1;
      return `${caveat.count} ${one ? 'attempt lies' : 'attempts lie'} on days whose initiated count is unknown and ${one ? 'is' : 'are'} left out of the funnel.`;
    }
  }
}
