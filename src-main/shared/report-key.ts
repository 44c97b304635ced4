/**
 * A report's identity as the view shows it: `from..to|tz|platforms|sections`. The report view puts
 * it on its element (`data-report-key`); tests and the screenshot tool wait for the key of the
 * engine's report for the same filter, so they never wait on time.
 */
import type { Report } from './report-types';

export type KeyedReport = Pick<Report, 'range' | 'filters'>;

export const reportKey = (report: KeyedReport): string =>
  `${report.range.from}..${report.range.to}|${report.range.tz}|${report.filters.platforms.join(',')}|${report.filters.sections.join(',')}`;
