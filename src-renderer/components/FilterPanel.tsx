/** The report's filters: date range (presets or custom), OS, sections, time zone. */
import { useState } from 'react';
import { RANGE_PRESETS, type RangePreset } from '../../src-main/shared/ipc-contract';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import type { Report } from '../../src-main/shared/report-types';
import { dayInZone, formatClock } from '../coverage';
import { daysInRange, formatDay } from '../format';
import { useApp } from '../store';
import { TimeZoneSelect } from './TimeZoneSelect';

const DAY = /^(\d{4})-\d{2}-\d{2}$/;
/** Longest custom range (days): a guard against a half-typed year asking for centuries. */
export const MAX_RANGE_DAYS = 1096;

function validRange(from: string, to: string): string | null {
  const plausible = (day: string): boolean => {
    const year = Number(DAY.exec(day)?.[1]);
    return year >= 2000 && year <= 2099;
  };
  if (!plausible(from) || !plausible(to)) return 'Enter both days (years 2000 to 2099).';
  if (from > to) return 'The range ends before it starts.';
  if (daysInRange(from, to) > MAX_RANGE_DAYS) return 'Choose at most three years.';
  return null;
}

/**
 * The day the case's data ends on, when the presets stop before it (the engine's default range
 * leaves out a partial last day), with the time its data ends; else null.
 */
function latestPartialDay(report: Report | null, latestDay: string | null): { day: string; ends: string } | null {
  const end = report?.dataQuality.dataSpan?.to;
  if (!report || !end || !latestDay) return null;
  const day = dayInZone(end, report.range.tz);
  return day > latestDay ? { day, ends: formatClock(end, report.range.tz) } : null;
}

function DateRangeFilter() {
  const range = useApp((s) => s.range);
  const report = useApp((s) => s.report);
  const latestDay = useApp((s) => s.latestDay);
  const setPreset = useApp((s) => s.setPreset);
  const setCustomRange = useApp((s) => s.setCustomRange);
  // What the user is typing; null: the inputs show the range of the report on screen.
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const from = draft?.from ?? report?.range.from ?? '';
  const to = draft?.to ?? report?.range.to ?? '';
  const problem = draft ? validRange(draft.from, draft.to) : null;
  const lastPartial = latestPartialDay(report, latestDay);

  const apply = (nextFrom: string, nextTo: string): void => {
    setDraft({ from: nextFrom, to: nextTo });
    const valid = validRange(nextFrom, nextTo) === null;
    if (valid && (range.kind !== 'custom' || range.from !== nextFrom || range.to !== nextTo))
      setCustomRange(nextFrom, nextTo);
  };
  const preset = (days: RangePreset): void => {
    setDraft(null);
    setPreset(days);
  };

  return (
    <fieldset className="filter-group" data-testid="filter-dates">
      <legend>Dates</legend>
      <div className="segmented" role="group" aria-label="Date range presets">
        {RANGE_PRESETS.map((days) => (
          <button
            key={days}
            className="segment"
            aria-pressed={range.kind === 'last' && range.days === days}
            onClick={() => preset(days)}
            data-testid={`preset-${days}`}
          >
            {days} days
          </button>
        ))}
      </div>
      <p className="filter-hint">
        {latestDay ? (
          <>
            Presets end on <strong>{formatDay(latestDay)}</strong>, the latest {lastPartial ? 'whole ' : ''}day with
            data
            {lastPartial ? (
              <span data-testid="latest-partial">
                {' '}
                ({formatDay(lastPartial.day)} is partial: data ends {lastPartial.ends})
              </span>
            ) : null}
            .
          </>
        ) : (
          'No data yet.'
        )}
      </p>
      <div className="date-inputs">
        <label>
          <span>From</span>
          <input
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => apply(e.target.value, to)}
            data-testid="date-from"
            aria-invalid={problem !== null}
          />
        </label>
        <label>
          <span>To</span>
          <input
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => apply(from, e.target.value)}
            data-testid="date-to"
            aria-invalid={problem !== null}
          />
        </label>
      </div>
      {problem ? (
        <p className="filter-problem" role="alert">
          {problem}
        </p>
      ) : (
        range.kind === 'custom' && (
          <button className="link-button" onClick={() => preset(14)}>
            Custom range · back to the last 14 days
          </button>
        )
      )}
    </fieldset>
  );
}

function PlatformFilter() {
  const platforms = useApp((s) => s.platforms);
  const toggle = useApp((s) => s.togglePlatform);
  return (
    <fieldset className="filter-group" data-testid="filter-platforms">
      <legend>Operating system</legend>
      {PLATFORMS.map((platform) => {
        const checked = platforms.includes(platform);
        const last = checked && platforms.length === 1;
        return (
          <label key={platform} className="check" title={last ? 'At least one OS stays selected' : undefined}>
            <input type="checkbox" checked={checked} disabled={last} onChange={() => toggle(platform)} />
            <span>{platform}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function SectionFilter() {
  const sections = useApp((s) => s.sections);
  const toggle = useApp((s) => s.toggleSection);
  const selectAll = useApp((s) => s.selectAllSections);
  return (
    <fieldset className="filter-group" data-testid="filter-sections">
      <legend>Sections</legend>
      {SECTIONS.map((section) => {
        const checked = sections.includes(section);
        const last = checked && sections.length === 1;
        return (
          <label key={section} className="check" title={last ? 'At least one section stays selected' : undefined}>
            <input type="checkbox" checked={checked} disabled={last} onChange={() => toggle(section)} />
            <span className="swatch" style={{ background: SECTION_STYLE[section].color }} aria-hidden="true" />
            <span>{section}</span>
          </label>
        );
      })}
      {sections.length < SECTIONS.length && (
        <button className="link-button" onClick={selectAll}>
          Select all sections
        </button>
      )}
    </fieldset>
  );
}

export function FilterPanel() {
  const caseKey = useApp((s) => s.caseInfo?.path ?? '');
  const tz = useApp((s) => s.tz);
  const setTimeZone = useApp((s) => s.setTimeZone);
  return (
    <aside className="filters" aria-label="Filters" data-testid="filters">
      <h2 className="filters-title">Filters</h2>
      <DateRangeFilter key={caseKey} />
      <PlatformFilter />
      <SectionFilter />
      <fieldset className="filter-group">
        <legend>Time zone</legend>
        <TimeZoneSelect value={tz} onChange={(zone) => void setTimeZone(zone)} />
        <p className="filter-hint">Days are calendar days in this zone. Remembered for this case.</p>
      </fieldset>
    </aside>
  );
}
