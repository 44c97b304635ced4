/**
 * Command-line arguments (spec section 6), parsed and checked. Every problem is a UsageError
 * with a one-line message.
 */
import { parseArgs } from 'node:util';
import { IANAZone } from 'luxon';
import { parsePlatform, parseSection, type Platform, type Section } from '../shared/taxonomy';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type OutputFormat = 'json' | 'csv' | 'text';

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
}

export interface ImportsArgs {
  readonly command: 'imports';
  readonly files: string[];
  readonly db?: string;
  readonly format: 'json' | 'text';
  readonly out?: string;
}

export type CliArgs = ReportArgs | ImportsArgs | { readonly command: 'help' } | { readonly command: 'version' };

export const USAGE = `usage: enrollscope report [FILE...] [--db CASE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                         [--platform ios|android]... [--section NAME]... [--tz ZONE]
                         [--format json|csv|text] [--out PATH]
       enrollscope imports [FILE...] --db CASE [--format json|text] [--out PATH]`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over to March: a real day must come back as itself.
  const valid = DAY.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  if (!valid) throw new UsageError(`--${flag} ${value}: not a date (YYYY-MM-DD)`);
  return value;
}

function platformOf(value: string): Platform {
  const platform = parsePlatform(value);
  if (!platform) throw new UsageError(`--platform ${value}: expected ios or android`);
  return platform;
}

function sectionOf(value: string): Section {
  const section = parseSection(value);
  if (!section) {
    throw new UsageError(`--section ${value}: expected one of "Setup Checklist", "Platform Screens", "Terms of Use", "Compliance/Activation"`);
  }
  return section;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'version' || command === '--version') return { command: 'version' };
  if (command !== 'report' && command !== 'imports') throw new UsageError(`unknown command "${command}" (expected report or imports)`);

  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        platform: { type: 'string', multiple: true },
        section: { type: 'string', multiple: true },
        tz: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0 && values.db === undefined) throw new UsageError('give FILE(s) to import, or --db CASE');

  if (command === 'imports') {
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format ${format}: expected json or text`);
    return { command, files: positionals, db: values.db, format, out: values.out };
  }

  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'text') throw new UsageError(`--format ${format}: expected json, csv or text`);
  const from = checkDay('from', values.from);
  const to = checkDay('to', values.to);
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const tz = values.tz ?? 'UTC';
  if (!IANAZone.isValidZone(tz)) throw new UsageError(`--tz ${tz}: not an IANA time zone (e.g. Europe/Berlin)`);
  return {
    command,
    files: positionals,
    db: values.db,
    from,
    to,
    platforms: values.platform?.map(platformOf),
    sections: values.section?.map(sectionOf),
    tz,
    format,
    out: values.out,
  };
}
