/**
 * Section tables (spec 5): per selected section, its catalog rows (zero counts included, catalog
 * order; rows of a platform the filter excludes left out), then the other observed (action name,
 * screen, user action) combinations with a count, by count descending.
 *
 * - Which row an attempt counts on: row-match.ts (screens compared on letters and digits).
 * - Observed rows group screen texts as they are, trimmed of spaces at both ends.
 * - An attempt whose catalog row the platform filter leaves out (an iOS-only row under an Android
 *   filter) is an observed row with its own screen text, so a table always adds up.
 * - Ties in count are ordered by action name, screen, user action, ascending in code-point order.
 * - An observed row's platform is 'iOS/Android' when it was seen on both platforms of the filter,
 *   else the one platform seen.
 * - At most `maxObserved` observed rows are shown per section (a case may hold 100,000+ distinct
 *   screen texts); the rest are folded into one last row, `otherWordings: N`, whose counts are
 *   theirs summed, so the section's rows still add up to its total. Exports ask for every row.
 */
import type { SectionRow, SectionTable } from '../shared/report-types';
import {
  CATALOG,
  SECTION_OF_ACTION,
  type CatalogPlatform,
  type CatalogRow,
  type Platform,
  type Section,
  type UserAction,
} from '../shared/taxonomy';
import type { ComboInfo } from './combos';
import { catalogRowOf } from './row-match';
import type { ByPlatform } from './tally';

/** Observed rows shown per section by default; the rest are one "other wordings" row. */
export const MAX_OBSERVED_ROWS = 50;

/** An observed row: its texts and its counts. */
interface Observed {
  readonly actionName: string;
  readonly screen: string;
  readonly userAction: UserAction;
  readonly counts: ByPlatform;
}

/** One section's counts: per catalog row shown, and per observed (action, trimmed screen, user action). */
interface SectionCounts {
  readonly catalog: Map<CatalogRow, ByPlatform>;
  readonly observed: Map<string, Observed>;
}

function catalogRowShown(platform: CatalogPlatform, platforms: readonly Platform[]): boolean {
  return platform === 'iOS/Android' || platforms.includes(platform);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const add = (into: ByPlatform, counts: ByPlatform): void => {
  into[1] += counts[1];
  into[2] += counts[2];
};

function countBySection(
  byCombo: ReadonlyMap<number, ByPlatform>,
  combos: ReadonlyMap<number, ComboInfo>,
  platforms: readonly Platform[],
): Map<Section, SectionCounts> {
  const bySection = new Map<Section, SectionCounts>();
  for (const [comboId, counts] of byCombo) {
    const combo = combos.get(comboId);
    if (combo?.section == null) continue;
    let section = bySection.get(combo.section);
    if (section === undefined) {
      section = { catalog: new Map(), observed: new Map() };
      bySection.set(combo.section, section);
    }
    const catalogRow = catalogRowOf(combo.actionName, combo.screen, combo.userAction);
    if (catalogRow !== undefined && catalogRowShown(catalogRow.platform, platforms)) {
      const total = section.catalog.get(catalogRow);
      if (total === undefined) section.catalog.set(catalogRow, [0, counts[1], counts[2]]);
      else add(total, counts);
      continue;
    }
    const screen = combo.screen.trim();
    const key = `${combo.actionName}\u0000${screen}\u0000${combo.userAction}`;
    const observed = section.observed.get(key);
    if (observed === undefined) {
      section.observed.set(key, {
        actionName: combo.actionName,
        screen,
        userAction: combo.userAction,
        counts: [0, counts[1], counts[2]],
      });
    } else {
      add(observed.counts, counts);
    }
  }
  return bySection;
}

const byPlatformRecord = (counts: ByPlatform): Record<Platform, number> => ({
  'iOS/iPadOS': counts[1],
  Android: counts[2],
});

const observedPlatform = (counts: ByPlatform): CatalogPlatform =>
  counts[1] > 0 && counts[2] > 0 ? 'iOS/Android' : counts[1] > 0 ? 'iOS/iPadOS' : 'Android';

function observedRows(observed: Iterable<Observed>, maxObserved: number): SectionRow[] {
  const rows: SectionRow[] = [];
  for (const o of observed) {
    const count = o.counts[1] + o.counts[2];
    if (count === 0) continue;
    rows.push({
      actionName: o.actionName,
      screen: o.screen,
      platform: observedPlatform(o.counts),
      userAction: o.userAction,
      count,
      byPlatform: byPlatformRecord(o.counts),
      catalog: false,
    });
  }
  rows.sort(
    (a, b) =>
      b.count - a.count ||
      compareText(a.actionName, b.actionName) ||
      compareText(a.screen, b.screen) ||
      compareText(a.userAction, b.userAction),
  );
  if (rows.length <= maxObserved) return rows;
  const folded: ByPlatform = [0, 0, 0];
  for (let i = maxObserved; i < rows.length; i++) {
    const row = rows[i]!;
    folded[1] += row.byPlatform['iOS/iPadOS'];
    folded[2] += row.byPlatform.Android;
  }
  const others = rows.length - maxObserved;
  rows.length = maxObserved;
  rows.push({
    actionName: '',
    screen: `${others.toLocaleString('en-US')} other ${others === 1 ? 'wording' : 'wordings'}`,
    platform: observedPlatform(folded),
    userAction: '',
    count: folded[1] + folded[2],
    byPlatform: byPlatformRecord(folded),
    catalog: false,
    otherWordings: others,
  });
  return rows;
}

export function sectionTables(
  sections: readonly Section[],
  platforms: readonly Platform[],
  byCombo: ReadonlyMap<number, ByPlatform>,
  combos: ReadonlyMap<number, ComboInfo>,
  maxObserved: number = MAX_OBSERVED_ROWS,
): SectionTable[] {
  const counted = countBySection(byCombo, combos, platforms);
  return sections.map((section) => {
    const counts = counted.get(section);
    const rows: SectionRow[] = [];
    for (const entry of CATALOG) {
      if (SECTION_OF_ACTION[entry.actionName] !== section || !catalogRowShown(entry.platform, platforms)) continue;
      const n = counts?.catalog.get(entry) ?? [0, 0, 0];
      rows.push({
        actionName: entry.actionName,
        screen: entry.screen,
        platform: entry.platform,
        userAction: entry.userAction,
        count: n[1] + n[2],
        byPlatform: byPlatformRecord(n),
        catalog: true,
      });
    }
    // A loop, not push(...rows): a spread of 100,000+ rows overflows the call stack.
    for (const row of observedRows(counts?.observed.values() ?? [], maxObserved)) rows.push(row);
    let incomplete = 0;
    for (const row of rows) incomplete += row.count;
    return { section, incomplete, rows };
  });
}
