/**
 * The channels beside the report: drill-down, comparison, funnel, annotations, exports
 * and the failures view, over the open case of an AppSession. Plain Node: Electron and the browser
 * harness differ only in the save dialog. Each handler calls the engine's function itself, on the filter
 * of report-request.ts (presets end at the latest day with data), so every number here matches the report shown.
 */
import type { CaseDb } from '../store/case-file';
import { listAttempts } from '../drilldown/attempts';
import { computeComparison } from '../compare/compare';
import { computeFunnel } from '../funnel/funnel';
import { computeFailures } from '../failures/failures';
import { addAnnotation, listAnnotations, removeAnnotation, updateAnnotation } from '../notes/annotations';
import { exportDailyCsv, exportReportJson, exportSectionTablesCsv } from '../exports/exports';
import { computeFindings } from '../findings/compute-findings';
import { gatherFindingsInput } from '../findings/gather';
import type { Finding } from '../shared/findings-types';
import type { CompareRequest, Comparison } from '../shared/compare-types';
import type { AttemptPage, AttemptsRequest } from '../shared/drilldown-types';
import type { ExportKind, ExportRequest, SavedFile } from '../shared/export-types';
import type { FailuresReport } from '../shared/failures-types';
import type { Funnel } from '../shared/funnel-types';
import type { Annotation, AnnotationPatch } from '../shared/notes-types';
import type { ReportRequest } from '../shared/ipc-contract';
import { maskReport } from '../shared/mask';
import { maskKeyOf } from '../store/mask-key';
import type { Report, ReportFilter } from '../shared/report-types';
import { writeFileAtomic } from '../files/write-file-atomic';
import { HandlerError } from './ipc';
import { failuresFilterOf } from './report-request';
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

export class ReportViewsService {
  private saving = false;

  constructor(
    private readonly session: AppSession,
    private readonly chooseSavePath: ChooseSavePath | null,
  ) {}

  private resolve(request: ReportRequest): { db: CaseDb; filter: ReportFilter } {
    return { db: this.session.caseDb(), filter: this.session.filterFor(request).filter };
  }

  attempts(request: AttemptsRequest): AttemptPage {
    const { db, filter } = this.resolve(request.report);
    return listAttempts(db, { ...filter, ...request.query, mask: request.maskUsers });
  }

  compare(request: CompareRequest): Comparison {
    const { db, filter } = this.resolve(request.report);
    return computeComparison(db, filter, request.against);
  }

  funnel(request: ReportRequest): Funnel {
    const { db, filter } = this.resolve(request);
    return computeFunnel(db, filter);
  }

  findings(request: ReportRequest): readonly Finding[] {
    const { db, filter } = this.resolve(request);
    return computeFindings(gatherFindingsInput(db, filter));
  }

  /** Failures have their own latest day and filters (report-request.ts, failuresFilterOf). */
  failures(request: ReportRequest): FailuresReport {
    const db = this.session.caseDb();
    return computeFailures(db, failuresFilterOf(db, request));
  }

  annotations(): readonly Annotation[] {
    return listAnnotations(this.session.caseDb());
  }

  addAnnotation(note: { date: string; text: string }): readonly Annotation[] {
    const db = this.session.writableCaseDb();
    addAnnotation(db, { date: note.date, text: note.text.trim() });
    return listAnnotations(db);
  }

  updateAnnotation(patch: AnnotationPatch): readonly Annotation[] {
    const db = this.session.writableCaseDb();
    const { id, ...rest } = patch;
    updateAnnotation(db, id, rest.text === undefined ? rest : { ...rest, text: rest.text.trim() });
    return listAnnotations(db);
  }

  removeAnnotation(id: number): readonly Annotation[] {
    const db = this.session.writableCaseDb();
    removeAnnotation(db, id);
    return listAnnotations(db);
  }

  /** Asks where to save (save dialog), then writes the export of the report as filtered. */
  async saveExport(request: ExportRequest): Promise<SavedFile | null> {
    if (!this.chooseSavePath) throw new HandlerError('failed', 'Saving files is not available here.');
    if (this.saving) throw new HandlerError('busy', 'A file is being saved. Wait for it to finish.');
    this.saving = true;
    try {
      const info = this.session.info();
      const first = this.session.report(request.report).report;
      const spec = EXPORTS[request.kind];
      const who = info.settings.customer || info.name;
      const path = await this.chooseSavePath(exportFileName(who, first.range.from, first.range.to, request.kind), {
        name: spec.filter,
        extensions: [spec.extension],
      });
      if (!path) return null;
      // Again after the dialog: the file holds the data as it is when saved.
      // The section tables CSV lists every observed row; the app's view folds all but the top ones.
      const report = this.session.report(
        request.report,
        spec.allRows === true ? { observedRows: 'all' } : undefined,
      ).report;
      const text = spec.write(request.maskUsers ? maskReport(report, maskKeyOf(this.session.caseDb())) : report);
      const bytes = new TextEncoder().encode(text);
      writeFileAtomic(path, bytes);
      return { path, bytes: bytes.length };
    } finally {
      this.saving = false;
    }
  }
}
