/** The report's filters: date range (presets or custom), OS, sections, time zone. */
import { useId, useState, type ReactNode } from 'react';
import { RANGE_PRESETS, type RangePreset } from '../../src-main/shared/ipc-contract';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import { daysInRange, formatDay } from '../format';
import { useApp } from '../store';
import { TimeZoneSelect } from './TimeZoneSelect';

/** The filter groups' element ids: the active-filter chips open their group. */
export const FILTER_GROUP_ID = {
  dates: 'filter-group-dates',
  platforms: 'filter-group-platforms',
  sections: 'filter-group-sections',
  tz: 'filter-group-tz',
} as const;

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
    <fieldset className="filter-group" data-testid="filter-dates" id={FILTER_GROUP_ID.dates}>
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
            Presets end on <strong>{formatDay(latestDay)}</strong>, the latest day with data.
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

/** Why a filter group does not apply in the view on screen (null: it applies). */
function useNotApplied(reason: string): string | null {
  const view = useApp((s) => s.view);
  return view === 'failures' ? `Not used by the Enrollment failures view: ${reason}` : null;
}

/**
 * A checkbox of a group where one always stays checked. The last checked one is not disabled (it
 * would look unavailable): it refuses to uncheck, and says why beside it.
 */
function KeepOneCheck({
  label,
  checked,
  last,
  reasonId,
  onToggle,
  children,
}: {
  label: string;
  checked: boolean;
  last: boolean;
  reasonId: string;
  onToggle: () => void;
  children?: ReactNode;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        aria-disabled={last || undefined}
        aria-describedby={last ? reasonId : undefined}
        onChange={() => {
          if (!last) onToggle();
        }}
      />
      {children}
      <span>{label}</span>
    </label>
  );
}

function PlatformFilter() {
  const platforms = useApp((s) => s.platforms);
  const toggle = useApp((s) => s.togglePlatform);
  const notApplied = useNotApplied('it shows every OS, split by OS.');
  const reasonId = useId();
  return (
    <fieldset
      className="filter-group"
      data-testid="filter-platforms"
      id={FILTER_GROUP_ID.platforms}
      disabled={notApplied !== null}
      aria-describedby={notApplied ? `${reasonId}-na` : undefined}
    >
      <legend>Operating system</legend>
      {notApplied && (
        <p className="filter-not-applied" id={`${reasonId}-na`} data-testid="not-applied">
          {notApplied}
        </p>
      )}
      {PLATFORMS.map((platform) => {
        const checked = platforms.includes(platform);
        return (
          <KeepOneCheck
            key={platform}
            label={platform}
            checked={checked}
            last={checked && platforms.length === 1}
            reasonId={`${reasonId}-keep`}
            onToggle={() => toggle(platform)}
          />
        );
      })}
      {platforms.length === 1 && (
        <p className="filter-hint" id={`${reasonId}-keep`} data-testid="keep-one">
          At least one operating system stays selected.
        </p>
      )}
    </fieldset>
  );
}

function SectionFilter() {
  const sections = useApp((s) => s.sections);
  const toggle = useApp((s) => s.toggleSection);
  const selectAll = useApp((s) => s.selectAllSections);
  const notApplied = useNotApplied('failures belong to no section.');
  const reasonId = useId();
  return (
    <fieldset
      className="filter-group"
      data-testid="filter-sections"
      id={FILTER_GROUP_ID.sections}
      disabled={notApplied !== null}
      aria-describedby={notApplied ? `${reasonId}-na` : undefined}
    >
      <legend>Sections</legend>
      {notApplied && (
        <p className="filter-not-applied" id={`${reasonId}-na`} data-testid="not-applied">
          {notApplied}
        </p>
      )}
      {SECTIONS.map((section) => {
        const checked = sections.includes(section);
        return (
          <KeepOneCheck
            key={section}
            label={section}
            checked={checked}
            last={checked && sections.length === 1}
            reasonId={`${reasonId}-keep`}
            onToggle={() => toggle(section)}
          >
            <span className="swatch" style={{ background: SECTION_STYLE[section].color }} aria-hidden="true" />
          </KeepOneCheck>
        );
      })}
      {sections.length === 1 && (
        <p className="filter-hint" id={`${reasonId}-keep`} data-testid="keep-one">
          At least one section stays selected.
        </p>
      )}
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
  // A filter set from outside the panel (a chip, a click on the chart) drops what was being typed.
  const epoch = useApp((s) => s.filterEpoch);
  const tz = useApp((s) => s.tz);
  const setTimeZone = useApp((s) => s.setTimeZone);
  return (
    <aside className="filters" aria-label="Filters" data-testid="filters">
      <h2 className="filters-title">Filters</h2>
      <DateRangeFilter key={`${caseKey}|${epoch}`} />
      <PlatformFilter />
      <SectionFilter />
      <fieldset className="filter-group" id={FILTER_GROUP_ID.tz}>
        <legend>Time zone</legend>
        <TimeZoneSelect value={tz} onChange={(zone) => void setTimeZone(zone)} />
        <p className="filter-hint">Days are calendar days in this zone. Remembered for this case.</p>
      </fieldset>
    </aside>
  );
}
