/**
 * The aggregated cells of the report's days, sorted into what the report needs: per (day,
 * platform) counts for Initiated and the summary checks, and, for the selected platforms, the
 * incomplete counts per day and section and per combo.
 */
import { OUTCOME } from '../attempts/codes';
import { PLATFORM_CODE, SECTIONS, type Platform } from '../shared/taxonomy';
import type { CellCount } from './aggregate';
import type { ComboInfo } from './combos';

/** Platform codes are 1 and 2; index 0 of these arrays is unused. */
export type ByPlatform = [unused: number, ios: number, android: number];
const zeros = (): ByPlatform => [0, 0, 0];

export interface Tally {
  /** Per day: attempts of every outcome and source, by platform (Initiated, daysWithoutData). */
  readonly started: ByPlatform[];
  /** Per day: incomplete attempts of every section, unclassified included, by platform (summary checks). */
  readonly incomplete: ByPlatform[];
  /** In-progress attempts in range, selected platforms. */
  inProgress: number;
  /** Per day, per section index (SECTIONS order): incomplete attempts of the selected platforms. */
  readonly dailyBySection: number[][];
  /** Unclassified incomplete attempts in range, selected platforms. */
  unclassified: number;
  /** Per combo with a section: incomplete attempts in range, by platform (selected platforms only). */
  readonly byCombo: Map<number, ByPlatform>;
}

export function tally(
  cells: readonly CellCount[],
  dayCount: number,
  platforms: readonly Platform[],
  combos: ReadonlyMap<number, ComboInfo>,
): Tally {
  const selected = new Set<number>(platforms.map((p) => PLATFORM_CODE[p]));
  const t: Tally = {
    started: Array.from({ length: dayCount }, zeros),
    incomplete: Array.from({ length: dayCount }, zeros),
    inProgress: 0,
    dailyBySection: Array.from({ length: dayCount }, () => SECTIONS.map(() => 0)),
    unclassified: 0,
    byCombo: new Map(),
  };
  for (const { day, platform, outcome, comboId, n } of cells) {
    const started = t.started[day];
    const incomplete = t.incomplete[day];
    const daily = t.dailyBySection[day];
    if (started === undefined || incomplete === undefined || daily === undefined) continue;
    if (platform !== 1 && platform !== 2) continue;
    started[platform] += n;
    if (outcome === OUTCOME.incomplete) incomplete[platform] += n;
    if (!selected.has(platform)) continue;
    if (outcome === OUTCOME.inProgress) t.inProgress += n;
    if (outcome !== OUTCOME.incomplete) continue;
    const section = combos.get(comboId)?.section ?? null;
    if (section === null) {
      t.unclassified += n;
      continue;
    }
    daily[SECTIONS.indexOf(section)]! += n;
    let counts = t.byCombo.get(comboId);
    if (counts === undefined) {
      counts = zeros();
      t.byCombo.set(comboId, counts);
    }
    counts[platform] += n;
  }
  return t;
}
