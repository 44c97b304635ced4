/**
 * Drill-down: the attempts behind a number of the report (a roll-up tile, a table row, a day of a
 * section, a funnel step), filtered and searched, a page at a time. The query is the report's
 * filter narrowed by the target; main resolves it exactly as the report's, so the total equals the
 * number clicked. Masking of user names is the app's setting (remembered on this computer).
 */
import type {
  AttemptOutcomeFilter,
  AttemptPage,
  AttemptSort,
  AttemptsRequest,
} from '../../src-main/shared/drilldown-types';
import { SECTIONS, type Platform, type Section, type UserAction } from '../../src-main/shared/taxonomy';
import { currentRequest, latestOnly } from './request';
import type { FilterNarrowing, Slice } from './types';

export type DrillTarget =
  | { readonly kind: 'initiated' }
  | { readonly kind: 'incomplete' }
  | {
      readonly kind: 'row';
      readonly section: Section;
      readonly actionName: string;
      readonly screen: string;
      readonly userAction: UserAction;
    }
  | { readonly kind: 'day'; readonly section: Section; readonly date: string }
  | { readonly kind: 'section'; readonly section: Section | 'Unclassified' };

export const DRILL_PAGE_SIZE = 50;

/** What the report can be filtered to from the dialog (its visible "filter" action), and how to say it. */
export interface DrillFilter {
  readonly narrowing: FilterNarrowing;
  readonly label: string;
}

export interface DrillState {
  readonly target: DrillTarget;
  readonly filter: DrillFilter | null;
  /** What was clicked, for the panel's title. */
  readonly title: string;
  /** The number that was clicked (null: none shown, e.g. a day without data). */
  readonly expected: number | null;
  readonly search: string;
  /** 'all': every outcome (only the Initiated tile starts there). */
  readonly outcome: AttemptOutcomeFilter;
  readonly platform: Platform | 'any';
  /** The dialog's day filter; absent: the target's own day (a day of the chart), else any day. */
  readonly date?: string | 'any';
  readonly sort: AttemptSort;
  readonly offset: number;
  readonly page: AttemptPage | null;
  readonly status: 'loading' | 'ready' | 'error';
  readonly error: string | null;
}

export interface DrillSlice {
  readonly drill: DrillState | null;
  /** The app's masking of user names and device ids (drill-down, exports). */
  readonly maskUsers: boolean;
  /**
   * `filter`: what the dialog's "show only this in the report" action narrows the report to;
   * `platform`: the panel opens narrowed to one platform (a finding about that platform).
   */
  openDrill(
    target: DrillTarget,
    title: string,
    expected: number | null,
    filter?: DrillFilter,
    platform?: Platform,
  ): void;
  closeDrill(): void;
  setDrillSearch(search: string): void;
  setDrillOutcome(outcome: AttemptOutcomeFilter): void;
  setDrillPlatform(platform: Platform | 'any'): void;
  setDrillDate(date: string | 'any'): void;
  setDrillSort(sort: AttemptSort): void;
  setDrillOffset(offset: number): void;
  setMaskUsers(on: boolean): void;
  loadDrill(): Promise<void>;
}

const MASK_KEY = 'enrollscope.maskUsers';

function storedMask(): boolean {
  try {
    return globalThis.localStorage?.getItem(MASK_KEY) === 'true';
  } catch {
    return false;
  }
}

/** The day the dialog lists ('any': every day of the report's range). */
export const drillDate = (drill: DrillState): string | 'any' =>
  drill.date ?? (drill.target.kind === 'day' ? drill.target.date : 'any');

/** The engine query of a target plus the panel's own filters. */
export function drillQuery(drill: DrillState): AttemptsRequest['query'] {
  const { target } = drill;
  const narrowed: AttemptsRequest['query'] =
    target.kind === 'row'
      ? { section: target.section, actionName: target.actionName, screen: target.screen, userAction: target.userAction }
      : target.kind === 'day' || target.kind === 'section'
        ? { section: target.section }
        : {};
  const date = drillDate(drill);
  const search = drill.search.trim();
  return {
    ...narrowed,
    ...(date !== 'any' ? { date } : {}),
    outcome: drill.outcome,
    ...(drill.platform !== 'any' ? { platform: drill.platform } : {}),
    ...(search ? { search } : {}),
    sort: drill.sort,
    limit: DRILL_PAGE_SIZE,
    offset: drill.offset,
  };
}

export const createDrillSlice: Slice<DrillSlice> = (api) => (set, get) => {
  const latest = latestOnly();
  const update = (patch: Partial<DrillState>): void => {
    const drill = get().drill;
    if (!drill) return;
    set({ drill: { ...drill, ...patch } });
    void get().loadDrill();
  };
  return {
    drill: null,
    maskUsers: storedMask(),

    openDrill(target, title, expected, filter, platform) {
      set({
        drill: {
          target,
          filter: filter ?? null,
          title,
          expected,
          search: '',
          outcome: target.kind === 'initiated' ? 'all' : 'incomplete',
          platform: platform ?? 'any',
          sort: { key: 'started', direction: 'asc' },
          offset: 0,
          page: null,
          status: 'loading',
          error: null,
        },
      });
      void get().loadDrill();
    },

    closeDrill() {
      set({ drill: null });
    },

    setDrillSearch: (search) => update({ search, offset: 0 }),
    setDrillOutcome: (outcome) => update({ outcome, offset: 0 }),
    setDrillPlatform: (platform) => update({ platform, offset: 0 }),
    setDrillDate: (date) => update({ date, offset: 0 }),
    setDrillSort: (sort) => update({ sort, offset: 0 }),
    setDrillOffset: (offset) => update({ offset: Math.max(0, offset) }),

    setMaskUsers(on) {
      try {
        globalThis.localStorage?.setItem(MASK_KEY, String(on));
      } catch {
        // Not remembered; still applied for this session.
      }
      set({ maskUsers: on });
      if (get().drill) void get().loadDrill();
    },

    async loadDrill() {
      const drill = get().drill;
      if (!drill) return;
      set({ drill: { ...drill, status: 'loading' } });
      const base = currentRequest(get());
      // Initiated does not depend on the section filter (spec 5): neither do its attempts.
      const report = drill.target.kind === 'initiated' ? { ...base, sections: [...SECTIONS] } : base;
      const { value: result, current } = await latest(() =>
        api.listAttempts({ report, query: drillQuery(drill), maskUsers: get().maskUsers }),
      );
      const now = get().drill;
      if (!current || !now) return;
      set({
        drill: result.ok
          ? { ...now, page: result.value, status: 'ready', error: null }
          : { ...now, status: 'error', error: result.error.message },
      });
    },
  };
};
