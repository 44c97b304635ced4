import { CASE_EXTENSION, type CaseInfo, type DateRange, type IpcResult } from '../../src-main/shared/ipc-contract';
import { currentZoneName } from '../timezones';
import type { CaseSlice, Slice } from './types';

/** The computer's time zone: the default of a case that has none saved. */
export const computerTimeZone = (): string =>
  currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

/** The range a case opens with, and the one the Dates chip returns to. */
export const DEFAULT_RANGE: DateRange = { kind: 'last', days: 14 };

export const createCaseSlice: Slice<CaseSlice> = (api) => (set, get) => {
  /** A case became the open one: its zone, default filters, a fresh report. */
  const caseOpened = (info: NonNullable<ReturnType<typeof get>['caseInfo']>): void => {
    set({
      caseInfo: info,
      tz: info.settings.tz ?? computerTimeZone(),
      range: DEFAULT_RANGE,
      report: null,
      latestDay: null,
      maskedImports: null,
      reportStatus: 'idle',
      reportError: null,
    });
    void get().refreshReport();
  };

  /**
   * The answer of opening, picking or creating a case (null: the dialog was cancelled). The last
   * import's summary and its masked records belong to the case left, and go with it.
   */
  const switchedTo = (result: IpcResult<CaseInfo | null>): boolean => {
    if (!result.ok) {
      set({ notice: result.error.message });
      return false;
    }
    if (!result.value) return false;
    set({ notice: null, importOutcomes: null, importMaskedRecords: null, importStatus: 'idle', importError: null });
    caseOpened(result.value);
    return true;
  };

  return {
    ready: false,
    caseInfo: null,
    recent: [],
    notice: null,

    async init() {
      const result = await api.getSession();
      if (!result.ok) {
        set({ ready: true, notice: result.error.message });
        return;
      }
      get().applySession(result.value);
      set({ ready: true });
      if (result.value.importing) set({ importStatus: 'running' });
    },

    applySession(state) {
      set({ recent: state.recent, ...(state.notice ? { notice: state.notice } : {}) });
      const current = get().caseInfo;
      if (state.case && state.case.path !== current?.path) caseOpened(state.case);
      else if (!state.case && current) set({ caseInfo: null, report: null, reportStatus: 'idle' });
      else if (state.case) set({ caseInfo: state.case });
    },

    async openCase(path) {
      return switchedTo(await api.openCase({ path }));
    },

    async pickCase() {
      switchedTo(await api.pickCase());
    },

    async newCase() {
      switchedTo(await api.newCase());
    },

    async clearRecent() {
      const result = await api.clearRecent();
      if (result.ok) set({ recent: result.value });
    },

    async runMenuCommand(command) {
      switch (command.command) {
        case 'new-case':
          return get().newCase();
        case 'open-case':
          return get().pickCase();
        case 'open-recent':
          await get().openCase(command.path);
          return;
        case 'open-paths': {
          // The files were meant for the named case: not imported into another when it cannot open.
          if (command.caseFile !== null && !(await get().openCase(command.caseFile))) return;
          if (command.files.length > 0) await get().importPaths([...command.files]);
          return;
        }
        case 'import-files':
          return get().pickAndImport();
        case 'print-pdf':
          return get().openPrintDialog();
      }
    },

    dismissNotice() {
      set({ notice: null });
    },
  };
};

/** True for a path that names a case file (a dropped case is opened, not imported). */
export const isCasePath = (path: string): boolean => path.toLowerCase().endsWith(CASE_EXTENSION);
