/**
 * The engine functions the app's handlers use, in one place: the report, the import (in a worker
 * thread), the case file. Handlers take an Engine so the harness and Electron run the same ones.
 */
import type { ImportOutcome, ImportProgress } from '../shared/import-types';
import type { Report, ReportFilter } from '../shared/report-types';
import { computeReport, type ReportOptions } from '../report/compute-report';
import { runImportInWorker } from '../workers/import-in-worker';
import { getSetting, openCase, setSetting, type CaseDb } from '../store/case-file';
import { listImports } from '../store/imports';

export interface Engine {
  openCase(path: string, options: { create: boolean }): CaseDb;
  computeReport(db: CaseDb, filter: ReportFilter, options?: ReportOptions): Report;
  runImport(
    casePath: string,
    paths: readonly string[],
    options: { signal?: AbortSignal; onProgress?: (p: ImportProgress) => void },
  ): Promise<ImportOutcome[]>;
  importCount(db: CaseDb): number;
  getSetting(db: CaseDb, key: string): string | undefined;
  setSetting(db: CaseDb, key: string, value: string): void;
}

export const engine: Engine = {
  openCase: (path, options) => openCase(path, { create: options.create }),
  computeReport,
  runImport: runImportInWorker,
  importCount: (db) => listImports(db).length,
  getSetting,
  setSetting,
};
