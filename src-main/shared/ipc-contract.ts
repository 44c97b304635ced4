/**
 * The typed IPC contract between the main process and the renderer: one map of invoke channels
 * (argument and result types) and one map of pushed events. Main (registration, handlers), the
 * preload (the `window.api` verbs) and the renderer (the store) are all typed from here, so the
 * three cannot drift. Node-free: types and a few constants only.
 */
import type { Finding } from './findings-types';
import type { ImportOutcome, ImportProgress } from './import-types';
import type { CompareRequest, Comparison } from './compare-types';
import type { AttemptPage, AttemptsRequest } from './drilldown-types';
import type { ExportRequest, SavedFile } from './export-types';
import type { FailuresReport } from './failures-types';
import type { Funnel } from './funnel-types';
import type { Annotation, AnnotationInput, AnnotationPatch } from './notes-types';
import type { PrintJob, PrintRequest, PrintResult } from './print-types';
import type { ImportRecord, Report } from './report-types';
import type { Platform, Section } from './taxonomy';
import { LANGUAGES, type Language } from './i18n/languages';

/** Settings remembered in the case file itself. */
export interface CaseSettings {
  /** IANA time zone the report is shown in; absent: the computer's zone. */
  readonly tz?: string;
  readonly customer?: string;
  readonly consultant?: string;
}

/** A file the user gave that was refused as a whole (kept per case for the data-quality panel). */
export interface RefusedFile {
  readonly file: string;
  readonly reason: string;
  /** ISO time of the attempt. */
  readonly at: string;
}

export interface CaseInfo {
  readonly path: string;
  /** The file name without `.enrollscope`. */
  readonly name: string;
  readonly settings: CaseSettings;
  /** True for the copy of the bundled sample case. */
  readonly isSample: boolean;
  /** Number of imports stored in the case (0: an empty case). */
  readonly importCount: number;
  readonly refused: readonly RefusedFile[];
  /** Set when the case is on a network share, where SQLite's locking cannot be trusted (the warning to show). */
  readonly storageWarning: string | null;
  /**
   * True when this user cannot write the case (file or folder not writable): reports, drill-down,
   * exports and PDF work; imports and annotations are refused; settings are not remembered.
   */
  readonly readOnly?: boolean;
}

/** `case:check`: SQLite's full integrity_check of the open case (docs/security.md, what is checked when). */
export interface CaseCheck {
  readonly ok: boolean;
  /** SQLite's findings, one per line; empty when ok. */
  readonly problems: readonly string[];
}

export interface RecentCase {
  readonly path: string;
  readonly name: string;
  readonly openedAt: string;
}

export interface SessionState {
  readonly case: CaseInfo | null;
  readonly recent: readonly RecentCase[];
  /** A one-line message for the user about the start (e.g. the last case could not be reopened). */
  readonly notice: string | null;
  /** True while an import runs (e.g. after a reload of the window). */
  readonly importing: boolean;
}

/** The user's language choice: the system's (the default) or one of the product's languages. */
export type LanguageChoice = 'system' | Language;
export const LANGUAGE_CHOICES = ['system', ...LANGUAGES] as const satisfies readonly LanguageChoice[];

/** The user's own settings, remembered in the user data folder (not in a case). */
export interface UserPreferences {
  readonly language: LanguageChoice;
}

/** `preferences:get`/`preferences:set`: the user's settings and what "system" means on this computer. */
export interface PreferencesState {
  readonly preferences: UserPreferences;
  /** The first of the system's preferred languages the product speaks (English when none). */
  readonly systemLanguage: Language;
}

export const RANGE_PRESETS = [7, 14, 30] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The report's date range as the user chose it. */
export type DateRange =
  | { readonly kind: 'last'; readonly days: RangePreset }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

export interface ReportRequest {
  readonly range: DateRange;
  readonly platforms: readonly Platform[];
  readonly sections: readonly Section[];
  readonly tz: string;
}

export interface ReportResponse {
  readonly report: Report;
  /** The latest day with data in the case, in the request's zone (null: no data). Presets end here. */
  readonly latestDay: string | null;
  /**
   * `report.imports` masked by main with the case's key (the skipped rows' examples), shown when
   * masking is on: the key never leaves main.
   */
  readonly maskedImports?: readonly ImportRecord[];
}

export interface ImportRun {
  readonly outcomes: readonly ImportOutcome[];
  /** Each imported outcome's record masked by main with the case's key (null where none was imported). */
  readonly maskedRecords?: readonly (ImportRecord | null)[];
  /** The case after the import (a case is created when none was open). */
  readonly case: CaseInfo;
}

/** Commands the application menu sends to the renderer, which runs them as its own actions. */
export type MenuCommand =
  | { readonly command: 'new-case' }
  | { readonly command: 'open-case' }
  | { readonly command: 'open-recent'; readonly path: string }
  | { readonly command: 'import-files' }
  | { readonly command: 'print-pdf' }
  /** A launch's files (a case double-clicked, files dropped on the app's icon): open, then import. */
  | { readonly command: 'open-paths'; readonly caseFile: string | null; readonly files: readonly string[] };

/** Invoke channels: the argument (undefined: none) and the value of a successful result. */
export interface InvokeContract {
  'session:get': { arg: undefined; result: SessionState };
  /** Asks where to create a case (save dialog) and opens it; null when the user cancelled. */
  'case:new': { arg: undefined; result: CaseInfo | null };
  /** Asks which case to open (open dialog); null when the user cancelled. */
  'case:pick': { arg: undefined; result: CaseInfo | null };
  'case:open': { arg: { path: string }; result: CaseInfo };
  'case:settings': { arg: CaseSettings; result: CaseInfo };
  /** Check case: the open case's full integrity_check (indexes against their tables too). */
  'case:check': { arg: undefined; result: CaseCheck };
  'recent:clear': { arg: undefined; result: readonly RecentCase[] };
  'report:get': { arg: ReportRequest; result: ReportResponse };
  /** Asks which files to import (open dialog); [] when the user cancelled. */
  'import:pick': { arg: undefined; result: readonly string[] };
  'import:run': { arg: { paths: readonly string[] }; result: ImportRun };
  /** Cancels the running import; false when none was running. */
  'import:cancel': { arg: undefined; result: boolean };
  /**
   * Print to PDF: saves the customer and consultant in the case, asks where to save (save dialog),
   * prints the report of the request in a hidden window. `pdf` is null when the user cancelled.
   */
  'print:pdf': { arg: PrintRequest; result: { readonly pdf: PrintResult | null; readonly case: CaseInfo } };
  /** The print route (index.html#print) asks for the document it is to draw. */
  'print:job': { arg: undefined; result: PrintJob };
  /** Drill-down: a page of the attempts behind a number of the report as filtered. */
  'attempts:list': { arg: AttemptsRequest; result: AttemptPage };
  /** The report as filtered beside another period (default: the one of equal length before). */
  'report:compare': { arg: CompareRequest; result: Comparison };
  'funnel:get': { arg: ReportRequest; result: Funnel };
  /** The findings of the report as filtered, ranked (src-main/findings). */
  'findings:get': { arg: ReportRequest; result: readonly Finding[] };
  /** Enrollment failures (spec 8): the request's dates (a preset ends at the latest failure) and zone. */
  'failures:get': { arg: ReportRequest; result: FailuresReport };
  /** Dated notes of the open case; every change answers with the whole list. */
  'annotations:list': { arg: undefined; result: readonly Annotation[] };
  'annotations:add': { arg: AnnotationInput; result: readonly Annotation[] };
  'annotations:update': { arg: AnnotationPatch; result: readonly Annotation[] };
  'annotations:remove': { arg: { readonly id: number }; result: readonly Annotation[] };
  /** Asks where to save (save dialog) and writes the export; null when the user cancelled. */
  'export:save': { arg: ExportRequest; result: SavedFile | null };
  'preferences:get': { arg: undefined; result: PreferencesState };
  /** Changes the given settings (the others stay) and writes them; answers with the new state. */
  'preferences:set': { arg: Partial<UserPreferences>; result: PreferencesState };
}

/** Events pushed from main to the renderer. */
export interface EventContract {
  'import:progress': ImportProgress;
  'menu:command': MenuCommand;
  'session:changed': SessionState;
}

export type InvokeChannel = keyof InvokeContract;
export type EventChannel = keyof EventContract;
export type ArgOf<C extends InvokeChannel> = InvokeContract[C]['arg'];
export type ResultOf<C extends InvokeChannel> = InvokeContract[C]['result'];

export const INVOKE_CHANNELS = [
  'session:get',
  'case:new',
  'case:pick',
  'case:open',
  'case:settings',
  'case:check',
  'recent:clear',
  'report:get',
  'import:pick',
  'import:run',
  'import:cancel',
  'print:pdf',
  'print:job',
  'attempts:list',
  'report:compare',
  'funnel:get',
  'findings:get',
  'failures:get',
  'annotations:list',
  'annotations:add',
  'annotations:update',
  'annotations:remove',
  'export:save',
  'preferences:get',
  'preferences:set',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = [
  'import:progress',
  'menu:command',
  'session:changed',
] as const satisfies readonly EventChannel[];

export type IpcErrorCode =
  /** The arguments did not pass the channel's schema. */
  | 'invalid-args'
  /** The call did not come from the app's own window. */
  | 'untrusted-sender'
  | 'unknown-channel'
  /** The action needs an open case. */
  | 'no-case'
  /** An import is running. */
  | 'busy'
  /** A file is not a usable case. */
  | 'refused'
  /** The engine refused the report's filter. */
  | 'bad-filter'
  | 'failed';

export interface IpcError {
  readonly code: IpcErrorCode;
  /** One line, for the user. */
  readonly message: string;
}

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

type Verb<C extends InvokeChannel> =
  ArgOf<C> extends undefined
    ? () => Promise<IpcResult<ResultOf<C>>>
    : (arg: ArgOf<C>) => Promise<IpcResult<ResultOf<C>>>;

/** `window.api`: the preload's named verbs. */
export interface EnrollscopeApi {
  getSession: Verb<'session:get'>;
  newCase: Verb<'case:new'>;
  pickCase: Verb<'case:pick'>;
  openCase: Verb<'case:open'>;
  saveCaseSettings: Verb<'case:settings'>;
  checkCase: Verb<'case:check'>;
  clearRecent: Verb<'recent:clear'>;
  getReport: Verb<'report:get'>;
  pickImportFiles: Verb<'import:pick'>;
  importFiles: Verb<'import:run'>;
  cancelImport: Verb<'import:cancel'>;
  printToPdf: Verb<'print:pdf'>;
  getPrintJob: Verb<'print:job'>;
  listAttempts: Verb<'attempts:list'>;
  compareReport: Verb<'report:compare'>;
  getFunnel: Verb<'funnel:get'>;
  getFindings: Verb<'findings:get'>;
  getFailures: Verb<'failures:get'>;
  listAnnotations: Verb<'annotations:list'>;
  addAnnotation: Verb<'annotations:add'>;
  updateAnnotation: Verb<'annotations:update'>;
  removeAnnotation: Verb<'annotations:remove'>;
  saveExport: Verb<'export:save'>;
  getPreferences: Verb<'preferences:get'>;
  setPreferences: Verb<'preferences:set'>;
  onImportProgress(listener: (progress: ImportProgress) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onSessionChanged(listener: (state: SessionState) => void): () => void;
  /** The path of a dropped file (Electron's webUtils.getPathForFile); '' when it has none. */
  pathForFile(file: File): string;
}

/** The extension of case files. */
export const CASE_EXTENSION = '.enrollscope';
