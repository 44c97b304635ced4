/**
 * The findings' sentences: one English template per kind, filled from the finding's numbers (and
 * its filter's row, day or platform). Node-free and locale-independent (fixed month names,
 * comma separators), so the command line, the app and the PDF say the same words, and a later
 * translation replaces this file's templates, not the findings.
 */
import type { Finding, FindingFilter, FindingPeriod } from './findings-types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-06-01` -> `1 Jun 2025`. */
export function findingDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

export const findingPeriod = (period: FindingPeriod): string =>
  period.from === period.to ? findingDay(period.from) : `${findingDay(period.from)} – ${findingDay(period.to)}`;

/** 12345 -> `12,345`. */
export function findingCount(n: number | null): string {
  if (n === null) return '—';
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.3851 -> `38.5%`; null -> `—`. */
export const findingPercent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** A difference of fractions in percentage points: 0.0851 -> `8.5 points`. */
export const findingPoints = (difference: number | null): string =>
  difference === null ? '—' : `${(Math.abs(difference) * 100).toFixed(1)} percentage points`;

/** `p = 0.012`, `p < 0.001`. */
export function findingP(p: number | null): string {
  if (p === null) return 'p unknown';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

const plural = (n: number | null, one: string, many: string): string => `${findingCount(n)} ${n === 1 ? one : many}`;

/** `TermsofUse, Decline All at "Terms of use (if admin configured)"`. */
export function rowLabel(filter: FindingFilter): string {
  const screen = filter.screen ? ` at "${filter.screen}"` : '';
  return `${filter.actionName ?? '(unknown)'}, ${filter.userAction ?? ''}${screen}`;
}

function periodNotes(partialDays: number | null, unknownDays: number | null): string {
  const notes: string[] = [];
  if (partialDays) notes.push(`the two periods hold ${plural(partialDays, 'partial day', 'partial days')}`);
  if (unknownDays) {
    notes.push(`the rates leave out ${plural(unknownDays, 'day', 'days')} whose initiated count is unknown`);
  }
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
}

const direction = (change: number | null): string => ((change ?? 0) > 0 ? 'rose' : 'fell');

/** The sentence of a finding, from its kind, numbers and filter. */
export function renderFindingText(finding: Finding): string {
  const f = finding.filter;
  switch (finding.kind) {
    case 'where-users-stop': {
      const n = finding.numbers;
      // Only the platforms of the filter: under an iOS filter, "Android 0" would say nothing true.
      const both = f.platforms.length > 1;
      const split = both ? `iOS/iPadOS ${findingCount(n.ios)}, Android ${findingCount(n.android)}` : '';
      const rateOf = { 'iOS/iPadOS': n.iosRate, Android: n.androidRate } as const;
      const rates = f.platforms.map((platform) => `${findingPercent(rateOf[platform])} of ${platform} enrollments`);
      // A rate the data cannot give is shown as "—", with why, next to it.
      const unknown = f.platforms.some((platform) => rateOf[platform] === null)
        ? ' (— where the number of enrollments begun is not known for every day)'
        : '';
      const details = [split, `${rates.join(', ')}${unknown}`].filter((part) => part !== '').join('; ');
      return (
        `Where users stop #${findingCount(n.rank)}: ${rowLabel(f)} (${f.section ?? ''}), ` +
        `${plural(n.count, 'incomplete enrollment', 'incomplete enrollments')}, ${findingPercent(n.share)} of ${findingCount(n.incomplete)}` +
        `${details === '' ? '' : ` (${details})`}.`
      );
    }
    case 'platform-gap': {
      const n = finding.numbers;
      const known =
        n.knownDays !== n.rangeDays
          ? ` over the ${findingCount(n.knownDays)} of ${findingCount(n.rangeDays)} days whose initiated count is known`
          : '';
      return (
        `${finding.worse} fares worse: incomplete rate ${findingPercent(n.iosRate)} on iOS/iPadOS ` +
        `(${findingCount(n.iosIncomplete)} of ${findingCount(n.iosInitiated)}) against ${findingPercent(n.androidRate)} on Android ` +
        `(${findingCount(n.androidIncomplete)} of ${findingCount(n.androidInitiated)}), ${findingPoints(n.difference)} apart${known} (${findingP(n.pValue)}).`
      );
    }
    case 'rate-change': {
      const n = finding.numbers;
      return (
        `The incomplete rate ${direction(n.difference)} from ${findingPercent(n.previousRate)} (${findingPeriod(finding.previous)}) ` +
        `to ${findingPercent(n.currentRate)} (${findingPeriod(f)}), ${findingPoints(n.difference)} (${findingP(n.pValue)})${periodNotes(n.partialDays, n.unknownDays)}.`
      );
    }
    case 'count-change': {
      const n = finding.numbers;
      const what = f.actionName === undefined ? 'Incomplete enrollments' : `${rowLabel(f)} (${f.section ?? ''})`;
      return (
        `${what} ${direction(n.change)} from ${findingCount(n.previous)} (${findingPeriod(finding.previous)}) to ${findingCount(n.current)} ` +
        `(${findingPeriod(f)}; ${findingP(n.pValue)}; counts compared, the number of enrollments begun is unknown).`
      );
    }
    case 'row-change': {
      const n = finding.numbers;
      return (
        `${rowLabel(f)} (${f.section ?? ''}) ${direction(n.difference)} from ${findingCount(n.previous)} ` +
        `(${findingPercent(n.previousRate)} of initiated, ${findingPeriod(finding.previous)}) to ${findingCount(n.current)} ` +
        `(${findingPercent(n.currentRate)}, ${findingPeriod(f)}; ${findingP(n.pValue)}, adjusted for the rows tested)${periodNotes(n.partialDays, n.unknownDays)}.`
      );
    }
    case 'unusual-day': {
      const n = finding.numbers;
      return (
        `Unusual day: ${findingDay(f.date ?? '')}, ${f.section ?? ''} had ${plural(n.count, 'incomplete enrollment', 'incomplete enrollments')} ` +
        `against a median of ${findingCount(n.median)} over the previous ${plural(n.baselineDays, 'whole day', 'whole days')} (robust z ${(n.z ?? 0).toFixed(1)}).`
      );
    }
    case 'caveat-unknown-initiated': {
      const n = finding.numbers;
      return (
        `On ${plural(n.days, 'day', 'days')} of ${findingCount(n.rangeDays)} the number of enrollments begun is unknown: ` +
        `the rate leaves out ${plural(n.incompleteOutsideRate, 'incomplete enrollment', 'incomplete enrollments')} of those days.`
      );
    }
    case 'caveat-no-initiated':
      return `The data does not say how many enrollments began in this range (no event log or summary covers it): there is no incomplete rate, only the ${findingCount(finding.numbers.incomplete)} incomplete enrollments.`;
    case 'caveat-partial-days':
      return `${plural(finding.numbers.days, 'day is', 'days are')} partial (the data covers only part of ${finding.numbers.days === 1 ? 'it' : 'them'}): their counts are lower than the whole day's would be.`;
    case 'caveat-unclassified': {
      const n = finding.numbers;
      const summary = n.fromSummary ? `, ${findingCount(n.fromSummary)} of them from summary rows` : '';
      return `${findingPercent(n.share)} of incomplete enrollments (${findingCount(n.unclassified)} of ${findingCount(n.incomplete)}) have no section${summary}: the section tables do not show them.`;
    }
    case 'caveat-summary-mismatch':
      return `${plural(finding.numbers.cells, 'summary row disagrees', 'summary rows disagree')} with the attempts of its day on the incomplete count (see data quality).`;
    case 'caveat-skipped-rows':
      return `${plural(finding.numbers.skippedRows, 'row was', 'rows were')} skipped on import (in ${plural(finding.numbers.files, 'file', 'files')}; see the imports).`;
    case 'caveat-change-held-back':
      return finding.reason === 'no-data-before'
        ? `No comparison with the previous period (${findingPeriod(finding.previous)}): ${plural(finding.numbers.days, 'of its days lies', 'of its days lie')} before the case's data.`
        : `No change in counts is stated against ${findingPeriod(finding.previous)}: the periods hold ${plural(finding.numbers.days, 'partial day', 'partial days')} and the number of enrollments begun is unknown.`;
  }
}
