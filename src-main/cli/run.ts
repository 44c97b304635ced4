/**
 * The command line's work, without process concerns (exit codes, streams): import the files into
 * a case (temporary, or --db), then report. Throws CliFailure with a one-line message.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { PdfPrinter } from '../pdf/cli-pdf';
import type { PrintJob } from '../shared/print-types';
import type { Report } from '../shared/report-types';
import { maskImportRecord, maskReport } from '../shared/mask';
import { maskKeyOf } from '../store/mask-key';
import { listAnnotations } from '../insights/annotations';
import { computeReport } from '../report/compute-report';
import { formatCsv } from '../report/format-csv';
import { formatText } from '../report/format-text';
import { getSetting, openCase, type CaseDb } from '../store/case-file';
import { importFiles } from '../store/import-files';
import { listImports } from '../store/imports';
import { readInputBySize } from '../workers/parse-in-worker';
import type { ImportsArgs, PdfArgs, ReportArgs } from './args';
import { formatImportsText } from './format-imports';
import { markPhase } from './stats';

export class CliFailure extends Error {
  override name = 'CliFailure';
}

/** Opens --db (created when missing) or a temporary case that is deleted afterwards. */
export async function withCase<T>(dbPath: string | undefined, work: (db: CaseDb) => Promise<T>): Promise<T> {
  const tempDir = dbPath === undefined ? mkdtempSync(join(tmpdir(), 'enrollscope-')) : undefined;
  const db = openCase(dbPath ?? join(tempDir!, 'case.enrollscope'));
  try {
    return await work(db);
  } finally {
    db.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    markPhase('closed');
  }
}

export async function importAll(db: CaseDb, files: readonly string[]): Promise<void> {
  if (files.length === 0) return;
  const outcomes = await importFiles(db, files, {
    reader: readInputBySize,
    onProgress: (progress) => progress.phase === 'attempts' && markPhase('stored'),
  });
  markPhase('imported');
  const refused = outcomes.filter((outcome) => outcome.status !== 'imported');
  const first = refused[0];
  if (first) {
    const reason = first.status === 'refused' ? first.reason : 'cancelled';
    const more =
      refused.length > 1 ? ` (and ${refused.length - 1} more file${refused.length > 2 ? 's' : ''} refused)` : '';
    throw new CliFailure(`${first.file}: ${reason}${more}`);
  }
}

/** The report the arguments ask for; with --mask-users, masked with the case's key. */
function reportFor(db: CaseDb, args: ReportArgs): Report {
  const { from, to, platforms, sections, tz } = args;
  const report = computeReport(db, { from, to, platforms, sections, tz });
  return args.maskUsers ? maskReport(report, maskKeyOf(db)) : report;
}

export async function runReport(args: ReportArgs): Promise<string> {
  return withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const report = reportFor(db, args);
    markPhase('reported');
    if (args.format === 'csv') return formatCsv(report);
    if (args.format === 'text') return formatText(report);
    return `${JSON.stringify(report, null, 2)}\n`;
  });
}

/** `--format pdf`: the report printed to `args.out` (nothing on stdout). */
export async function runPdfReport(args: ReportArgs, pdf: PdfArgs): Promise<void> {
  const out = resolve(args.out ?? '');
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new CliFailure(`--out ${args.out}: the folder ${folder} does not exist`);
  // Loaded only here: the printer brings playwright-core, which alone costs ~0.4 s of startup.
  const { findPdfPrinter, PdfPrinterMissing, printPdfFile } = await import('../pdf/cli-pdf');
  // Before any import: without a browser there is nothing to do.
  let printer: PdfPrinter;
  try {
    printer = findPdfPrinter({ browser: pdf.browser });
  } catch (error) {
    if (error instanceof PdfPrinterMissing) throw new CliFailure(error.message);
    throw error;
  }
  await withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const report = reportFor(db, args);
    const job: PrintJob = {
      // Masked here, with the case's key (the print route draws what it is given).
      report,
      annotations: listAnnotations(db, { from: report.range.from, to: report.range.to }),
      meta: {
        page: { paper: pdf.paper, orientation: pdf.landscape ? 'landscape' : 'portrait' },
        caseName: args.db ? basename(args.db).replace(/\.enrollscope$/i, '') : null,
        customer: pdf.customer ?? getSetting(db, 'customer') ?? '',
        consultant: pdf.consultant ?? getSetting(db, 'consultant') ?? '',
        generatedAt: new Date().toISOString(),
        maskUsers: args.maskUsers,
        sampleData: getSetting(db, 'sample') === 'true',
        rangeNote: args.from === undefined && args.to === undefined ? 'the last 14 days with data' : '',
      },
    };
    try {
      await printPdfFile(printer, job, out);
    } catch (error) {
      throw new CliFailure(`cannot print the PDF: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

export async function runImports(args: ImportsArgs): Promise<string> {
  return withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const stored = listImports(db);
    const imports = args.maskUsers ? stored.map((record) => maskImportRecord(record, maskKeyOf(db))) : stored;
    return args.format === 'text' ? formatImportsText(imports) : `${JSON.stringify(imports, null, 2)}\n`;
  });
}

/** Writes the output to --out, or returns it for stdout. */
export function deliver(output: string, out: string | undefined): string {
  if (out === undefined) return output;
  writeFileSync(out, output);
  return '';
}
