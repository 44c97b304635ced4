/**
 * The command line's outputs in a reader's language (`--format text`, CSV headers, `imports
 * --format text`). Loaded only for them: the translator brings FormatJS, Intl's locale data and
 * every language's catalogs, which the JSON (fixed English) does without.
 */
import { formatFindingsText } from '../findings/format-text';
import { formatCsv } from '../report/format-csv';
import { formatText } from '../report/format-text';
import type { Language } from '../shared/i18n/languages';
import { translator } from '../shared/i18n/translator';
import type { Finding } from '../shared/findings-types';
import type { ImportRecord, Report } from '../shared/report-types';
import { formatImportsText } from './format-imports';

/** `report --format text`: the title block, the findings, then the numbers. */
export function reportText(report: Report, findings: readonly Finding[], language: Language): string {
  const tr = translator(language);
  return formatText(report, tr, formatFindingsText(findings, tr));
}

/** `report --format csv`, its headers in the language. */
export const reportCsv = (report: Report, language: Language): string => formatCsv(report, translator(language));

/** `imports --format text`. */
export const importsText = (imports: readonly ImportRecord[], language: Language): string =>
  formatImportsText(imports, translator(language));
