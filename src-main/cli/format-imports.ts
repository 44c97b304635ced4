/**
 * `enrollscope imports --format text`: one line per import, then its skipped rows by reason. Names
 * and excerpts come from the customer's files: printed with their control characters escaped.
 */
import type { ImportRecord } from '../shared/report-types';
import { terminalSafe as safe } from './terminal-text';

export function formatImportsText(imports: readonly ImportRecord[]): string {
  if (imports.length === 0) return 'No imports in this case.\n';
  const lines: string[] = [];
  for (const record of imports) {
    const skipped = Object.values(record.skipped).reduce((sum, n) => sum + n, 0);
    lines.push(
      `#${record.id}  ${safe(record.file)}  ${record.format}  ${record.rows} rows: ${record.imported} imported, ` +
        `${record.duplicates} duplicates, ${skipped} skipped  sha256 ${record.sha256.slice(0, 12)}  ${record.importedAt}`,
    );
    for (const [reason, count] of Object.entries(record.skipped))
      lines.push(`      skipped ${count} × ${safe(reason)}`);
    for (const example of record.examples)
      lines.push(`        line ${example.line}: ${safe(example.reason)}: ${safe(example.detail)}`);
  }
  return `${lines.join('\n')}\n`;
}
