/** The report's filters: date range (presets or custom), OS, sections, time zone. */
import { useId, useState, type ReactNode } from 'react';
import { RANGE_PRESETS, type RangePreset } from '../../src-main/shared/ipc-contract';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import type { Report } from '../../src-main/shared/report-types';
import { dayInZone, formatClock } from '../coverage';
import { daysInRange } from '../format';
import type { MessageId } from '../../src-main/shared/i18n/messages';
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n/I18nProvider';
import { platformLabel, sectionLabel } from '../../src-main/shared/i18n/vocabulary';
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

function validRange(from: string, to: string): MessageId | null {
  const plausible = (day: string): boolean => {
    const year = Number(DAY.exec(day)?.[1]);
    return year >= 2000 && year <= 2099;
  };
  if (!plausible(from) || !plausible(to)) return 'app.filters.problem.bothDays';
  if (from > to) return 'app.filters.problem.endsBeforeStart';
  if (daysInRange(from, to) > MAX_RANGE_DAYS) return 'app.filters.problem.tooLong';
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
  const { t, f } = useT();
  const language = useApp((s) => s.language);
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
    <fieldset className="filter-group" data-testid="filter-dates" id={FILTER_GROUP_ID.dates}>
      <legend>{t('app.filters.dates')}</legend>
      <div className="segmented" role="group" aria-label={t('app.filters.presets')}>
        {RANGE_PRESETS.map((days) => (
          <button
            key={days}
            className="segment"
            aria-pressed={range.kind === 'last' && range.days === days}
            onClick={() => preset(days)}
            data-testid={`preset-${days}`}
          >
            {t('app.filters.presetDays', { days })}
          </button>
        ))}
      </div>
      <p className="filter-hint">
        {latestDay ? (
          <>
            <FormattedMessage
              id={lastPartial ? 'app.filters.presetsEndWhole' : ('app.filters.presetsEnd' satisfies MessageId)}
              values={{ day: <strong>{f.day(latestDay)}</strong> }}
            />
            {lastPartial ? (
              <span data-testid="latest-partial">
                {' '}
                {t('app.filters.latestPartial', { day: f.day(lastPartial.day), ends: lastPartial.ends })}
              </span>
            ) : null}
            {t('app.sentence.stop')}
          </>
        ) : (
          t('app.filters.noData')
        )}
      </p>
      <div className="date-inputs">
        <label>
          <span>{t('app.filters.from')}</span>
          <input
            type="date"
            lang={language}
            value={from}
            max={to || undefined}
            onChange={(e) => apply(e.target.value, to)}
            data-testid="date-from"
            aria-invalid={problem !== null}
          />
        </label>
        <label>
          <span>{t('app.filters.to')}</span>
          <input
            type="date"
            lang={language}
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
          {t(problem)}
        </p>
      ) : (
        range.kind === 'custom' && (
          <button className="link-button" onClick={() => preset(14)}>
            {t('app.filters.customBack')}
          </button>
        )
      )}
    </fieldset>
  );
}

/** Why a filter group does not apply in the view on screen (null: it applies). */
function useNotApplied(reason: MessageId): string | null {
  const { t } = useT();
  const view = useApp((s) => s.view);
  return view === 'failures' ? t('app.filters.notApplied', { reason: t(reason) }) : null;
}

/**
 * A group of checkboxes of which one always stays checked. The last checked box is not disabled
 * (it would look unavailable): it refuses to uncheck, and a line under the group says why. In a
 * view that does not use the filter, the whole group is disabled and says so above its boxes.
 */
function KeepOneGroup<T extends string>({
  legend,
  group,
  testId,
  items,
  chosen,
  onToggle,
  keepOne,
  notApplied,
  swatch,
  label,
  children,
}: {
  legend: string;
  group: keyof typeof FILTER_GROUP_ID;
  testId: string;
  items: readonly T[];
  chosen: readonly T[];
  onToggle: (item: T) => void;
  /** The reason the last box stays checked, e.g. "At least one section stays selected." */
  keepOne: string;
  /** Why the view on screen does not use this filter (null: it does). */
  notApplied: string | null;
  swatch?: (item: T) => ReactNode;
  /** The item as displayed (the values are the engine's English names). */
  label: (item: T) => string;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset
      className="filter-group"
      data-testid={testId}
      id={FILTER_GROUP_ID[group]}
      disabled={notApplied !== null}
      aria-describedby={notApplied ? `${id}-na` : undefined}
    >
      <legend>{legend}</legend>
      {notApplied && (
        <p className="filter-not-applied" id={`${id}-na`} data-testid="not-applied">
          {notApplied}
        </p>
      )}
      {items.map((item) => {
        const checked = chosen.includes(item);
        const last = checked && chosen.length === 1;
        return (
          <label key={item} className="check">
            <input
              type="checkbox"
              checked={checked}
              aria-disabled={last || undefined}
              aria-describedby={last ? `${id}-keep` : undefined}
              onChange={() => {
                if (!last) onToggle(item);
              }}
            />
            {swatch?.(item)}
            <span>{label(item)}</span>
          </label>
        );
      })}
      {chosen.length === 1 && (
        <p className="filter-hint" id={`${id}-keep`} data-testid="keep-one">
          {keepOne}
        </p>
      )}
      {children}
    </fieldset>
  );
}

function PlatformFilter() {
  const { t } = useT();
  const platforms = useApp((s) => s.platforms);
  const toggle = useApp((s) => s.togglePlatform);
  const notApplied = useNotApplied('app.filters.notApplied.platforms');
  return (
    <KeepOneGroup
      legend={t('app.filters.platforms')}
      group="platforms"
      testId="filter-platforms"
      items={PLATFORMS}
      chosen={platforms}
      onToggle={toggle}
      keepOne={t('app.filters.keepOnePlatform')}
      notApplied={notApplied}
      label={(platform) => platformLabel(t, platform)}
    />
  );
}

function SectionFilter() {
  const { t } = useT();
  const sections = useApp((s) => s.sections);
  const toggle = useApp((s) => s.toggleSection);
  const selectAll = useApp((s) => s.selectAllSections);
  const notApplied = useNotApplied('app.filters.notApplied.sections');
  return (
    <KeepOneGroup
      legend={t('app.filters.sections')}
      group="sections"
      testId="filter-sections"
      items={SECTIONS}
      chosen={sections}
      onToggle={toggle}
      keepOne={t('app.filters.keepOneSection')}
      notApplied={notApplied}
      label={(section) => sectionLabel(t, section)}
      swatch={(section) => (
        <span className="swatch" style={{ background: SECTION_STYLE[section].color }} aria-hidden="true" />
      )}
    >
      {sections.length < SECTIONS.length && (
        <button className="link-button" onClick={selectAll}>
          {t('app.filters.selectAll')}
        </button>
      )}
    </KeepOneGroup>
  );
}

export function FilterPanel() {
  const { t } = useT();
  const caseKey = useApp((s) => s.caseInfo?.path ?? '');
  // A filter set from outside the panel (a chip, a click on the chart) drops what was being typed.
  const epoch = useApp((s) => s.filterEpoch);
  const tz = useApp((s) => s.tz);
  const setTimeZone = useApp((s) => s.setTimeZone);
  return (
    <aside className="filters" aria-label={t('app.filters.title')} data-testid="filters">
      <h2 className="filters-title">{t('app.filters.title')}</h2>
      <DateRangeFilter key={`${caseKey}|${epoch}`} />
      <PlatformFilter />
      <SectionFilter />
      <fieldset className="filter-group" id={FILTER_GROUP_ID.tz}>
        <legend>{t('app.filters.timeZone')}</legend>
        <TimeZoneSelect value={tz} onChange={(zone) => void setTimeZone(zone)} />
        <p className="filter-hint">{t('app.filters.timeZoneHint')}</p>
      </fieldset>
    </aside>
  );
}
