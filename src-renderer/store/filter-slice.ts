import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import { computerTimeZone, DEFAULT_RANGE } from './case-slice';
import type { FilterSlice, Slice } from './types';

/** Keeps the taxonomy's order, so requests and the view never depend on click order. */
const inOrder = <T extends string>(all: readonly T[], chosen: ReadonlySet<T>): T[] =>
  all.filter((item) => chosen.has(item));

/** `chosen` with `item` added or taken out, in taxonomy order; null when none would stay selected. */
function toggled<T extends string>(all: readonly T[], chosen: readonly T[], item: T): T[] | null {
  const next = new Set(chosen);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next.size === 0 ? null : inOrder(all, next);
}

export const createFilterSlice: Slice<FilterSlice> = (api) => (set, get) => {
  const changed = (): void => void get().refreshReport();
  return {
    range: DEFAULT_RANGE,
    platforms: [...PLATFORMS],
    sections: [...SECTIONS],
    tz: computerTimeZone(),
    filterEpoch: 0,

    setPreset(days) {
      set({ range: { kind: 'last', days } });
      changed();
    },

    setCustomRange(from, to) {
      set({ range: { kind: 'custom', from, to } });
      changed();
    },

    togglePlatform(platform) {
      const platforms = toggled(PLATFORMS, get().platforms, platform);
      if (platforms === null) return;
      set({ platforms });
      changed();
    },

    toggleSection(section) {
      const sections = toggled(SECTIONS, get().sections, section);
      if (sections === null) return;
      set({ sections });
      changed();
    },

    selectAllSections() {
      set({ sections: [...SECTIONS] });
      changed();
    },

    narrowTo({ range, platforms, sections }) {
      set({
        ...(range ? { range: { kind: 'custom', from: range.from, to: range.to } } : {}),
        ...(platforms?.length ? { platforms: inOrder(PLATFORMS, new Set(platforms)) } : {}),
        ...(sections?.length ? { sections: inOrder(SECTIONS, new Set(sections)) } : {}),
        filterEpoch: get().filterEpoch + 1,
      });
      changed();
    },

    clearFilter(which) {
      if (which === 'dates') set({ range: DEFAULT_RANGE });
      else if (which === 'platforms') set({ platforms: [...PLATFORMS] });
      else set({ sections: [...SECTIONS] });
      set({ filterEpoch: get().filterEpoch + 1 });
      changed();
    },

    async setTimeZone(tz) {
      if (tz === get().tz) return;
      set({ tz });
      changed();
      if (get().caseInfo) {
        const result = await api.saveCaseSettings({ tz });
        if (result.ok) set({ caseInfo: result.value });
        else set({ notice: result.error.message });
      }
    },
  };
};
