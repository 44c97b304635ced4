/**
 * Command-line arguments (spec section 6), parsed and checked. Every problem is a UsageError
 * with a one-line message.
 */
import { parseArgs } from 'node:util';
import type { CompareAgainst } from '../shared/compare-types';
import type { Language } from '../shared/i18n/languages';
import type { Platform, Section } from '../shared/taxonomy';
import { FILTER_OPTIONS, UsageError, checkDay, checkZone, languageOf, platformOf, sectionOf } from './arg-values';
import { isViewCommand, parseCompare, parseViewArgs, type ViewArgs } from './view-args';
import { COMMANDS, isCommandName, type CommandName } from './usage';
import { parseCheckArgs, type CheckArgs } from './check-command';

export { UsageError };

export type OutputFormat = 'json' | 'csv' | 'text' | 'pdf';

/** `--format pdf`: the printed report. */
export interface PdfArgs {
  readonly paper: 'A4' | 'Letter';
  readonly landscape: boolean;
  /** Default: the case's setting (with --db), else none. */
  readonly customer?: string;
  readonly consultant?: string;
  /** A Chromium-family browser to print with. */
  readonly browser?: string;
}

export interface ReportArgs {
  readonly command: 'report';
  readonly files: string[];
  readonly db?: string;
  readonly from?: string;
  readonly to?: string;
  readonly platforms?: Platform[];
  readonly sections?: Section[];
  readonly tz: string;
  readonly format: OutputFormat;
  readonly out?: string;
  /** Set for --format pdf (which requires --out). */
  readonly pdf?: PdfArgs;
  /** `--mask-users`: user names, devices and every field of skipped rows' examples as pseudonyms, in every format. */
  readonly maskUsers: boolean;
  /** `--compare previous|FROM..TO`: adds `previous` and `delta` to the JSON. */
  readonly compare?: CompareAgainst;
  /** `--lang`: the language of text, CSV headers and the PDF (English by default); the JSON is English always. */
  readonly language: Language;
}

export interface ImportsArgs {
  readonly command: 'imports';
  readonly files: string[];
  readonly db?: string;
  readonly format: 'json' | 'text';
  readonly out?: string;
  /** `--mask-users`: skipped rows' examples masked as in the report. */
  readonly maskUsers: boolean;
  /** `--lang`: the language of `--format text` (English by default); the JSON is English always. */
  readonly language: Language;
}

export type CliArgs =
  | ReportArgs
  | ImportsArgs
  | ViewArgs
  | CheckArgs
  /** `--help`, or one command's (`enrollscope attempts --help`, `enrollscope help attempts`). */
  | { readonly command: 'help'; readonly topic?: CommandName }
  | { readonly command: 'version' };

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { command: 'help' };
    if (!isCommandName(topic)) throw new UsageError(`help ${topic}: no such command (expected ${COMMANDS.join(', ')})`);
    return { command: 'help', topic };
  }
  if (command === 'version' || command === '--version' || command === '-V') return { command: 'version' };
  // `COMMAND --help` anywhere before a `--`: that command's usage, whatever else is given.
  if (isCommandName(command)) {
    const end = rest.indexOf('--');
    const options = end === -1 ? rest : rest.slice(0, end);
    if (options.includes('--help') || options.includes('-h')) return { command: 'help', topic: command };
  }
  if (isViewCommand(command)) return parseViewArgs(command, rest);
  if (command === 'check') return parseCheckArgs(rest);
  if (command !== 'report' && command !== 'imports') {
    throw new UsageError(
      `unknown command "${command}" (expected report, imports, attempts, funnel, failures or check)`,
    );
  }

  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        ...FILTER_OPTIONS,
        paper: { type: 'string' },
        landscape: { type: 'boolean' },
        customer: { type: 'string' },
        consultant: { type: 'string' },
        'mask-users': { type: 'boolean' },
        browser: { type: 'string' },
        compare: { type: 'string' },
        lang: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0 && values.db === undefined) throw new UsageError('give FILE(s) to import, or --db CASE');

  if (command === 'imports') {
    if (values.compare !== undefined) throw new UsageError('--compare is for the report command');
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format ${format}: expected json or text`);
    const given = PDF_OPTIONS.find((option) => values[option] !== undefined);
    if (given) throw new UsageError(`--${given} is for report --format pdf`);
    return {
      command,
      files: positionals,
      db: values.db,
      format,
      out: values.out,
      maskUsers: values['mask-users'] === true,
      language: languageOf(values.lang),
    };
  }

  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'text' && format !== 'pdf') {
    throw new UsageError(`--format ${format}: expected json, csv, text or pdf`);
  }
  const pdf = pdfArgs(format, values);
  if (format === 'pdf' && values.out === undefined)
    throw new UsageError('--format pdf needs --out PATH (a PDF is not written to the terminal)');
  const from = checkDay('from', values.from);
  const to = checkDay('to', values.to);
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const tz = checkZone(values.tz);
  const compare = parseCompare(values.compare);
  if (compare !== undefined && format === 'csv')
    throw new UsageError('--compare: only with --format json, text or pdf');
  return {
    command,
    files: positionals,
    db: values.db,
    from,
    to,
    platforms: values.platform?.map(platformOf),
    sections: values.section?.map((value) => sectionOf(value)),
    tz,
    format,
    out: values.out,
    pdf,
    compare,
    maskUsers: values['mask-users'] === true,
    language: languageOf(values.lang),
  };
}

const PDF_OPTIONS = ['paper', 'landscape', 'customer', 'consultant', 'browser'] as const;

function pdfArgs(
  format: OutputFormat,
  values: Partial<Record<(typeof PDF_OPTIONS)[number], string | boolean>>,
): PdfArgs | undefined {
  if (format !== 'pdf') {
    const given = PDF_OPTIONS.find((option) => values[option] !== undefined);
    if (given) throw new UsageError(`--${given} is for --format pdf`);
    return undefined;
  }
  const paperText = String(values.paper ?? 'a4').toLowerCase();
  if (paperText !== 'a4' && paperText !== 'letter')
    throw new UsageError(`--paper ${String(values.paper)}: expected a4 or letter`);
  const text = (option: 'customer' | 'consultant'): string | undefined => {
    const value = values[option];
    if (value === undefined) return undefined;
    const trimmed = String(value).trim();
    if (trimmed.length > 200) throw new UsageError(`--${option}: at most 200 characters`);
    return trimmed;
  };
  return {
    paper: paperText === 'a4' ? 'A4' : 'Letter',
    landscape: values.landscape === true,
    customer: text('customer'),
    consultant: text('consultant'),
    browser: typeof values.browser === 'string' ? values.browser : undefined,
  };
}
