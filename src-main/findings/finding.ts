/** The parts every finding is made of: the filter of its report, and its sentence. */
import type { Finding, FindingFilter } from '../shared/findings-types';
import { renderFindingText } from '../shared/findings-text';
import type { Report } from '../shared/report-types';

/** The filter of a report as a finding's filter (the range and filters it was computed for). */
export function reportFilterOf(report: Report): FindingFilter {
  return {
    from: report.range.from,
    to: report.range.to,
    tz: report.range.tz,
    platforms: report.filters.platforms,
    sections: report.filters.sections,
  };
}

/** A finding with its sentence rendered from its kind, numbers and filter. */
export function withText<F extends Finding>(finding: Omit<F, 'text'>): F {
  const full = { ...finding, text: '' } as F;
  return { ...full, text: renderFindingText(full) };
}
