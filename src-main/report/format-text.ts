/**
 * The report as plain text for a terminal: roll-up, what the data covers, the daily series as a
 * table, one table per section, data quality notes and the imports. ASCII framing, columns aligned
 * with spaces (numbers right-aligned), so it also reads well in a log or an e-mail.
 *
 * A number the data cannot give is written "unknown" with its reason beside it, never 0 or 100%;
 * partial days are marked in the daily table. Words, counts and rates in the translator's language
 * (`--lang`); English, the default, is the contract's text as it always was.
 */
import { dailyCount, type Report } from '../shared/report-types';
import { translator, type Translator } from '../shared/i18n/translator';
import { dataQualityNoteTexts } from '../shared/i18n/engine-notes';
import { platformLabel, screenLabel, sectionLabel, userActionLabel } from '../shared/i18n/vocabulary';

type Align = 'left' | 'right';

/** East Asian wide and full-width characters take two columns of a terminal. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/** The columns a text takes in a terminal (Japanese labels are two columns a character). */
export const displayWidth = (text: string): number => text.length + (text.match(WIDE)?.length ?? 0);

const pad = (text: string, width: number, align: Align): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
};

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
    for (const row of cells) width = Math.max(width, displayWidth(row[c] ?? ''));
    return width;
  });
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => pad(cell, widths[c] ?? 0, align[c] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
}

/** A rate as a percentage with one decimal (spec 5), or n/a. */
export function formatRate(rate: number | null, tr: Translator = translator('en')): string {
  return rate === null ? tr.t('cli.text.noRate') : tr.f.rate(rate);
}

/**
 * A count as the reader's language writes it (`1.234` in German); English keeps the plain digits
 * of the contract's text output, which scripts and tests read.
 */
export const countIn =
  (tr: Translator) =>
  (n: number): string =>
    tr.language === 'en' ? String(n) : tr.f.count(n);

/** Appends lines one by one: out.push(...lines) overflows the call stack on 100,000+ lines. */
function pushAll(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

/** HH:MM of an ISO instant in UTC. */
const clock = (iso: string): string => iso.slice(11, 16);

/** What the numbers cover, one sentence a line; empty when the data covers the whole range. */
export function coverageLines(report: Report, tr: Translator = translator('en')): string[] {
  const { t } = tr;
  const count = countIn(tr);
  const { rollup, coverage, dataQuality } = report;
  const lines: string[] = [];
  if (rollup.initiated === null) {
    lines.push(t('cli.text.coverageInitiatedUnknown'));
  } else if (coverage.unknownInitiatedDays.length > 0) {
    lines.push(
      t('cli.text.coverageKnownDays', {
        known: count(dataQuality.knownInitiatedDays),
        range: count(dataQuality.rangeDays),
        outside: count(dataQuality.incompleteOutsideRate),
        days: coverage.unknownInitiatedDays.join(', '),
      }),
    );
  } else if (rollup.initiated === 0) {
    lines.push(t('cli.text.coverageNoneInitiated'));
  }
  if (rollup.fromSummary > 0) lines.push(t('cli.text.coverageFromSummary', { count: count(rollup.fromSummary) }));
  if (dataQuality.summaryRowsLeftOut > 0) {
    lines.push(t('cli.text.coverageLeftOut', { count: count(dataQuality.summaryRowsLeftOut) }));
  }
  for (const day of dataQuality.partialDays) {
    lines.push(
      t('cli.text.coveragePartialDay', {
        day: day.date,
        start: clock(day.dataStart),
        end: clock(day.dataEnd),
        minutes: count(day.minutesOutside),
      }),
    );
  }
  return lines;
}

/** `Label:` cells padded to one width, so the values line up. */
function labelled(pairs: readonly [string, string][]): string[] {
  const width = Math.max(...pairs.map(([label]) => displayWidth(label)));
  return pairs.map(([label, value]) => `${pad(label, width, 'left')} ${value}`);
}

/**
 * The report as text in the translator's language (English by default): the title block (what is
 * counted: range, platforms, sections), then `lead` when given (the findings, read in the light of
 * that title), then the numbers. Days stay ISO (`2025-06-01`) in every language: they sort, align
 * and read the same in a log.
 */
export function formatText(report: Report, tr: Translator = translator('en'), lead = ''): string {
  const { t } = tr;
  const count = countIn(tr);
  const out: string[] = [];
  const { range, filters, rollup } = report;
  const sectionNames = filters.sections.map((s) => sectionLabel(t, s));
  out.push(t('cli.text.title'));
  pushAll(
    out,
    labelled([
      [t('cli.text.range'), t('cli.text.rangeValue', { from: range.from, to: range.to, zone: range.tz })],
      [t('cli.text.platforms'), filters.platforms.map((p) => platformLabel(t, p)).join(', ')],
      [t('cli.text.sections'), sectionNames.join(', ')],
    ]),
  );
  out.push('');
  if (lead !== '') out.push(lead.trimEnd(), '');
  pushAll(
    out,
    textTable(
      [t('cli.text.rollup'), t('cli.text.value')],
      [
        [t('cli.text.initiated'), rollup.initiated === null ? t('cli.text.initiatedUnknown') : count(rollup.initiated)],
        [t('cli.text.incomplete'), count(rollup.incomplete)],
        [
          t('cli.text.rate'),
          rollup.initiated === null ? t('cli.text.rateUnknown') : formatRate(rollup.incompleteRate, tr),
        ],
        [t('cli.text.inProgress'), count(rollup.inProgress)],
        [t('cli.text.unclassified'), count(rollup.unclassified)],
        [`  ${t('cli.text.fromSummary')}`, count(rollup.fromSummary)],
      ],
      ['left', 'right'],
    ),
  );
  const coverage = coverageLines(report, tr);
  if (coverage.length > 0) out.push('', t('cli.text.coverage'), ...coverage.map((line) => `- ${line}`));

  const partial = report.daily.some((point) => point.partial === true);
  out.push('', t('cli.text.daily'));
  pushAll(
    out,
    textTable(
      [t('cli.text.date'), ...sectionNames, ...(partial ? [t('cli.text.day')] : [])],
      report.daily.map((point) => [
        point.date,
        ...filters.sections.map((s) => count(dailyCount(point, s))),
        ...(partial ? [point.partial === true ? t('cli.text.partial') : ''] : []),
      ]),
      ['left', ...filters.sections.map((): Align => 'right'), 'left'],
    ),
  );

  for (const table of report.sections) {
    out.push(
      '',
      t('cli.text.sectionTitle', { section: sectionLabel(t, table.section), count: count(table.incomplete) }),
    );
    pushAll(
      out,
      textTable(
        [
          t('cli.text.actionName'),
          t('cli.text.screen'),
          t('cli.text.platform'),
          t('cli.text.userAction'),
          t('cli.text.count'),
          platformLabel(t, 'iOS/iPadOS'),
          platformLabel(t, 'Android'),
        ],
        table.rows.map((row) => [
          row.otherWordings !== undefined
            ? t('cli.text.otherWordings')
            : row.catalog
              ? row.actionName
              : `${row.actionName} *`,
          screenLabel(t, row.screen),
          platformLabel(t, row.platform),
          userActionLabel(t, row.userAction),
          count(row.count),
          count(row.byPlatform['iOS/iPadOS']),
          count(row.byPlatform.Android),
        ]),
        ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
      ),
    );
  }
  if (report.sections.some((table) => table.rows.some((r) => !r.catalog))) out.push('', t('cli.text.observedNote'));
  if (report.sections.some((table) => table.rows.some((r) => r.otherWordings !== undefined)))
    out.push(t('cli.text.otherWordingsNote'));

  const quality = report.dataQuality;
  if (quality.notes.length > 0 || quality.summaryMismatches.length > 0) {
    out.push('', t('cli.text.dataQuality'));
    for (const note of dataQualityNoteTexts(tr, quality)) out.push(`- ${note}`);
    if (quality.summaryMismatches.length > 0) {
      out.push('');
      pushAll(
        out,
        textTable(
          [
            t('cli.text.date'),
            t('cli.text.platform'),
            t('cli.text.summaryIncomplete'),
            t('cli.text.attemptsIncomplete'),
          ],
          quality.summaryMismatches.map((m) => [
            m.date,
            m.platform ? platformLabel(t, m.platform) : t('cli.text.bothPlatforms'),
            count(m.summaryIncomplete),
            count(m.attemptsIncomplete),
          ]),
          ['left', 'left', 'right', 'right'],
        ),
      );
    }
  }

  if (report.imports.length > 0) {
    out.push('', t('cli.text.imports'));
    pushAll(
      out,
      textTable(
        [
          '#',
          t('cli.text.file'),
          t('cli.text.format'),
          t('cli.text.rows'),
          t('cli.text.imported'),
          t('cli.text.duplicates'),
          t('cli.text.skipped'),
        ],
        report.imports.map((i) => [
          i.id,
          i.file,
          i.format,
          count(i.rows),
          count(i.imported),
          count(i.duplicates),
          count(Object.values(i.skipped).reduce((a, b) => a + b, 0)),
        ]),
        ['right', 'left', 'left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
