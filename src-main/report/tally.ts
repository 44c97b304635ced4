/**
 * The aggregated cells of the report's days, sorted into what the report needs: per (day,
 * platform) counts for Initiated and the summary checks, and, for the selected platforms, the
 * incomplete counts per day and combo. One pass over the packed cells with a plain loop: this runs
 * over every bucket row of the range (100k+ on a large case), so it avoids callbacks and does at
 * most one map lookup per row.
 */
import { OUTCOME } from '../attempts/codes';
import { PLATFORM_CODE, SECTIONS, namesEverySection, type Platform, type Section } from '../shared/taxonomy';
import type { Aggregation } from './aggregate';
import type { ComboInfo } from './combos';

/** Platform codes are 1 and 2; index 0 of these arrays is unused. */
export type ByPlatform = [unused: number, ios: number, android: number];
const zeros = (): ByPlatform => [0, 0, 0];

/** Pass 1: every day's cells, with incomplete combos given dense indexes. */
export interface CellTotals {
  /** Per day: attempts of every outcome and source, by platform (Initiated, daysWithoutData). */
  readonly started: ByPlatform[];
  /** Per day: incomplete attempts of every section, unclassified included, by platform (summary checks). */
  readonly incomplete: ByPlatform[];
  /** Per day: in-progress attempts by platform. */
  readonly inProgress: ByPlatform[];
  /** Combo ids of incomplete attempts, in dense index order. */
  readonly comboIds: number[];
  /** Per day: incomplete counts at [combo index * 3 + platform] (a missing entry is 0). */
  readonly perDayCombo: Map<number, Float64Array>;
}

export function sumCells(aggregation: Pick<Aggregation, 'days'>): CellTotals {
  const days = aggregation.days;
  const started = days.map(zeros);
  const incomplete = days.map(zeros);
  const inProgress = days.map(zeros);
  const comboIndex = new Map<number, number>();
  const comboIds: number[] = [];
  const perDayCombo = new Map<number, Float64Array>();
  days.forEach((cells, day) => {
    const dayStarted = started[day]!;
    const dayIncomplete = incomplete[day]!;
    const dayInProgress = inProgress[day]!;
    // Counts per dense combo index of this day; grown as new combos appear.
    let byCombo = new Float64Array(Math.max(16, comboIds.length * 3));
    for (let i = 0; i + 1 < cells.length; i += 2) {
      // Arithmetic, not bit operations: large combo ids take a cell past 2^31.
      const cell = cells[i]!;
      const n = cells[i + 1]!;
      const platformOutcome = cell % 16;
      const platform = platformOutcome % 4;
      if (platform !== 1 && platform !== 2) continue;
      const outcome = (platformOutcome - platform) / 4;
      dayStarted[platform] += n;
      if (outcome === OUTCOME.inProgress) dayInProgress[platform] += n;
      if (outcome !== OUTCOME.incomplete) continue;
      dayIncomplete[platform] += n;
      const comboId = (cell - platformOutcome) / 16;
      let index = comboIndex.get(comboId);
      if (index === undefined) {
        index = comboIds.length;
        comboIndex.set(comboId, index);
        comboIds.push(comboId);
      }
      if (index * 3 + 2 >= byCombo.length) {
        const grown = new Float64Array(Math.max(byCombo.length * 2, index * 3 + 3));
        grown.set(byCombo);
        byCombo = grown;
      }
      const at = index * 3 + platform;
      byCombo[at] = (byCombo[at] ?? 0) + n;
    }
    perDayCombo.set(day, byCombo);
  });
  return { started, incomplete, inProgress, comboIds, perDayCombo };
}

export interface Tally {
  readonly started: readonly ByPlatform[];
  readonly incomplete: readonly ByPlatform[];
  /** In-progress attempts in range, selected platforms. */
  readonly inProgress: number;
  /** Per day, per section index (SECTIONS order): incomplete attempts of the selected platforms. */
  readonly dailyBySection: number[][];
  /** Unclassified incomplete attempts in range, selected platforms. */
  readonly unclassified: number;
  /**
   * Per day, by platform: the incomplete attempts Incomplete counts (the selected sections, plus
   * the unclassified ones when every section is selected). The rate's numerator sums the known cells.
   */
  readonly counted: ByPlatform[];
  /** Per combo with a section: incomplete attempts in range, by platform (selected platforms only). */
  readonly byCombo: Map<number, ByPlatform>;
}

/** Pass 2: the selected platforms' counts by section and combo (a few hundred numbers a day). */
export function tally(
  totals: CellTotals,
  platforms: readonly Platform[],
  combos: ReadonlyMap<number, ComboInfo>,
  sections: readonly Section[] = SECTIONS,
): Tally {
  const codes = platforms.map((p) => PLATFORM_CODE[p]);
  const selected = SECTIONS.map((s) => sections.includes(s));
  const countsUnclassified = namesEverySection(sections);
  const counted = totals.started.map(zeros);
  const sectionOf = totals.comboIds.map((id) => {
    const section = combos.get(id)?.section ?? null;
    return section === null ? -1 : SECTIONS.indexOf(section);
  });
  const byCombo = new Map<number, ByPlatform>();
  let unclassified = 0;
  const dailyBySection = totals.started.map((_, day) => {
    const sections = SECTIONS.map(() => 0);
    const counts = totals.perDayCombo.get(day);
    if (counts === undefined) return sections;
    totals.comboIds.forEach((comboId, index) => {
      const section = sectionOf[index] ?? -1;
      for (const code of codes) {
        const n = counts[index * 3 + code] ?? 0;
        if (n === 0) continue;
        if (section < 0) {
          unclassified += n;
          if (countsUnclassified) counted[day]![code as 1 | 2] += n;
          continue;
        }
        if (selected[section] === true) counted[day]![code as 1 | 2] += n;
        sections[section] = (sections[section] ?? 0) + n;
        let total = byCombo.get(comboId);
        if (total === undefined) {
          total = zeros();
          byCombo.set(comboId, total);
        }
        total[code] += n;
      }
    });
    return sections;
  });
  const inProgress = totals.inProgress.reduce((sum, day) => sum + codes.reduce((s, code) => s + day[code], 0), 0);
  return {
    started: totals.started,
    incomplete: totals.incomplete,
    inProgress,
    dailyBySection,
    unclassified,
    counted,
    byCombo,
  };
}
