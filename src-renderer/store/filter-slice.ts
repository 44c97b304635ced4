import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import { computerTimeZone, DEFAULT_RANGE } from './case-slice';
import type { FilterSlice, Slice } from './types';

/** Keeps the taxonomy's order, so requests and the view never depend on click order. */
const inOrder = <T extends string>(all: readonly T[], chosen: ReadonlySet<T>): T[] =>
  all.filter((item) => chosen.has(item));

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
      const chosen = new Set(get().platforms);
      if (chosen.has(platform)) chosen.delete(platform);
      else chosen.add(platform);
      if (chosen.size === 0) return; // at least one platform stays selected
      set({ platforms: inOrder(PLATFORMS, chosen) });
      changed();
    },

    toggleSection(section) {
      const chosen = new Set(get().sections);
      if (chosen.has(section)) chosen.delete(section);
      else chosen.add(section);
      if (chosen.size === 0) return; // at least one section stays selected
      set({ sections: inOrder(SECTIONS, chosen) });
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
