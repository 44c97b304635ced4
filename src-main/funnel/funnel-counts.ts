/**
 * The funnel's counts from one pass over the attempts that started in a span on the selected
 * platforms: how many there are, by outcome, how many reached each section, and the durations of
 * the incomplete ones by section, ascending. With unknown cells given, the attempts in them are
 * only counted (`outside`) and the rest as above.
 *
 * One aggregate query returns the pass as a single string of numbers, parsed and counted here:
 * a sum per column costs SQLite far more per row than one group_concat does (8 sums over the 1M
 * bench case's 108k attempts: ~20 ms; the string: ~8 ms), handing over a row at a time costs more
 * still (~80 ms), and an ORDER BY over the incomplete ones joined to their combos sorts on disk
 * what a typed array sorts in a few ms. Per attempt: its code (unknown * 64 + outcome * 16 +
 * reached), and for an incomplete one in a known cell its combo id and end_ms - start_ms.
 */
import type Database from 'better-sqlite3';
import { OUTCOME } from '../attempts/codes';
import { keptRead } from '../report/case-reads';
import { SECTIONS, type Section } from '../shared/taxonomy';

/** [start ms, end ms, platform code]: a cell whose initiated count is unknown (report/initiated.ts). */
export type Cell = readonly [number, number, number];

export interface FunnelCounts {
  /** In known cells (all of them when no unknown cell is given). */
  readonly attempts: number;
  readonly completed: number;
  readonly inProgress: number;
  readonly incomplete: number;
  /** Per section (SECTIONS order): attempts that reached it. */
  readonly reached: readonly number[];
  /** Per section, then unclassified (null): durations of the incomplete attempts, ascending. */
  readonly durations: ReadonlyMap<Section | null, Float64Array>;
  /** Attempts in unknown cells. */
  readonly outside: number;
}

const UNKNOWN = 64;
const OUTCOME_SHIFT = 16;
/** The reached bits the code keeps (one per section); attempts.reached has no others. */
const REACHED_BITS = (1 << SECTIONS.length) - 1;

/** Unknown cells merged into runs per platform: [lo, hi, code], fewer terms for the query. */
export function mergeCells(cells: readonly Cell[]): Cell[] {
  const sorted = [...cells].sort((a, b) => a[2] - b[2] || a[0] - b[0]);
  const runs: [number, number, number][] = [];
  for (const [lo, hi, code] of sorted) {
    const last = runs.at(-1);
    if (last !== undefined && last[2] === code && last[1] === lo) last[1] = hi;
    else runs.push([lo, hi, code]);
  }
  return runs;
}

/** Section of each combo id; an unclassified combo (or one naming no known section) is null. */
function comboSections(db: Database.Database): Map<number, Section | null> {
  const rows = db.prepare('SELECT id, section FROM combos').raw().all() as [number, string | null][];
  return new Map(rows.map(([id, section]) => [id, SECTIONS.find((s) => s === section) ?? null]));
}

export function funnelCounts(
  db: Database.Database,
  span: { lo: number; hi: number; platforms: readonly number[] },
  unknown: readonly Cell[],
): FunnelCounts {
  const runs = mergeCells(unknown);
  const inUnknown =
    runs.length === 0 ? '0' : runs.map(() => '(platform = ? AND start_ms >= ? AND start_ms < ?)').join(' OR ');
  const code = `(${inUnknown}) * ${UNKNOWN} + outcome * ${OUTCOME_SHIFT} + (reached & ${REACHED_BITS})`;
  const platforms = span.platforms.map(() => '?').join(', ');
  const packed = db
    .prepare(
      `SELECT group_concat(CASE WHEN outcome = ${OUTCOME.incomplete} AND NOT (${inUnknown})
                                THEN (outcome * ${OUTCOME_SHIFT} + (reached & ${REACHED_BITS})) || ',' || combo_id || ',' || (end_ms - start_ms)
                                ELSE ${code} END)
       FROM attempts
       WHERE start_ms >= ? AND start_ms < ? AND platform IN (${platforms})`,
    )
    .pluck()
    .get(
      ...runs.flatMap(([lo, hi, c]) => [c, lo, hi]),
      ...runs.flatMap(([lo, hi, c]) => [c, lo, hi]),
      span.lo,
      span.hi,
      ...span.platforms,
    ) as string | null;
  return countPacked(packed === null ? [] : (JSON.parse(`[${packed}]`) as number[]), comboSections(db));
}

/** Funnel counts kept per snapshot (report/case-reads.ts): a section filter, which the funnel ignores, reads nothing again. */
const KEPT_FUNNELS = 4;

/** funnelCounts, kept for the case's snapshot: the last few spans asked for. */
export function keptFunnelCounts(
  db: Database.Database,
  span: { lo: number; hi: number; platforms: readonly number[] },
  unknown: readonly Cell[],
): FunnelCounts {
  const kept = keptRead(db, 'funnel counts', () => new Map<string, FunnelCounts>());
  const key = JSON.stringify([span.lo, span.hi, span.platforms, unknown]);
  let counts = kept.get(key);
  if (counts === undefined) {
    counts = funnelCounts(db, span, unknown);
    if (kept.size >= KEPT_FUNNELS) kept.delete(kept.keys().next().value!);
    kept.set(key, counts);
  }
  return counts;
}

function countPacked(values: readonly number[], sections: ReadonlyMap<number, Section | null>): FunnelCounts {
  let attempts = 0;
  let outside = 0;
  const byOutcome = [0, 0, 0];
  const reached = SECTIONS.map(() => 0);
  // Durations by section index, unclassified last; grown in place, then trimmed and sorted.
  const lists = [...SECTIONS, null].map(() => ({ values: new Float64Array(64), length: 0 }));
  const listOf = new Map<number, number>();
  for (let i = 0; i < values.length;) {
    const code = values[i++]!;
    if (code >= UNKNOWN) {
      outside++;
      continue;
    }
    const outcome = (code - (code % OUTCOME_SHIFT)) / OUTCOME_SHIFT;
    attempts++;
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
    for (let s = 0; s < SECTIONS.length; s++) if ((code >> s) & 1) reached[s]!++;
    if (outcome !== OUTCOME.incomplete) continue;
    const comboId = values[i++]!;
    const duration = values[i++]!;
    // A combo id the combos table lacks had no row to join: its duration is in no section.
    if (!sections.has(comboId)) continue;
    let index = listOf.get(comboId);
    if (index === undefined) {
      const section = sections.get(comboId) ?? null;
      index = section === null ? SECTIONS.length : SECTIONS.indexOf(section);
      listOf.set(comboId, index);
    }
    const list = lists[index]!;
    if (list.length === list.values.length) {
      const grown = new Float64Array(list.values.length * 2);
      grown.set(list.values);
      list.values = grown;
    }
    list.values[list.length++] = duration;
  }
  const durations = new Map<Section | null, Float64Array>();
  lists.forEach((list, index) => {
    if (list.length > 0) durations.set(SECTIONS[index] ?? null, list.values.slice(0, list.length).sort());
  });
  return {
    attempts,
    completed: byOutcome[OUTCOME.complete]!,
    inProgress: byOutcome[OUTCOME.inProgress]!,
    incomplete: byOutcome[OUTCOME.incomplete]!,
    reached,
    durations,
    outside,
  };
}
