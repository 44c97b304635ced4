/** The renderer's one store, made of typed slices (zustand's slices pattern). */
import type { StateCreator } from 'zustand/vanilla';
import type { ImportOutcome, ImportProgress } from '../../src-main/shared/import-types';
import type {
  CaseInfo,
  DateRange,
  EnrollscopeApi,
  LanguageChoice,
  MenuCommand,
  RangePreset,
  RecentCase,
  SessionState,
} from '../../src-main/shared/ipc-contract';
import type { Language } from '../../src-main/shared/i18n/languages';
import type { ImportRecord, Report } from '../../src-main/shared/report-types';
import type { Platform, Section } from '../../src-main/shared/taxonomy';
import type { ReportViewSlices } from './report-views';
import type { UserMessage } from '../i18n/user-message';
import type { PrintSlice } from './print-slice';

export interface CaseSlice {
  /** False until the first session state arrived. */
  readonly ready: boolean;
  readonly caseInfo: CaseInfo | null;
  readonly recent: readonly RecentCase[];
  /** A message for the user (a case that could not be opened, a refused action). */
  readonly notice: UserMessage | null;
  init(): Promise<void>;
  applySession(state: SessionState): void;
  /** Opens the case at `path`; false (and a notice) when it cannot be opened. */
  openCase(path: string): Promise<boolean>;
  pickCase(): Promise<void>;
  newCase(): Promise<void>;
  clearRecent(): Promise<void>;
  runMenuCommand(command: MenuCommand): Promise<void>;
  dismissNotice(): void;
}

export interface FilterNarrowing {
  readonly range?: { readonly from: string; readonly to: string };
  readonly platforms?: readonly Platform[];
  readonly sections?: readonly Section[];
}

export interface FilterSlice {
  readonly range: DateRange;
  readonly platforms: readonly Platform[];
  readonly sections: readonly Section[];
  readonly tz: string;
  /** Grows whenever a filter is set from outside the panel (a chip, a click on the chart or a row). */
  readonly filterEpoch: number;
  setPreset(days: RangePreset): void;
  setCustomRange(from: string, to: string): void;
  togglePlatform(platform: Platform): void;
  toggleSection(section: Section): void;
  selectAllSections(): void;
  /** Filters the report to what was clicked: a day (a one-day range), a section, a platform. */
  narrowTo(narrow: FilterNarrowing): void;
  /** Back to the default of one filter: the last 14 days, both OS, all sections. */
  clearFilter(which: 'dates' | 'platforms' | 'sections'): void;
  setTimeZone(tz: string): Promise<void>;
}

export type ReportStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ReportSlice {
  readonly report: Report | null;
  readonly latestDay: string | null;
  /** The report's import records masked by main, shown when masking is on (null: not sent). */
  readonly maskedImports: readonly ImportRecord[] | null;
  readonly reportStatus: ReportStatus;
  readonly reportError: string | null;
  refreshReport(): Promise<void>;
}

export interface FileProgress {
  readonly file: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rows: number;
  readonly phase: ImportProgress['phase'];
}

export type ImportStatus = 'idle' | 'running' | 'cancelling' | 'done';

export interface ImportSlice {
  readonly importStatus: ImportStatus;
  /** Progress per file, by file index. */
  readonly importFiles: readonly (FileProgress | undefined)[];
  readonly importOverall: { readonly bytesRead: number; readonly totalBytes: number } | null;
  readonly importOutcomes: readonly ImportOutcome[] | null;
  /** The outcomes' records masked by main, by outcome index, shown when masking is on. */
  readonly importMaskedRecords: readonly (ImportRecord | null)[] | null;
  readonly importError: UserMessage | null;
  /** The drop target's action: paths of dropped files via the preload, a case file opens. */
  importDropped(files: readonly File[]): Promise<void>;
  importPaths(paths: readonly string[]): Promise<void>;
  pickAndImport(): Promise<void>;
  cancelImport(): Promise<void>;
  dismissImport(): void;
  onImportProgress(progress: ImportProgress): void;
}

export interface LanguageSlice {
  /** What the user chose: "system" (the default) or a language. */
  readonly languageChoice: LanguageChoice;
  /** The language "system" stands for on this computer (main reads the system's preferences). */
  readonly systemLanguage: Language;
  /** The language the window speaks. */
  readonly language: Language;
  /** False until main answered with the preferences (or failed to: then English). */
  readonly languageKnown: boolean;
  loadPreferences(): Promise<void>;
  /** Switches the window's language and remembers the choice (main writes it to the user data folder). */
  chooseLanguage(choice: LanguageChoice): Promise<void>;
}

export type AppState = CaseSlice &
  LanguageSlice &
  FilterSlice &
  ReportSlice &
  ImportSlice &
  PrintSlice &
  ReportViewSlices;

/** A slice creator with access to the whole store and to window.api. */
export type Slice<T> = (api: EnrollscopeApi) => StateCreator<AppState, [], [], T>;
