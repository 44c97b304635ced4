/**
 * export:save: asks where to save (a save dialog), then writes the export of the report as filtered,
 * masked with the case's key when the user asked. One save at a time.
 */
import { computeReport } from '../report/compute-report';
import { exportDailyCsv, exportReportJson, exportSectionTablesCsv } from '../exports/exports';
import type { ExportKind, ExportRequest, SavedFile } from '../shared/export-types';
import { maskReport } from '../shared/mask';
import type { Report } from '../shared/report-types';
import { maskKeyOf } from '../store/mask-key';
import { writeFileAtomic } from '../files/write-file-atomic';
import { HandlerError } from './ipc';
import type { AppSession } from './session';

/** A save dialog: where to write a file of this kind; null when the user cancelled. */
export type ChooseSavePath = (
  defaultName: string,
  filter: { readonly name: string; readonly extensions: readonly string[] },
) => Promise<string | null>;

const EXPORTS: Readonly<
  Record<
    ExportKind,
    {
      what: string;
      extension: string;
      filter: string;
      write: (r: Report) => string;
      /** True when the export lists every observed row (no "other wordings" row). */
      allRows?: boolean;
    }
  >
> = {
  'section-tables-csv': {
    what: 'section tables',
    extension: 'csv',
    filter: 'CSV (Excel)',
    write: exportSectionTablesCsv,
    allRows: true,
  },
  'daily-csv': { what: 'daily', extension: 'csv', filter: 'CSV (Excel)', write: exportDailyCsv },
  'report-json': { what: 'report', extension: 'json', filter: 'JSON', write: exportReportJson },
};

/** `Contoso – Incomplete enrollments 2025-06-01 to 2025-06-14 – daily.csv` (no characters a file system refuses). */
export function exportFileName(who: string, from: string, to: string, kind: ExportKind): string {
  const spec = EXPORTS[kind];
  const clean = [...who].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('');
  const name = clean.replace(/\s+/g, ' ').trim().slice(0, 80);
  const range = from === to ? from : `${from} to ${to}`;
  return `${name ? `${name} – ` : ''}Incomplete enrollments ${range} – ${spec.what}.${spec.extension}`;
}

/** The export:save handler; without a save dialog it answers that saving is not available. */
export function exportSaver(
  session: AppSession,
  chooseSavePath: ChooseSavePath | null,
): (request: ExportRequest) => Promise<SavedFile | null> {
  let saving = false;
  return async (request) => {
    if (!chooseSavePath) throw new HandlerError('failed', 'Saving files is not available here.');
    if (saving) throw new HandlerError('busy', 'A file is being saved. Wait for it to finish.');
    saving = true;
    try {
      const info = session.info();
      const { db, filter } = session.resolve(request.report);
      const first = computeReport(db, filter);
      const spec = EXPORTS[request.kind];
      const who = info.settings.customer || info.name;
      const path = await chooseSavePath(exportFileName(who, first.range.from, first.range.to, request.kind), {
        name: spec.filter,
        extensions: [spec.extension],
      });
      if (!path) return null;
      // Again after the dialog: the file holds the data as it is when saved.
      // The section tables CSV lists every observed row; the app's view folds all but the top ones.
      const again = session.resolve(request.report).filter;
      const report = computeReport(db, again, spec.allRows === true ? { observedRows: 'all' } : {});
      const text = spec.write(request.maskUsers ? maskReport(report, maskKeyOf(db)) : report);
      const bytes = new TextEncoder().encode(text);
      writeFileAtomic(path, bytes);
      return { path, bytes: bytes.length };
    } finally {
      saving = false;
    }
  };
}
