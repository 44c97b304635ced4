/**
 * Compares a printed report (its text, as pdftotext -layout reads it page by page) with the
 * Report the engine computed for the same filter: roll-up, section totals, every row of every
 * section table in order (count, share and per-platform split), every cell of the daily table,
 * each data source's counts and short sha256, the data-quality notes, and "page x of y" on every
 * page. Returns what differs (empty: the document shows the report); test runners assert on it.
 */
import type { Report } from '../../src-main/shared/report-types';
import { SECTIONS, USER_ACTIONS } from '../../src-main/shared/taxonomy';

export const count = (n: number | null): string => (n === null ? '—' : n.toLocaleString('en-US'));
export const rate = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const share = (part: number, whole: number): string => (whole <= 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);
/** The app's long day in the tests' locale (`Mon, Nov 3, 2025`). */
export const longDay = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// The "other wordings" row has no user action: it prints "—".
// After count and share: per platform its count, and its rate when the document prints rates.
const ROW = new RegExp(
  `(${[...USER_ACTIONS.map(escape), '—'].join('|')})\\s+([\\d,]+)\\s+(\\d+\\.\\d%|—)((?:\\s+(?:[\\d,]+|\\d+\\.\\d%|—))+)\\s*$`,
);
/** The "N other wordings" row: no user action, so its platform text stands before the count. */
const OTHER_ROW =
  /other wordings?\s+(?:iOS\/Android|iOS\/iPadOS|Android)()\s+([\d,]+)\s+(\d+\.\d%|—)((?:\s+(?:[\d,]+|\d+\.\d%|—))+)\s*$/;

export interface PrintedRow {
  readonly page: number;
  readonly userAction: string;
  readonly count: string;
  readonly share: string;
  /** Per selected platform: its count. */
  readonly platforms: readonly string[];
  /** Per selected platform: its rate as printed; empty when the document prints no rates. */
  readonly rates: readonly string[];
}

/** The section tables' rows as printed, per section, in page order. */
export function printedRows(pages: readonly string[], sections: readonly string[]): Map<string, PrintedRow[]> {
  const rows = new Map<string, PrintedRow[]>(sections.map((s) => [s, []]));
  let current: string | null = null;
  pages.forEach((text, index) => {
    for (const line of text.split('\n')) {
      const head = sections.find((s) => new RegExp(`^\\s*${escape(s)}\\s+[\\d,]+ incomplete`).test(line));
      if (head) {
        current = head;
        continue;
      }
      // The blocks after the section tables end them (the funnel's rows look like table rows).
      if (
        /^\s*(Daily counts|How far attempts got: the section funnel|Methods and definitions|Data sources)\s*$/.test(
          line,
        )
      )
        current = null;
      const match = ROW.exec(line) ?? OTHER_ROW.exec(line);
      if (current && match) {
        const cells = match[4]!.trim().split(/\s+/);
        // Count and rate alternate when rates are printed (a rate always has its "%" or is "—").
        const withRates = cells.length > 1 && cells.every((cell, i) => (i % 2 === 1) === /%|—/.test(cell));
        rows.get(current)!.push({
          page: index + 1,
          userAction: match[1]!,
          count: match[2]!,
          share: match[3]!,
          platforms: withRates ? cells.filter((_c, i) => i % 2 === 0) : cells,
          rates: withRates ? cells.filter((_c, i) => i % 2 === 1) : [],
        });
      }
    }
  });
  return rows;
}

export function comparePdfWithReport(pages: readonly string[], report: Report): string[] {
  const problems: string[] = [];
  const all = pages.join('\n');
  const flat = all.replace(/\s+/g, ' ');

  // Page x of y, on every page.
  pages.forEach((text, index) => {
    if (!text.includes(`Page ${index + 1} of ${pages.length}`))
      problems.push(`page ${index + 1}: no "Page ${index + 1} of ${pages.length}"`);
  });

  // Roll-up: the three figures under their labels, then the notes.
  const { rollup } = report;
  const figures =
    /Initiated enrollments\s+Incomplete enrollments\s+Incomplete rate\s+([\d,]+|—)\s+([\d,]+)\s+(\S+)/.exec(all);
  const expected = [count(rollup.initiated), count(rollup.incomplete), rate(rollup.incompleteRate)];
  if (!figures || figures.slice(1, 4).join(' ') !== expected.join(' ')) {
    problems.push(`roll-up: printed ${figures?.slice(1, 4).join(' ') ?? 'nothing'}, expected ${expected.join(' ')}`);
  }
  if (!flat.includes(`${count(rollup.inProgress)} still in progress`))
    problems.push(`roll-up: no "${count(rollup.inProgress)} still in progress"`);
  // Under a section filter the unclassified attempts are not counted, and not shown.
  // The note counts the attempts without an action name; what came from the summary is said apart.
  const stoppedEarly = rollup.unclassified - rollup.fromSummary;
  if (report.filters.sections.length === SECTIONS.length && !flat.includes(`${count(stoppedEarly)} unclassified`)) {
    problems.push(`roll-up: no "${count(stoppedEarly)} unclassified"`);
  }
  if (rollup.fromSummary > 0 && !flat.includes(`${count(rollup.fromSummary)} from Intune's summary`)) {
    problems.push(`roll-up: no "${count(rollup.fromSummary)} from Intune's summary"`);
  }

  // Section tables: the total in each (repeated) heading, then every row in order.
  const names = report.sections.map((s) => s.section);
  const rows = printedRows(pages, names);
  for (const table of report.sections) {
    const totals = [...all.matchAll(new RegExp(`^\\s*${escape(table.section)}\\s+([\\d,]+) incomplete`, 'gm'))].map(
      (m) => m[1],
    );
    if (totals.length === 0 || totals.some((t) => t !== count(table.incomplete))) {
      problems.push(
        `${table.section}: headings say ${totals.join(', ') || 'nothing'}, expected ${count(table.incomplete)}`,
      );
    }
    const printed = rows.get(table.section) ?? [];
    if (printed.length !== table.rows.length)
      problems.push(`${table.section}: ${printed.length} rows printed, ${table.rows.length} in the report`);
    table.rows.forEach((row, i) => {
      const got = printed[i];
      const want = [
        row.userAction || '—',
        count(row.count),
        share(row.count, table.incomplete),
        ...report.filters.platforms.map((p) => count(row.byPlatform[p])),
      ].join(' ');
      const was = got ? [got.userAction, got.count, got.share, ...got.platforms].join(' ') : 'missing';
      if (was !== want)
        problems.push(`${table.section} row ${i + 1} (${row.actionName}): printed "${was}", expected "${want}"`);
    });
  }

  // Daily counts: one line per day, one cell per selected section ('—' on days without data); a
  // partial day says "(partial)" after its date, and no other day does.
  const gaps = new Set(report.dataQuality.daysWithoutData);
  for (const point of report.daily) {
    const day = escape(longDay.format(new Date(`${point.date}T00:00:00Z`)));
    const match = new RegExp(`^\\s*${day}( \\(partial\\))?((?:\\s+(?:[\\d,]+|—))+)\\s*$`, 'm').exec(all);
    const want = report.filters.sections.map((s) => (gaps.has(point.date) ? '—' : count(Number(point[s])))).join(' ');
    const was = match?.[2]?.trim().split(/\s+/).join(' ') ?? 'missing';
    if (was !== want) problems.push(`daily ${point.date}: printed "${was}", expected "${want}"`);
    if (match && (match[1] !== undefined) !== (point.partial === true))
      problems.push(`daily ${point.date}: ${point.partial ? 'not marked partial' : 'marked partial, but is not'}`);
  }

  // Data sources: rows, imported, duplicates, skipped, sha256's first 12 digits.
  for (const record of report.imports) {
    const skipped = Object.values(record.skipped).reduce((a, b) => a + b, 0);
    const want = [
      count(record.rows),
      count(record.imported),
      count(record.duplicates),
      count(skipped),
      record.sha256.slice(0, 12),
    ].join(' ');
    const line = all.split('\n').find((l) => l.includes(record.file) && /[0-9a-f]{12}\s*$/.test(l));
    const was = line
      ? line
          .slice(line.indexOf(record.file) + record.file.length)
          .replace(/^\s*\S+\s+/, '')
          .trim()
          .split(/\s+/)
          .join(' ')
      : 'missing';
    if (was !== want) problems.push(`source ${record.file}: printed "${was}", expected "${want}"`);
  }

  // Data-quality notes, word for word (lines may wrap).
  for (const note of report.dataQuality.notes) {
    if (!flat.includes(note.replace(/\s+/g, ' '))) problems.push(`data quality: note missing: ${note}`);
  }
  return problems;
}
