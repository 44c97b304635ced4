/** The failures view as plain text for a terminal (the report's table style). */
import { textTable } from '../report/format-text';
import type { FailuresReport } from '../shared/failures-types';

export function formatFailuresText(report: FailuresReport): string {
  const out: string[] = [];
  out.push('Enrollment failures (Intune)');
  out.push(`Range: ${report.range.from} to ${report.range.to} (${report.range.tz})`);
  out.push(`Total: ${report.total}`);
  const block = (title: string, rows: readonly (readonly [string, number])[]): void => {
    out.push('');
    // One line at a time: a hostile export may hold 100,000+ distinct reasons.
    for (const line of textTable([title, 'Failures'], rows.length > 0 ? rows : [['(none)', 0]], ['left', 'right']))
      out.push(line);
  };
  block(
    'Reason',
    report.byReason.map((r) => [r.reason, r.count] as const),
  );
  block(
    'Category',
    report.byCategory.map((r) => [r.category, r.count] as const),
  );
  block(
    'OS',
    report.byOs.map((r) => [r.os, r.count] as const),
  );
  block(
    'Enrollment method',
    report.byMethod.map((r) => [r.method, r.count] as const),
  );
  block(
    'Date',
    report.daily.map((d) => [d.date, d.count] as const),
  );
  return `${out.join('\n')}\n`;
}
