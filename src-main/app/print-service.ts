/**
 * The app's Print to PDF, behind the `print:pdf` and `print:job` channels. Plain Node: Electron
 * (src-main/pdf/electron-printer.ts) and the browser test harness differ only in how a job is
 * printed (a hidden BrowserWindow, or a page of the test's browser) and in the save dialog.
 *
 *   print:pdf  remember customer and consultant in the case -> save dialog -> compute the report
 *              of the request -> print the job -> write the file (atomically)
 *   print:job  the print route asks for the job being printed
 */
import { HandlerError } from './ipc';
import type { AppSession } from './session';
import type { CaseInfo } from '../shared/ipc-contract';
import type { PrintJob, PrintRequest, PrintResult } from '../shared/print-types';
import { maskReport } from '../shared/mask';
import { maskKeyOf } from '../store/mask-key';
import { writeFileAtomic } from '../files/write-file-atomic';
import { withAuthor } from '../pdf/pdf-author';
import type { PrintDeps } from '../pdf/print-deps';
import { buildPrintJob } from '../pdf/print-job';
import { computeReport } from '../report/compute-report';

/** A file name for the PDF: `Contoso – Incomplete enrollments 2025-06-01 to 2025-06-14.pdf`. */
export function pdfFileName(caseName: string | null, customer: string, from: string, to: string): string {
  const text = [...(customer || caseName || '')].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('');
  const who = text.replace(/\s+/g, ' ').trim().slice(0, 80);
  const range = from === to ? from : `${from} to ${to}`;
  return `${who ? `${who} – ` : ''}Incomplete enrollments ${range}.pdf`;
}

export class PrintService {
  private printing = false;
  private pending: PrintJob | null = null;

  constructor(
    private readonly session: AppSession,
    private readonly deps: PrintDeps | null,
  ) {}

  /** The job being printed, for the print route. */
  job(): PrintJob {
    if (!this.pending) throw new HandlerError('failed', 'Nothing is being printed.');
    return this.pending;
  }

  async printPdf(request: PrintRequest): Promise<{ pdf: PrintResult | null; case: CaseInfo }> {
    if (!this.deps) throw new HandlerError('failed', 'Printing to PDF is not available here.');
    if (this.printing) throw new HandlerError('busy', 'A PDF is being printed. Wait for it to finish.');
    this.printing = true;
    try {
      const customer = request.customer.trim();
      const consultant = request.consultant.trim();
      const before = this.session.saveSettings({ customer, consultant });
      const { db, filter } = this.session.resolve(request.report);
      const report = computeReport(db, filter);
      const path = await this.deps.choosePdfPath(
        pdfFileName(before.name, customer, report.range.from, report.range.to),
      );
      if (!path) return { pdf: null, case: before };
      // The report again after the dialog: the document shows the data as it is when printed.
      const info = this.session.info();
      const printed = computeReport(db, this.session.resolve(request.report).filter);
      const job = buildPrintJob(db, {
        report: printed,
        // Masked here, with the case's key (the print route draws what it is given).
        shown: request.maskUsers ? maskReport(printed, maskKeyOf(db)) : printed,
        ...(request.compare ? { compare: request.compare } : {}),
        ...(request.chartGranularity ? { chart: { granularity: request.chartGranularity } } : {}),
        maskUsers: request.maskUsers,
        meta: {
          page: request.page,
          caseName: info.name,
          customer,
          consultant,
          generatedAt: (this.deps.now?.() ?? new Date()).toISOString(),
          maskUsers: request.maskUsers,
          sampleData: info.isSample,
          ...(request.report.range.kind === 'last' ? { lastDays: request.report.range.days } : {}),
          language: request.language,
        },
      });
      this.pending = job;
      let bytes: Uint8Array;
      try {
        bytes = withAuthor(await this.deps.render(job), consultant);
      } finally {
        this.pending = null;
      }
      writeFileAtomic(path, bytes);
      return { pdf: { path, bytes: bytes.length }, case: this.session.info() };
    } finally {
      this.printing = false;
    }
  }
}
