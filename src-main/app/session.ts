/**
 * The main process's state and the work behind every IPC channel: the open case, the recent list,
 * the running import. Plain Node (no Electron import): Electron's main and the browser test
 * harness build the same AppSession and differ only in dialogs and in how events reach the window.
 */
import { progressThrottle } from '../workers/progress-throttle';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ReportFilter } from '../shared/report-types';
import {
  CASE_EXTENSION,
  type CaseCheck,
  type CaseInfo,
  type CaseSettings,
  type EventContract,
  type EventChannel,
  type ImportRun,
  type RefusedFile,
  type ReportRequest,
  type SessionState,
} from '../shared/ipc-contract';
import { getSetting, isReadOnlyCase, openCase, setSetting, type CaseDb } from '../store/case-file';
import { importCount } from '../store/imports';
import { runImportInWorker } from '../workers/import-in-worker';
import { HandlerError } from './ipc';
import { latestDayOf, reportFilterOf } from './report-request';
import { RecentCases, caseName } from './recent';
import { maskKeyOf } from '../store/mask-key';
import { maskImportRecord } from '../shared/mask';
import { caseLocationWarning } from '../platform/network-share';
import { checkCase } from '../store/case-check';

/** The dialogs the session needs; Electron's are in dialogs.ts, the harness scripts its own. */
export interface Dialogs {
  /** Where to create a new case; null when cancelled. */
  chooseNewCasePath(defaultName: string): Promise<string | null>;
  chooseCaseToOpen(): Promise<string | null>;
  /** Files (or folders) to import; [] when cancelled. */
  chooseImportFiles(): Promise<string[]>;
}

export interface SessionOptions {
  readonly dialogs: Dialogs;
  /** The user data folder: recent list, the sample's copy, new untitled cases. */
  readonly userDataDir: string;
  /** The bundled sample case (read only: it is copied, never opened in place). */
  readonly sampleCase: string | null;
  /** Pushes an event to the window. */
  readonly emit: <E extends EventChannel>(channel: E, payload: EventContract[E]) => void;
  /** Called when the recent list or the open case changed (the menu is rebuilt). */
  readonly onChange?: (state: SessionState) => void;
  /** Least time between two progress events of the same file and phase (ms). */
  readonly progressIntervalMs?: number;
}

/** A request resolved against the open case (AppSession.resolve). */
export interface ResolvedRequest {
  readonly db: CaseDb;
  readonly filter: ReportFilter;
  /** The latest day with data in the request's zone (null: no import yet); presets end here. */
  readonly latestDay: string | null;
}

interface OpenCase {
  readonly path: string;
  readonly db: CaseDb;
  /** Looked at once, when the case is opened (platform/network-share.ts). */
  readonly storageWarning: string | null;
}

const SETTING_KEYS = ['tz', 'customer', 'consultant'] as const;
const REFUSED_KEY = 'refused-files';
/** Set in the bundled sample case by make-sample (synthetic data, say so in the header). */
export const SAMPLE_KEY = 'sample';
const MAX_REFUSED = 50;
const READ_ONLY_MESSAGE =
  'This case is read-only for you (the file or its folder is not writable): it can be read, printed and exported, not changed.';
export const SAMPLE_COPY_NAME = `Sample case${CASE_EXTENSION}`;

export class AppSession {
  private current: OpenCase | null = null;
  private readonly recent: RecentCases;
  private notice: string | null = null;
  private importing: AbortController | null = null;
  private readonly idleWaiters: (() => void)[] = [];
  /** Latest day with data, per zone, for the open case; cleared when its data changes. */
  private readonly latestDays = new Map<string, string | null>();

  constructor(private readonly options: SessionOptions) {
    mkdirSync(options.userDataDir, { recursive: true });
    this.recent = new RecentCases(join(options.userDataDir, 'recent-cases.json'));
  }

  /**
   * At start: the case the app was launched with (double-clicked), else reopen the last case, or
   * on the very first start open a copy of the sample case.
   */
  start(launchCase: string | null = null): void {
    if (launchCase !== null) {
      this.tryOpen(launchCase, `Could not open ${caseName(launchCase)}`);
      return;
    }
    if (!this.recent.existed) {
      const copy = this.sampleCopy();
      if (copy) this.tryOpen(copy, 'Could not reopen the sample case');
      return;
    }
    const last = this.recent.entries[0];
    if (last) this.tryOpen(last.path, `Could not reopen the last case (${last.name})`);
  }

  private tryOpen(path: string, failure: string): void {
    try {
      this.openPath(path, false);
    } catch (error) {
      this.notice = `${failure}: ${(error as Error).message}`;
    }
  }

  /** A copy of the bundled sample in the user data folder (made once; the user may import into it). */
  private sampleCopy(): string | null {
    const sample = this.options.sampleCase;
    if (!sample || !existsSync(sample)) {
      this.notice = 'The sample case is missing from this installation.';
      return null;
    }
    const copy = join(this.options.userDataDir, SAMPLE_COPY_NAME);
    if (!existsSync(copy)) copyFileSync(sample, copy);
    return copy;
  }

  state(): SessionState {
    return {
      case: this.current ? this.info() : null,
      recent: this.recent.entries,
      notice: this.notice,
      importing: this.importing !== null,
    };
  }

  private changed(): void {
    const state = this.state();
    this.options.onChange?.(state);
    this.options.emit('session:changed', state);
  }

  private requireCase(): OpenCase {
    if (!this.current) throw new HandlerError('no-case', 'No case is open. Create or open a case first.');
    return this.current;
  }

  private requireIdle(): void {
    if (this.importing) throw new HandlerError('busy', 'An import is running. Wait for it to end or cancel it.');
  }

  info(): CaseInfo {
    const { path, db, storageWarning } = this.requireCase();
    const settings: Record<string, string> = {};
    for (const key of SETTING_KEYS) {
      const value = getSetting(db, key);
      if (value !== undefined) settings[key] = value;
    }
    return {
      path,
      name: caseName(path),
      settings: settings as CaseSettings,
      isSample: getSetting(db, SAMPLE_KEY) === 'true',
      importCount: importCount(db),
      refused: this.refusedFiles(db),
      storageWarning,
      readOnly: isReadOnlyCase(db),
    };
  }

  private refusedFiles(db: CaseDb): RefusedFile[] {
    try {
      const parsed: unknown = JSON.parse(getSetting(db, REFUSED_KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as RefusedFile[]) : [];
    } catch {
      return [];
    }
  }

  private openPath(path: string, create: boolean): CaseInfo {
    const full = resolve(path);
    const db = openCase(full, { create });
    this.closeCase();
    this.current = { path: full, db, storageWarning: caseLocationWarning(full) };
    this.notice = null;
    this.recent.touch(full);
    return this.info();
  }

  private closeCase(): void {
    this.latestDays.clear();
    const open = this.current;
    this.current = null;
    open?.db.close();
  }

  openCase(path: string): CaseInfo {
    this.requireIdle();
    const info = this.openPath(path, false);
    this.changed();
    return info;
  }

  async newCase(): Promise<CaseInfo | null> {
    this.requireIdle();
    const path = await this.options.dialogs.chooseNewCasePath(`New case${CASE_EXTENSION}`);
    if (!path) return null;
    return this.createCase(path);
  }

  createCase(path: string): CaseInfo {
    this.requireIdle();
    const full = resolve(path.endsWith(CASE_EXTENSION) ? path : `${path}${CASE_EXTENSION}`);
    if (existsSync(full)) {
      throw new HandlerError('refused', `${basename(full)} already exists: choose another name, or open it as a case.`);
    }
    const info = this.openPath(full, true);
    this.changed();
    return info;
  }

  async pickCase(): Promise<CaseInfo | null> {
    this.requireIdle();
    const path = await this.options.dialogs.chooseCaseToOpen();
    return path ? this.openCase(path) : null;
  }

  saveSettings(settings: CaseSettings): CaseInfo {
    const { db } = this.requireCase();
    // A read-only case cannot remember them; printing (which saves them first) still works.
    if (isReadOnlyCase(db)) return this.info();
    for (const key of SETTING_KEYS) {
      const value = settings[key];
      if (value !== undefined) setSetting(db, key, value);
    }
    return this.info();
  }

  /** The full integrity_check of the open case (a read: it runs during an import too). */
  checkCase(): CaseCheck {
    const { ok, problems } = checkCase(this.requireCase().db, 'full');
    return { ok, problems: [...problems] };
  }

  clearRecent(): SessionState['recent'] {
    this.recent.clear();
    if (this.current) this.recent.touch(this.current.path);
    this.changed();
    return this.recent.entries;
  }

  /** The latest day with data in `tz` (report-request.ts), kept until the case's data changes. */
  private latestDay(db: CaseDb, tz: string): string | null {
    if (!this.latestDays.has(tz)) this.latestDays.set(tz, latestDayOf(db, tz));
    return this.latestDays.get(tz) ?? null;
  }

  /** The open case's database, for a handler that reads it without a report request (notes). */
  caseDb(): CaseDb {
    return this.requireCase().db;
  }

  /**
   * The open case's database for a change (annotations): refused when the case is read-only, and
   * while this app's import holds the case's write lock (the change would wait for it, then fail).
   */
  writableCaseDb(): CaseDb {
    const { db } = this.requireCase();
    if (isReadOnlyCase(db)) throw new HandlerError('refused', READ_ONLY_MESSAGE);
    this.requireIdle();
    return db;
  }

  /**
   * A renderer's request resolved against the open case, for every handler that takes one: the
   * engine's filter (report-request.ts, presets ended at the latest day with data) and the case to
   * run it on. The handler then calls the engine's function itself.
   */
  resolve(request: ReportRequest): ResolvedRequest {
    const { db } = this.requireCase();
    const latestDay = this.latestDay(db, request.tz);
    return { db, filter: reportFilterOf(request, latestDay), latestDay };
  }

  /** Imports files or folders into the open case (a new untitled case when none is open). */
  async importFiles(paths: readonly string[]): Promise<ImportRun> {
    this.requireIdle();
    if (!this.current) {
      const dir = join(this.options.userDataDir, 'Cases');
      mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ').replace(':', '.');
      this.createCase(join(dir, `Case ${stamp}${CASE_EXTENSION}`));
    }
    const { path, db } = this.requireCase();
    if (isReadOnlyCase(db)) throw new HandlerError('refused', READ_ONLY_MESSAGE);
    const controller = new AbortController();
    this.importing = controller;
    const throttle = progressThrottle((p) => this.options.emit('import:progress', p), this.options.progressIntervalMs);
    try {
      const outcomes = await runImportInWorker(path, paths, {
        signal: controller.signal,
        onProgress: throttle,
      });
      this.latestDays.clear();
      const refused = outcomes.flatMap((o) =>
        o.status === 'refused' ? [{ file: o.file, reason: o.reason, at: new Date().toISOString() }] : [],
      );
      if (refused.length) {
        const all = [...refused, ...this.refusedFiles(db)].slice(0, MAX_REFUSED);
        setSetting(db, REFUSED_KEY, JSON.stringify(all));
      }
      const key = maskKeyOf(db);
      const maskedRecords = outcomes.map((o) => (o.status === 'imported' ? maskImportRecord(o.record, key) : null));
      return { outcomes, maskedRecords, case: this.info() };
    } finally {
      this.importing = null;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      // The window hears the session as the import left it (its imports, not importing), after
      // any change it was sent before (the case made for this import), which may reach it late.
      if (this.current) this.changed();
    }
  }

  async pickImportFiles(): Promise<string[]> {
    return this.options.dialogs.chooseImportFiles();
  }

  /** Resolves once no import runs (at once when none does). */
  whenIdle(): Promise<void> {
    if (!this.importing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  cancelImport(): boolean {
    if (!this.importing) return false;
    this.importing.abort();
    return true;
  }

  close(): void {
    this.importing?.abort();
    this.closeCase();
  }
}
