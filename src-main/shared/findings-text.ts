/**
 * The findings' sentences: one ICU message per kind (the `common` catalog's `findings.*`), filled
 * from the finding's numbers (and its filter's row, day or platform). Two renderings of the same
 * messages:
 * - `renderFindingText(finding)`: the machine text stored in `findings[].text` of the JSON. English,
 *   with fixed month names and comma separators, whatever the machine's locale, so the JSON is the
 *   same everywhere.
 * - `findingText(tr, finding)`: what a reader sees (the app, the PDF, `--format text`), in the
 *   translator's language with its number and date formats, so a page never mixes styles.
 * Node-free.
 */
import type { Finding, FindingFilter, FindingPeriod } from './findings-types';
import { plainEnglish } from './i18n/plain-english';
import type { Translator } from './i18n/translator';
import { actionNameLabel, platformLabel, screenLabel, sectionLabel, userActionLabel } from './i18n/vocabulary';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-06-01` -> `1 Jun 2025` (the machine text's day). */
export function findingDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** 12345 -> `12,345`. */
export function findingCount(n: number | null): string {
  if (n === null) return '—';
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.3851 -> `38.5%`; null -> `—`. */
export const findingPercent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** How one rendering writes numbers and days; the words come from `t`. */
interface FindingWords {
  readonly t: Translator['t'];
  count(n: number | null): string;
  percent(rate: number | null): string;
  /** A decimal with exactly `digits` fraction digits. */
  fixed(n: number, digits: number): string;
  day(day: string): string;
  period(period: FindingPeriod): string;
}

const machineWords: FindingWords = {
  // FormatJS's English text, without starting Intl (the JSON's texts need no locale data).
  t: plainEnglish,
  count: findingCount,
  percent: findingPercent,
  fixed: (n, digits) => n.toFixed(digits),
  day: findingDay,
  period: (p) => (p.from === p.to ? findingDay(p.from) : `${findingDay(p.from)} – ${findingDay(p.to)}`),
};

function readerWords(tr: Translator): FindingWords {
  return {
    t: tr.t,
    count: (n) => (n === null ? '—' : tr.f.count(n)),
    percent: tr.f.rate,
    fixed: (n, digits) => tr.intl.formatNumber(n, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    day: tr.f.day,
    period: (p) => tr.f.range(p.from, p.to),
  };
}

/** A difference of fractions in percentage points: 0.0851 -> `8.5 percentage points`. */
const points = (w: FindingWords, difference: number | null): string =>
  difference === null ? '—' : w.t('common.findings.points', { value: w.fixed(Math.abs(difference) * 100, 1) });

/** `p = 0.012`, `p < 0.001`. */
function pText(w: FindingWords, p: number | null): string {
  if (p === null) return w.t('common.findings.pUnknown');
  return p < 0.001
    ? w.t('common.findings.pBelow', { value: w.fixed(0.001, 3) })
    : w.t('common.findings.pEquals', { value: w.fixed(p, 3) });
}

/** `TermsofUse, Decline All at "Terms of use (if admin configured)"`, the screen and action in the reader's words. */
function rowText(w: FindingWords, filter: FindingFilter): string {
  const values = {
    action: actionNameLabel(w.t, filter.actionName),
    userAction: userActionLabel(w.t, filter.userAction ?? ''),
  };
  return filter.screen
    ? w.t('common.findings.rowLabelScreen', { ...values, screen: screenLabel(w.t, filter.screen) })
    : w.t('common.findings.rowLabel', values);
}

const rowInSection = (w: FindingWords, filter: FindingFilter): string =>
  w.t('common.findings.rowInSection', { row: rowText(w, filter), section: sectionLabel(w.t, filter.section ?? '') });

/** ` (the two periods hold 1 partial day; ...)`, or nothing. */
function periodNotes(w: FindingWords, partialDays: number | null, unknownDays: number | null): string {
  const notes: string[] = [];
  if (partialDays) notes.push(w.t('common.findings.notePartialDays', { count: partialDays }));
  if (unknownDays) notes.push(w.t('common.findings.noteUnknownDays', { count: unknownDays }));
  return notes.length === 0
    ? ''
    : w.t('common.findings.parenthetical', { text: notes.join(w.t('common.findings.partSeparator')) });
}

const direction = (change: number | null): string => ((change ?? 0) > 0 ? 'rose' : 'fell');

function render(finding: Finding, w: FindingWords): string {
  const f = finding.filter;
  const { t } = w;
  switch (finding.kind) {
    case 'where-users-stop': {
      const n = finding.numbers;
      // Only the platforms of the filter: under an iOS filter, "Android 0" would say nothing true.
      const split =
        f.platforms.length > 1 ? t('common.findings.split', { ios: w.count(n.ios), android: w.count(n.android) }) : '';
      const rateOf = { 'iOS/iPadOS': n.iosRate, Android: n.androidRate } as const;
      const rates = f.platforms.map((platform) =>
        t('common.findings.rateOfPlatform', {
          rate: w.percent(rateOf[platform]),
          platform: platformLabel(t, platform),
        }),
      );
      // A rate the data cannot give is shown as "—", with why, next to it.
      const unknown = f.platforms.some((platform) => rateOf[platform] === null) ? t('common.findings.rateUnknown') : '';
      const details = [split, `${rates.join(t('common.findings.listSeparator'))}${unknown}`]
        .filter((part) => part !== '')
        .join(t('common.findings.partSeparator'));
      return t('common.findings.whereUsersStop', {
        rank: w.count(n.rank),
        row: rowText(w, f),
        section: sectionLabel(t, f.section ?? ''),
        count: n.count ?? 0,
        share: w.percent(n.share),
        incomplete: w.count(n.incomplete),
        details: details === '' ? '' : t('common.findings.parenthetical', { text: details }),
      });
    }
    case 'platform-gap': {
      const n = finding.numbers;
      const known =
        n.knownDays !== n.rangeDays
          ? t('common.findings.platformGapKnown', { known: w.count(n.knownDays), range: w.count(n.rangeDays) })
          : '';
      return t('common.findings.platformGap', {
        worse: platformLabel(t, finding.worse),
        iosRate: w.percent(n.iosRate),
        iosIncomplete: w.count(n.iosIncomplete),
        iosInitiated: w.count(n.iosInitiated),
        androidRate: w.percent(n.androidRate),
        androidIncomplete: w.count(n.androidIncomplete),
        androidInitiated: w.count(n.androidInitiated),
        points: points(w, n.difference),
        known,
        p: pText(w, n.pValue),
      });
    }
    case 'rate-change': {
      const n = finding.numbers;
      return t('common.findings.rateChange', {
        direction: direction(n.difference),
        previousRate: w.percent(n.previousRate),
        previousPeriod: w.period(finding.previous),
        currentRate: w.percent(n.currentRate),
        period: w.period(f),
        points: points(w, n.difference),
        p: pText(w, n.pValue),
        notes: periodNotes(w, n.partialDays, n.unknownDays),
      });
    }
    case 'count-change': {
      const n = finding.numbers;
      const values = {
        direction: direction(n.change),
        previous: w.count(n.previous),
        previousPeriod: w.period(finding.previous),
        current: w.count(n.current),
        period: w.period(f),
        p: pText(w, n.pValue),
      };
      return f.actionName === undefined
        ? t('common.findings.countChangeAll', values)
        : t('common.findings.countChangeRow', { ...values, row: rowInSection(w, f) });
    }
    case 'row-change': {
      const n = finding.numbers;
      return t('common.findings.rowChange', {
        row: rowInSection(w, f),
        direction: direction(n.difference),
        previous: w.count(n.previous),
        previousRate: w.percent(n.previousRate),
        previousPeriod: w.period(finding.previous),
        current: w.count(n.current),
        currentRate: w.percent(n.currentRate),
        period: w.period(f),
        p: pText(w, n.pValue),
        notes: periodNotes(w, n.partialDays, n.unknownDays),
      });
    }
    case 'unusual-day': {
      const n = finding.numbers;
      return t('common.findings.unusualDay', {
        day: w.day(f.date ?? ''),
        section: sectionLabel(t, f.section ?? ''),
        count: n.count ?? 0,
        median: w.count(n.median),
        baselineDays: n.baselineDays ?? 0,
        z: w.fixed(n.z ?? 0, 1),
      });
    }
    case 'caveat-unknown-initiated': {
      const n = finding.numbers;
      return t('common.findings.caveatUnknownInitiated', {
        days: n.days ?? 0,
        rangeDays: w.count(n.rangeDays),
        outside: n.incompleteOutsideRate ?? 0,
      });
    }
    case 'caveat-no-initiated':
      return t('common.findings.caveatNoInitiated', { incomplete: w.count(finding.numbers.incomplete) });
    case 'caveat-partial-days':
      return t('common.findings.caveatPartialDays', { days: finding.numbers.days ?? 0 });
    case 'caveat-unclassified': {
      const n = finding.numbers;
      return t('common.findings.caveatUnclassified', {
        share: w.percent(n.share),
        unclassified: w.count(n.unclassified),
        incomplete: w.count(n.incomplete),
        summary: n.fromSummary
          ? t('common.findings.caveatUnclassifiedSummary', { fromSummary: w.count(n.fromSummary) })
          : '',
      });
    }
    case 'caveat-summary-mismatch':
      return t('common.findings.caveatSummaryMismatch', { cells: finding.numbers.cells ?? 0 });
    case 'caveat-skipped-rows':
      return t('common.findings.caveatSkippedRows', {
        rows: finding.numbers.skippedRows ?? 0,
        files: finding.numbers.files ?? 0,
      });
    case 'caveat-change-held-back':
      return finding.reason === 'no-data-before'
        ? t('common.findings.caveatNoDataBefore', {
            previousPeriod: w.period(finding.previous),
            days: finding.numbers.days ?? 0,
          })
        : t('common.findings.caveatHeldBack', {
            previousPeriod: w.period(finding.previous),
            days: finding.numbers.days ?? 0,
          });
  }
}

/** The machine text of a finding (`findings[].text` in the JSON): English, fixed formats. */
export const renderFindingText = (finding: Finding): string => render(finding, machineWords);

/** A finding as a reader sees it, in the translator's language and formats (app, PDF, `--format text`). */
export const findingText = (tr: Translator, finding: Finding): string => render(finding, readerWords(tr));
