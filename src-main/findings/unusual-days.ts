/**
 * Unusual days: per section, days of the range whose incomplete count lies far above the baseline
 * of the previous 14 whole days (robust score over median and MAD, stats.ts). Partial days are
 * never candidates and never baseline days (their counts cover part of a day); nor are days
 * before the case's data (no zero, just no data). Only days above the baseline are named: a day
 * far below it is more often a gap in the data than an event, and gaps are the data-quality
 * panel's (days without data).
 */
import { addDays } from '../shared/calendar-day';
import type { UnusualDayFinding } from '../shared/findings-types';
import { dailyCount, type DailyPoint, type Report } from '../shared/report-types';
import { uncoveredDays } from './coverage';
import { reportFilterOf, withText } from './finding';
import type { FindingsInput } from './input';
import { robustScore } from './stats';
import { BASELINE_DAYS, MAX_UNUSUAL_DAYS, MIN_BASELINE_DAYS, MIN_UNUSUAL_COUNT, UNUSUAL_Z } from './thresholds';

/** Days usable as baseline or candidate: whole, and reached by the case's data. */
function usableDays(reports: readonly Report[]): Map<string, DailyPoint> {
  const days = new Map<string, DailyPoint>();
  for (const report of reports) {
    const uncovered = new Set(uncoveredDays(report));
    for (const point of report.daily) {
      if (point.partial !== true && !uncovered.has(point.date)) days.set(point.date, point);
    }
  }
  return days;
}

export function unusualDays(input: FindingsInput): UnusualDayFinding[] {
  const { report } = input;
  const usable = usableDays(input.history ? [input.history, report] : [report]);
  const found: UnusualDayFinding[] = [];
  for (const section of report.filters.sections) {
    for (const point of report.daily) {
      const today = usable.get(point.date);
      if (!today) continue;
      const count = dailyCount(today, section);
      if (count < MIN_UNUSUAL_COUNT) continue;
      const baseline: number[] = [];
      for (let back = 1; back <= BASELINE_DAYS; back++) {
        const day = usable.get(addDays(point.date, -back));
        if (day) baseline.push(dailyCount(day, section));
      }
      if (baseline.length < MIN_BASELINE_DAYS) continue;
      const score = robustScore(count, baseline);
      if (!score || score.z <= UNUSUAL_Z) continue;
      found.push(
        withText<UnusualDayFinding>({
          kind: 'unusual-day',
          numbers: {
            count,
            median: score.median,
            mad: score.mad,
            scale: score.scale,
            z: score.z,
            baselineDays: baseline.length,
          },
          filter: { ...reportFilterOf(report), section, date: point.date },
        }),
      );
    }
  }
  return found.sort((a, b) => (b.numbers.z ?? 0) - (a.numbers.z ?? 0)).slice(0, MAX_UNUSUAL_DAYS);
}
