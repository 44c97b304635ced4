/**
 * The filters of the report on screen, always visible above it, in one row. Each chip opens its
 * filter (focus moves to that group of the panel); a narrowed filter's chip also clears it.
 */
import type { ReactNode } from 'react';
import type { Report } from '../../src-main/shared/report-types';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import { daysInRange, zoneOffset } from '../format';
import { useT } from '../i18n/I18nProvider';
import { platformLabel, sectionLabel } from '../../src-main/shared/i18n/vocabulary';
import { useApp } from '../store';
import { DEFAULT_RANGE } from '../store/case-slice';
import { FILTER_GROUP_ID } from './FilterPanel';

type Group = keyof typeof FILTER_GROUP_ID;

/** Moves focus to the first control of a filter group of the panel, and brings it into view. */
function openGroup(group: Group): void {
  const fieldset = document.getElementById(FILTER_GROUP_ID[group]);
  const control =
    fieldset?.querySelector<HTMLElement>('button[aria-pressed="true"]') ??
    fieldset?.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled])');
  fieldset?.scrollIntoView({ block: 'nearest' });
  control?.focus();
}

function Chip({
  group,
  label,
  title,
  clear,
  testId,
  children,
}: {
  group: Group;
  label: string;
  /** The chip's whole text (the chip truncates it when the row is short of room). */
  title: string;
  /** How to clear this filter, or null when it is at its default. */
  clear: { label: string; run: () => void } | null;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <span className={`chip chip-${group}`} data-testid={testId}>
      <button
        className="chip-open"
        onClick={() => openGroup(group)}
        title={t('app.chips.changeIt', { title })}
        data-testid={`${testId}-open`}
      >
        <span className="chip-label">{label}</span> <span className="chip-text">{children}</span>
      </button>
      {clear && (
        <button
          className="chip-clear"
          onClick={clear.run}
          aria-label={clear.label}
          title={clear.label}
          data-testid={`${testId}-clear`}
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
    </span>
  );
}

export function ActiveFilters({ report }: { report: Report }) {
  const { t, f } = useT();
  const range = useApp((s) => s.range);
  const clearFilter = useApp((s) => s.clearFilter);
  const { from, to, tz } = report.range;
  const days = daysInRange(from, to);
  const allPlatforms = report.filters.platforms.length === PLATFORMS.length;
  const allSections = report.filters.sections.length === SECTIONS.length;
  const defaultRange = range.kind === 'last' && DEFAULT_RANGE.kind === 'last' && range.days === DEFAULT_RANGE.days;
  const length = range.kind === 'last' ? t('app.chips.lastDays', { days }) : t('app.chips.days', { days });
  const offset = zoneOffset(tz);
  const platforms = report.filters.platforms.map((platform) => platformLabel(t, platform)).join(', ');
  const sections = allSections
    ? t('app.chips.allFour')
    : report.filters.sections.map((section) => sectionLabel(t, section)).join(', ');
  const datesTitle = t(range.kind === 'last' ? 'app.chips.datesTitleWithData' : 'app.chips.datesTitle', {
    range: f.range(from, to),
    length,
  });
  return (
    <div className="active-filters" data-testid="active-filters" aria-label={t('app.chips.label')} role="group">
      <Chip
        group="dates"
        label={t('app.filters.dates')}
        title={datesTitle}
        testId="active-range"
        clear={defaultRange ? null : { label: t('app.chips.clearDates'), run: () => clearFilter('dates') }}
      >
        {f.compactRange(from, to)}
        <span className="muted"> · {length}</span>
      </Chip>
      <Chip
        group="tz"
        label={t('app.filters.timeZone')}
        title={t('app.chips.tzTitle', { tz, offset })}
        testId="active-tz"
        clear={null}
      >
        {tz}
        {tz !== 'UTC' && <span className="muted"> {offset}</span>}
      </Chip>
      <Chip
        group="platforms"
        label={t('app.chips.os')}
        title={t('app.chips.osTitle', { platforms })}
        testId="active-platforms"
        clear={allPlatforms ? null : { label: t('app.chips.clearOs'), run: () => clearFilter('platforms') }}
      >
        {platforms}
      </Chip>
      <Chip
        group="sections"
        label={t('app.filters.sections')}
        title={t('app.chips.sectionsTitle', { sections })}
        testId="active-sections"
        clear={allSections ? null : { label: t('app.chips.clearSections'), run: () => clearFilter('sections') }}
      >
        {allSections
          ? t('app.chips.allFour')
          : report.filters.sections.map((section) => (
              <span key={section} className="chip-section">
                <span className="swatch" style={{ background: SECTION_STYLE[section].color }} aria-hidden="true" />
                {sectionLabel(t, section)}
              </span>
            ))}
      </Chip>
    </div>
  );
}
