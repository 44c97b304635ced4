/**
 * The section tables as one CSV table (RFC 4180: CRLF line ends, quotes doubled; fields quoted and
 * guarded by csvField). The caller writes it as UTF-8; no BOM, so that scripts reading it see the
 * header as written.
 */
import type { MessageId } from '../shared/i18n/messages';
import { translator, type Translator } from '../shared/i18n/translator';
import type { Report, SectionTable } from '../shared/report-types';

export const CSV_HEADER = [
  'section',
  'actionName',
  'screen',
  'platform',
  'userAction',
  'count',
  'iOS/iPadOS',
  'Android',
];

/** A text a spreadsheet would run as a formula: it starts with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A text that is one number as written (`-5`, `+1.5`, `2e3`): a spreadsheet reads it as that number. */
const PURE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Quoted: the delimiters of both locales (`,` and `;`), quotes, line breaks, tabs. */
const NEEDS_QUOTES = /[",;\r\n\t]/;

/**
 * One CSV field, the only way the product writes one (reports, exports, the command line), following
 * OWASP's CSV injection guidance: a text starting with = + - @, a tab or a carriage return gets a
 * leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running it
 * (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(…)`); a text holding a comma, a semicolon (the
 * delimiter Excel uses in many locales, where `a;=cmd` would start a new cell), a quote, a line
 * break or a tab is quoted, quotes doubled. Numbers stay numbers: a number value, and a text that
 * is a pure number (`-5`, `+3`, `-1.5e3`), is written as it is (a spreadsheet reads it as that
 * number, nothing runs); `-5 ok` or `-cmd` is guarded. null is an empty field.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) && !PURE_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A section table row's cells under CSV_HEADER (the exports add their own columns after them). */
export function sectionRowCells(table: SectionTable, row: SectionTable['rows'][number]): (string | number)[] {
  return [
    table.section,
    row.actionName,
    row.screen,
    row.platform,
    row.userAction,
    row.count,
    row.byPlatform['iOS/iPadOS'],
    row.byPlatform.Android,
  ];
}

/** Each column's header message; English is CSV_HEADER itself. */
const HEADER_MESSAGE: readonly MessageId[] = [
  'cli.csv.section',
  'cli.csv.actionName',
  'cli.csv.screen',
  'cli.csv.platform',
  'cli.csv.userAction',
  'cli.csv.count',
  'cli.csv.ios',
  'cli.csv.android',
];

/** The header in the reader's language (`--lang`); the values stay the engine's, as the JSON has them. */
export const csvHeader = (tr: Translator): string[] => HEADER_MESSAGE.map((id) => tr.t(id));

export function formatCsv(report: Report, tr: Translator = translator('en')): string {
  const lines = [csvHeader(tr).map(csvField).join(',')];
  for (const table of report.sections) {
    for (const row of table.rows) {
      lines.push(sectionRowCells(table, row).map(csvField).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
