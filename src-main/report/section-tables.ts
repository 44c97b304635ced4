/**
 * Section tables (spec 5): per selected section, its catalog rows (zero counts included, catalog
 * order; rows of a platform the filter excludes left out), then the other observed (action name,
 * screen, user action) combinations with a count, by count descending.
 *
 * Decisions where the spec is loose:
 * - Screens match case-insensitively after trimming, for catalog rows and for grouping the other
 *   rows alike; an extra row shows the spelling seen most often (ties: the first in code-point
 *   order), trimmed.
 * - Ties in count are ordered by action name, screen, user action, ascending in code-point order.
 * - An extra row's platform is 'iOS/Android' when it was seen on both platforms of the filter,
 *   else the one platform seen.
 * - Attempts at a catalog row that the platform filter leaves out (an iOS-only row under an
 *   Android filter) are shown as an extra row, so a table always adds up to its section's total.
 */
import type { SectionRow, SectionTable } from '../shared/report-types';
import {
  CATALOG,
  SECTION_OF_ACTION,
  type CatalogPlatform,
  type Platform,
  type Section,
  type UserAction,
} from '../shared/taxonomy';
import type { ComboInfo } from './combos';
import type { ByPlatform } from './tally';

const normalScreen = (screen: string): string => screen.trim().toLowerCase();
const rowKey = (actionName: string, screen: string, userAction: string): string =>
  `${actionName}\u0000${normalScreen(screen)}\u0000${userAction}`;

/** Observed combinations of one section, grouped by row key. */
interface Observed {
  readonly actionName: string;
  readonly userAction: UserAction;
  /** Spelling → count, to show the most frequent one. */
  readonly spellings: Map<string, number>;
  readonly counts: ByPlatform;
}

function catalogRowShown(platform: CatalogPlatform, platforms: readonly Platform[]): boolean {
  return platform === 'iOS/Android' || platforms.includes(platform);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function observedBySection(
  byCombo: ReadonlyMap<number, ByPlatform>,
  combos: ReadonlyMap<number, ComboInfo>,
): Map<Section, Map<string, Observed>> {
  const bySection = new Map<Section, Map<string, Observed>>();
  for (const [comboId, counts] of byCombo) {
    const combo = combos.get(comboId);
    if (combo?.section == null) continue;
    let rows = bySection.get(combo.section);
    if (rows === undefined) {
      rows = new Map();
      bySection.set(combo.section, rows);
    }
    const key = rowKey(combo.actionName, combo.screen, combo.userAction);
    let observed = rows.get(key);
    if (observed === undefined) {
      observed = {
        actionName: combo.actionName,
        userAction: combo.userAction,
        spellings: new Map(),
        counts: [0, 0, 0],
      };
      rows.set(key, observed);
    }
    const spelling = combo.screen.trim();
    observed.spellings.set(spelling, (observed.spellings.get(spelling) ?? 0) + counts[1] + counts[2]);
    observed.counts[1] += counts[1];
    observed.counts[2] += counts[2];
  }
  return bySection;
}

function shownSpelling(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

const byPlatformRecord = (counts: ByPlatform): Record<Platform, number> => ({
  'iOS/iPadOS': counts[1],
  Android: counts[2],
});

export function sectionTables(
  sections: readonly Section[],
  platforms: readonly Platform[],
  byCombo: ReadonlyMap<number, ByPlatform>,
  combos: ReadonlyMap<number, ComboInfo>,
): SectionTable[] {
  const observed = observedBySection(byCombo, combos);
  return sections.map((section) => {
    const seen = observed.get(section) ?? new Map<string, Observed>();
    const rows: SectionRow[] = [];
    for (const entry of CATALOG) {
      if (SECTION_OF_ACTION[entry.actionName] !== section || !catalogRowShown(entry.platform, platforms)) continue;
      const key = rowKey(entry.actionName, entry.screen, entry.userAction);
      const counts = seen.get(key)?.counts ?? [0, 0, 0];
      seen.delete(key);
      rows.push({
        actionName: entry.actionName,
        screen: entry.screen,
        platform: entry.platform,
        userAction: entry.userAction,
        count: counts[1] + counts[2],
        byPlatform: byPlatformRecord(counts),
        catalog: true,
      });
    }
    const extras: SectionRow[] = [];
    for (const o of seen.values()) {
      const count = o.counts[1] + o.counts[2];
      if (count === 0) continue;
      extras.push({
        actionName: o.actionName,
        screen: shownSpelling(o.spellings),
        platform: o.counts[1] > 0 && o.counts[2] > 0 ? 'iOS/Android' : o.counts[1] > 0 ? 'iOS/iPadOS' : 'Android',
        userAction: o.userAction,
        count,
        byPlatform: byPlatformRecord(o.counts),
        catalog: false,
      });
    }
    extras.sort(
      (a, b) =>
        b.count - a.count ||
        compareText(a.actionName, b.actionName) ||
        compareText(a.screen, b.screen) ||
        compareText(a.userAction, b.userAction),
    );
    rows.push(...extras);
    return { section, incomplete: rows.reduce((sum, row) => sum + row.count, 0), rows };
  });
}
