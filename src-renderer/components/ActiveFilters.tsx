/** The filters of the report on screen, always visible above it. */
import type { Report } from '../../src-main/shared/report-types';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import { daysInRange, formatRange, zoneOffset } from '../format';
import { useApp } from '../store';

export function ActiveFilters({ report }: { report: Report }) {
  const range = useApp((s) => s.range);
  const { from, to, tz } = report.range;
  const days = daysInRange(from, to);
  const allPlatforms = report.filters.platforms.length === PLATFORMS.length;
  const allSections = report.filters.sections.length === SECTIONS.length;
  return (
    <div className="active-filters" data-testid="active-filters" aria-label="Active filters" role="group">
      <span className="chip" data-testid="active-range">
        <span className="chip-label">Dates</span>
        {formatRange(from, to)}
        <span className="muted">
          {range.kind === 'last' ? ` · last ${days} days with data` : ` · ${days} ${days === 1 ? 'day' : 'days'}`}
        </span>
      </span>
      <span className="chip" data-testid="active-tz">
        <span className="chip-label">Time zone</span>
        {tz} <span className="muted">{zoneOffset(tz)}</span>
      </span>
      <span className="chip" data-testid="active-platforms">
        <span className="chip-label">OS</span>
        {allPlatforms ? 'iOS/iPadOS and Android' : report.filters.platforms.join(', ')}
      </span>
      <span className="chip" data-testid="active-sections">
        <span className="chip-label">Sections</span>
        {allSections
          ? 'All four'
          : report.filters.sections.map((section) => (
              <span key={section} className="chip-section">
                <span className="swatch" style={{ background: SECTION_STYLE[section].color }} aria-hidden="true" />
                {section}
              </span>
            ))}
      </span>
    </div>
  );
}
