/**
 * The command line's work, without process concerns (exit codes, streams): import the files into
 * a case (temporary, or --db), then report. Throws CliFailure with a one-line message.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { PdfPrinter } from '../pdf/cli-pdf';
import { buildPrintJob } from '../pdf/print-job';
import type { PrintJob } from '../shared/print-types';
import type { Report } from '../shared/report-types';
import { maskImportRecord, maskReport } from '../shared/mask';
import { maskKeyOf } from '../store/mask-key';
import { computeReport } from '../report/compute-report';
import { CaseRefused, closeCase, getSetting, openCase, type CaseDb } from '../store/case-file';
import { caseProblemOf } from '../store/case-errors';
import { writeFileAtomic } from '../files/write-file-atomic';
import { CliFailure } from './cli-failure';
import { reportWithFindings } from '../findings/gather';
import type { ReportWithFindings } from '../shared/findings-types';
import { listImports } from '../store/imports';
import type { ImportsArgs, PdfArgs, ReportArgs } from './args';
import { markPhase } from './stats';
import { machineJson } from '../shared/machine-json';

export { CliFailure };

/** The outputs in a reader's language, loaded only for them (the JSON is fixed English). */
const translated = () => import('./translated-outputs');

/** Opens --db (created when missing) or a temporary case that is deleted afterwards. */
export async function withCase<T>(dbPath: string | undefined, work: (db: CaseDb) => Promise<T>): Promise<T> {
  if (dbPath !== undefined) {
    const db = openCase(dbPath);
    markPhase('opened');
    try {
      return await work(db);
    } finally {
      // After an import, the file as it leaves is remembered as checked: the next open skips quick_check.
      closeCase(db);
      markPhase('closed');
    }
  }
  return withTemporaryCase(work);
}

/**
 * FILE(s) without --db: a case in a new folder of the temporary folder, removed whatever happens.
 * A full or unwritable temporary folder is named as such (it is not the data's fault, nor damage).
 */
async function withTemporaryCase<T>(work: (db: CaseDb) => Promise<T>): Promise<T> {
  let tempDir: string;
  try {
    tempDir = mkdtempSync(join(tmpdir(), 'enrollscope-'));
  } catch (error) {
    throw temporaryFolderFailure(error);
  }
  try {
    const db = openCase(join(tempDir, 'case.enrollscope'), { throwaway: true });
    try {
      return await work(db);
    } finally {
      db.close();
    }
  } catch (error) {
    const problem = error instanceof CaseRefused ? error.problem : caseProblemOf(error);
    if (problem === 'full' || problem === 'read-only' || problem === 'io') throw temporaryFolderFailure(error);
    throw error;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
    markPhase('closed');
  }
}

function temporaryFolderFailure(error: unknown): CliFailure {
  const problem = error instanceof CaseRefused ? error.problem : caseProblemOf(error);
  const why = problem === 'full' ? 'is full' : problem === 'read-only' ? 'is not writable' : 'cannot be written';
  return new CliFailure(
    `the temporary folder ${tmpdir()} ${why}: free some space there, set TMPDIR to another folder, or import into a case with --db CASE`,
  );
}

export async function importAll(db: CaseDb, files: readonly string[]): Promise<void> {
  if (files.length === 0) return;
  // Loaded only when there are files: a report on a stored case needs neither the parsers nor
  // the parse worker (about a third of the command line's code by loading time).
  const [{ importFiles }, { readInputBySize, readAheadInWorker }] = await Promise.all([
    import('../store/import-files'),
    import('../workers/parse-in-worker'),
  ]);
  const outcomes = await importFiles(db, files, {
    reader: readInputBySize,
    readAhead: readAheadInWorker,
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

/** With --mask-users, a report masked with the case's key; else the report as it is. */
function maskerFor(db: CaseDb, args: ReportArgs): (report: Report) => Report {
  return (report) => (args.maskUsers ? maskReport(report, maskKeyOf(db)) : report);
}

/** The report the arguments ask for, masked as they say. */
function reportFor(db: CaseDb, args: ReportArgs): Report {
  const { from, to, platforms, sections, tz } = args;
  return maskerFor(db, args)(computeReport(db, { from, to, platforms, sections, tz }));
}

export async function runReport(args: ReportArgs): Promise<string> {
  return withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const filter = { from: args.from, to: args.to, platforms: args.platforms, sections: args.sections, tz: args.tz };
    const mask = maskerFor(db, args);
    if (args.format === 'csv') {
      const report = computeReport(db, filter, { observedRows: 'all' });
      markPhase('reported');
      return (await translated()).reportCsv(mask(report), args.language);
    }
    // The report and its findings from one read of the case (the findings compare with the previous period).
    const found = reportWithFindings(db, filter);
    const { findings } = found;
    const report = mask(found.report);
    markPhase('reported');
    if (args.format === 'text') return (await translated()).reportText(report, findings, args.language);
    const output: ReportWithFindings<Report> = { ...report, findings };
    return machineJson(output);
  });
}

/**
 * `--format pdf`: the report printed to `args.out` (nothing on stdout). Returns notices for stderr:
 * a customer or consultant neither given nor remembered in the case (the PDF then leaves the line out).
 */
export async function runPdfReport(args: ReportArgs, pdf: PdfArgs): Promise<string[]> {
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
  return withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const report = reportFor(db, args);
    // reportFor masked the report already when asked (the print route draws what it is given).
    const job = buildPrintJob(db, {
      report,
      ...(args.compare ? { compare: args.compare } : {}),
      maskUsers: args.maskUsers,
      meta: {
        page: { paper: pdf.paper, orientation: pdf.landscape ? 'landscape' : 'portrait' },
        caseName: args.db ? basename(args.db).replace(/\.enrollscope$/i, '') : null,
        customer: pdf.customer ?? getSetting(db, 'customer') ?? '',
        consultant: pdf.consultant ?? getSetting(db, 'consultant') ?? '',
        generatedAt: new Date().toISOString(),
        maskUsers: args.maskUsers,
        sampleData: getSetting(db, 'sample') === 'true',
        ...(args.from === undefined && args.to === undefined ? { lastDays: 14 } : {}),
        language: args.language,
      },
    });
    try {
      await printPdfFile(printer, job, out);
    } catch (error) {
      // Writing the PDF itself failed (a full disk, no permission): nothing was written.
      if (typeof (error as { syscall?: unknown } | null)?.syscall === 'string') throw outFailure(out, error);
      throw new CliFailure(`cannot print the PDF: ${error instanceof Error ? error.message : String(error)}`);
    }
    return missingNames(job.meta);
  });
}

/** What the PDF leaves out for want of a name, as notices naming the option that gives it. */
function missingNames(meta: PrintJob['meta']): string[] {
  const missing = [meta.customer ? null : '--customer NAME', meta.consultant ? null : '--consultant NAME'].filter(
    (option): option is string => option !== null,
  );
  if (missing.length === 0) return [];
  const what = missing.map((option) => (option.startsWith('--customer') ? 'customer' : 'consultant')).join(' and ');
  return [
    `the PDF names no ${what} (give ${missing.join(' and ')}, or remember them in the case in the app); printed without that line`,
  ];
}

export async function runImports(args: ImportsArgs): Promise<string> {
  return withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const stored = listImports(db);
    const imports = args.maskUsers ? stored.map((record) => maskImportRecord(record, maskKeyOf(db))) : stored;
    return args.format === 'text'
      ? (await translated()).importsText(imports, args.language)
      : `${JSON.stringify(imports, null, 2)}\n`;
  });
}

/** Writes the output to --out (whole or not at all), or returns it for stdout. */
export function deliver(output: string, out: string | undefined): string {
  if (out === undefined) return output;
  writeOut(out, output);
  return '';
}

/** writeFileAtomic to --out, every failure one line saying that nothing was written. */
export function writeOut(out: string, bytes: string | Uint8Array): void {
  try {
    writeFileAtomic(out, bytes);
  } catch (error) {
    throw outFailure(out, error);
  }
}

export function outFailure(out: string, error: unknown): CliFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied'
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? `the folder ${dirname(resolve(out))} does not exist`
          : code === 'EISDIR'
            ? 'that is a folder'
            : `cannot write (${typeof code === 'string' ? code : error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  return new CliFailure(`--out ${out}: ${why}; nothing was written`);
}
