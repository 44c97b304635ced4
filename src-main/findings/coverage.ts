/** Which days of a report the case's data reaches: a day before all data is no zero, it is unknown. */
import { dayOf } from '../report/day-buckets';
import type { Report } from '../shared/report-types';

/**
 * Days of the report without any data (no attempt, no summary row) that lie outside the case's
 * data span. Inside the span such a day is a real zero (nobody enrolled); outside it the case
 * simply does not reach that day. Without a data span (summary rows only), every day without
 * data is outside it.
 */
export function uncoveredDays(report: Report): string[] {
  const span = report.dataQuality.dataSpan;
  const tz = report.range.tz;
  if (span === null) return [...report.dataQuality.daysWithoutData];
  const first = dayOf(Date.parse(span.from), tz);
  const last = dayOf(Date.parse(span.to), tz);
  return report.dataQuality.daysWithoutData.filter((day) => day < first || day > last);
}

/** Partial days and days holding attempts of unknown initiated count, of two reports together. */
export function periodFlags(reports: readonly Report[]): { partialDays: number; unknownDays: number } {
  let partialDays = 0;
  let unknownDays = 0;
  for (const report of reports) {
    partialDays += report.coverage.partialDays.length;
    unknownDays += report.coverage.unknownInitiatedDays.length;
  }
  return { partialDays, unknownDays };
}
