/**
 * `enrollscope imports --format text`: one line per import, then its skipped rows by reason, in
 * the translator's language (`--lang`; English, the default, is the text as it always was, plain
 * digits). Names and excerpts come from the customer's files: printed with their control
 * characters escaped.
 */
import { countIn } from '../report/format-text';
import { translator, type Translator } from '../shared/i18n/translator';
import { skipReasonLabel } from '../shared/i18n/vocabulary';
import type { ImportRecord } from '../shared/report-types';
import { terminalSafe as safe } from './terminal-text';

export function formatImportsText(imports: readonly ImportRecord[], tr: Translator = translator('en')): string {
  const { t } = tr;
  const count = countIn(tr);
  if (imports.length === 0) return `${t('cli.imports.none')}\n`;
  const lines: string[] = [];
  for (const record of imports) {
    const skipped = Object.values(record.skipped).reduce((sum, n) => sum + n, 0);
    const counts = t('cli.imports.counts', {
      count: record.rows,
      rows: count(record.rows),
      imported: count(record.imported),
      duplicates: count(record.duplicates),
      skipped: count(skipped),
    });
    lines.push(
      `#${record.id}  ${safe(record.file)}  ${record.format}  ${counts}  sha256 ${record.sha256.slice(0, 12)}  ${record.importedAt}`,
    );
    for (const [reason, n] of Object.entries(record.skipped))
      lines.push(`      ${t('cli.imports.skipped', { count: count(n), reason: safe(skipReasonLabel(t, reason)) })}`);
    for (const example of record.examples) {
      const reason = safe(skipReasonLabel(t, example.reason));
      lines.push(`        ${t('cli.imports.example', { line: example.line, reason, detail: safe(example.detail) })}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
