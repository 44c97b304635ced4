/**
 * The report as plain text for a terminal: roll-up, the daily series as a table, one table per
 * section, data quality notes and the imports. ASCII framing, columns aligned with spaces
 * (numbers right-aligned), so it also reads well in a log or an e-mail.
 */
import { dailyCount, type Report } from '../shared/report-types';

type Align = 'left' | 'right';

/** Aligned columns: a header row, a rule of dashes, then the rows. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align: readonly Align[],
): string[] {
  // A line break inside a value (a screen text) would break the table: shown as a space.
  const cells = [header, ...rows.map((row) => row.map((cell) => String(cell).replace(/\s*[\r\n]+\s*/g, ' ')))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
}

/** A rate as a percentage with one decimal (spec 5), or n/a. */
export function formatRate(rate: number | null): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`;
}

export function formatText(report: Report): string {
  const out: string[] = [];
  const { range, filters, rollup } = report;
  out.push('Incomplete user enrollments');
  out.push(`Range:     ${range.from} to ${range.to} (${range.tz})`);
  out.push(`Platforms: ${filters.platforms.join(', ')}`);
  out.push(`Sections:  ${filters.sections.join(', ')}`);
  out.push('');
  out.push(
    ...textTable(
      ['Roll-up', 'Value'],
      [
        ['Initiated enrollments', rollup.initiated ?? 'unknown'],
        ['Incomplete enrollments', rollup.incomplete],
        ['Incomplete rate', formatRate(rollup.incompleteRate)],
        ['In progress', rollup.inProgress],
        ['Unclassified (in Incomplete, no section)', rollup.unclassified],
      ],
      ['left', 'right'],
    ),
  );

  out.push('', 'Daily incomplete enrollments');
  out.push(
    ...textTable(
      ['Date', ...filters.sections],
      report.daily.map((point) => [point.date, ...filters.sections.map((s) => dailyCount(point, s))]),
      ['left', ...filters.sections.map((): Align => 'right')],
    ),
  );

  for (const table of report.sections) {
    out.push('', `${table.section}: ${table.incomplete} incomplete`);
    out.push(
      ...textTable(
        ['Action name', 'Screen or flow', 'Platform', 'User action', 'Count', 'iOS/iPadOS', 'Android'],
        table.rows.map((row) => [
          row.catalog ? row.actionName : `${row.actionName} *`,
          row.screen,
          row.platform,
          row.userAction,
          row.count,
          row.byPlatform['iOS/iPadOS'],
          row.byPlatform.Android,
        ]),
        ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
      ),
    );
  }
  if (report.sections.some((t) => t.rows.some((r) => !r.catalog)))
    out.push('', '* not a row of the catalog (observed in the data)');

  const quality = report.dataQuality;
  if (quality.notes.length > 0 || quality.summaryMismatches.length > 0) {
    out.push('', 'Data quality');
    for (const note of quality.notes) out.push(`- ${note}`);
    if (quality.summaryMismatches.length > 0) {
      out.push(
        '',
        ...textTable(
          ['Date', 'Platform', 'Summary incomplete', 'Attempts incomplete'],
          quality.summaryMismatches.map((m) => [
            m.date,
            m.platform ?? 'both',
            m.summaryIncomplete,
            m.attemptsIncomplete,
          ]),
          ['left', 'left', 'right', 'right'],
        ),
      );
    }
  }

  if (report.imports.length > 0) {
    out.push('', 'Imports');
    out.push(
      ...textTable(
        ['#', 'File', 'Format', 'Rows', 'Imported', 'Duplicates', 'Skipped'],
        report.imports.map((i) => [
          i.id,
          i.file,
          i.format,
          i.rows,
          i.imported,
          i.duplicates,
          Object.values(i.skipped).reduce((a, b) => a + b, 0),
        ]),
        ['right', 'left', 'left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
