/**
 * The report as plain text for a terminal: roll-up, what the data covers, the daily series as a
 * table, one table per section, data quality notes and the imports. ASCII framing, columns aligned
 * with spaces (numbers right-aligned), so it also reads well in a log or an e-mail.
 *
 * A number the data cannot give is written "unknown" with its reason beside it, never 0 or 100%;
 * partial days are marked in the daily table.
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
  // A loop, not Math.max(...cells): a spread of 100,000+ values overflows the call stack.
  const widths = header.map((_, c) => {
    let width = 0;
    for (const row of cells) width = Math.max(width, (row[c] ?? '').length);
    return width;
  });
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

/** Appends lines one by one: out.push(...lines) overflows the call stack on 100,000+ lines. */
function pushAll(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

/** HH:MM of an ISO instant in UTC. */
const clock = (iso: string): string => iso.slice(11, 16);

/** What the numbers cover, one sentence a line; empty when the data covers the whole range. */
export function coverageLines(report: Report): string[] {
  const { rollup, coverage, dataQuality } = report;
  const lines: string[] = [];
  if (rollup.initiated === null) {
    lines.push(
      'Initiated unknown: no summary row or event log covers the range (abandonment details hold only the enrollments that were abandoned), so there is no rate.',
    );
  } else if (coverage.unknownInitiatedDays.length > 0) {
    lines.push(
      `The rate covers only the known days (${dataQuality.knownInitiatedDays} of ${dataQuality.rangeDays}): ${dataQuality.incompleteOutsideRate} incomplete on ${coverage.unknownInitiatedDays.join(', ')} (initiated unknown) counted in Incomplete, left out of the rate.`,
    );
  } else if (rollup.initiated === 0) {
    lines.push('No enrollment was initiated in the range: there is no rate.');
  }
  if (rollup.fromSummary > 0) {
    lines.push(`Incomplete includes ${rollup.fromSummary} from Intune's summary rows, without sections.`);
  }
  if (dataQuality.summaryRowsLeftOut > 0) {
    lines.push(
      `${dataQuality.summaryRowsLeftOut} summary row(s) for both platforms together left out under the platform filter.`,
    );
  }
  for (const day of dataQuality.partialDays) {
    lines.push(
      `${day.date} is a partial day: data from ${clock(day.dataStart)} to ${clock(day.dataEnd)} UTC (${day.minutesOutside} minutes of the day outside the data).`,
    );
  }
  return lines;
}

/**
 * The report as text: the title block (what is counted: range, platforms, sections), then `lead`
 * when given (the findings, read in the light of that title), then the numbers.
 */
export function formatText(report: Report, lead = ''): string {
  const out: string[] = [];
  const { range, filters, rollup } = report;
  out.push('Incomplete user enrollments');
  out.push(`Range:     ${range.from} to ${range.to} (${range.tz})`);
  out.push(`Platforms: ${filters.platforms.join(', ')}`);
  out.push(`Sections:  ${filters.sections.join(', ')}`);
  out.push('');
  if (lead !== '') out.push(lead.trimEnd(), '');
  pushAll(
    out,
    textTable(
      ['Roll-up', 'Value'],
      [
        ['Initiated enrollments', rollup.initiated ?? 'unknown (see Coverage)'],
        ['Incomplete enrollments', rollup.incomplete],
        [
          'Incomplete rate',
          rollup.initiated === null ? 'unknown (initiated unknown)' : formatRate(rollup.incompleteRate),
        ],
        ['In progress', rollup.inProgress],
        ['Unclassified (in Incomplete, no section)', rollup.unclassified],
        ['  of which from Intune summary rows', rollup.fromSummary],
      ],
      ['left', 'right'],
    ),
  );
  const coverage = coverageLines(report);
  if (coverage.length > 0) out.push('', 'Coverage', ...coverage.map((line) => `- ${line}`));

  const partial = report.daily.some((point) => point.partial === true);
  out.push('', 'Daily incomplete enrollments');
  pushAll(
    out,
    textTable(
      ['Date', ...filters.sections, ...(partial ? ['Day'] : [])],
      report.daily.map((point) => [
        point.date,
        ...filters.sections.map((s) => dailyCount(point, s)),
        ...(partial ? [point.partial === true ? 'partial' : ''] : []),
      ]),
      ['left', ...filters.sections.map((): Align => 'right'), 'left'],
    ),
  );

  for (const table of report.sections) {
    out.push('', `${table.section}: ${table.incomplete} incomplete`);
    pushAll(
      out,
      textTable(
        ['Action name', 'Screen or flow', 'Platform', 'User action', 'Count', 'iOS/iPadOS', 'Android'],
        table.rows.map((row) => [
          row.otherWordings !== undefined ? '(other wordings)' : row.catalog ? row.actionName : `${row.actionName} *`,
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
  if (report.sections.some((t) => t.rows.some((r) => r.otherWordings !== undefined)))
    out.push(
      '(other wordings): the observed rows beyond the first 50 of a section, summed (--format csv lists every row)',
    );

  const quality = report.dataQuality;
  if (quality.notes.length > 0 || quality.summaryMismatches.length > 0) {
    out.push('', 'Data quality');
    for (const note of quality.notes) out.push(`- ${note}`);
    if (quality.summaryMismatches.length > 0) {
      out.push('');
      pushAll(
        out,
        textTable(
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
    pushAll(
      out,
      textTable(
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
