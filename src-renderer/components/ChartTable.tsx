/**
 * The chart's data as a table, for screen readers (and on request for everyone), following the
 * chart's view: the daily counts (each count opens its attempts), the weekly counts, or the daily
 * or weekly incomplete rate with its basis. "—" where there is no number, with the reason in the
 * caption and on the cell.
 */
import { memo } from 'react';
import type { ChartBucket } from '../../src-main/shared/chart-buckets';
import type { Section } from '../../src-main/shared/taxonomy';
import { sectionLabel } from '../../src-main/shared/i18n/vocabulary';
import { useT } from '../i18n/I18nProvider';
import { PREVIOUS_DASH, type ChartView } from './chart-datasets';
import { FILTER_CLICK_HINT, isFilterClick } from './filter-click';

export interface ChartTableProps {
  readonly view: ChartView;
  /** The other period's name (column headers); '' without one. */
  readonly previousLabel: string;
  /** Partial days of the report, with how much of the day the data covers. */
  readonly partialLabels: ReadonlyMap<string, string>;
  readonly gapCount: number;
  /** Counts are buttons (the table is shown and the view is by day). */
  readonly interactive: boolean;
  readonly onDrillDay?: ((section: Section, date: string, count: number) => void) | undefined;
  readonly onFilterDay?: ((date: string) => void) | undefined;
}

function DailyCountTable({
  view,
  previousLabel,
  partialLabels,
  gapCount,
  interactive,
  onDrillDay,
  onFilterDay,
}: ChartTableProps) {
  const { t, f } = useT();
  const { sections, buckets } = view.series;
  const before = view.previous;
  return (
    <table className="data-table compact" data-testid="chart-table" data-view="day-count">
      <caption>
        {t('chart.table.dayCaption', {
          gaps: gapCount > 0 ? 'yes' : 'no',
          partial: partialLabels.size > 0 ? 'yes' : 'no',
        })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.table.day')}</th>
          <SectionColumns sections={sections} previous={before?.sections} previousLabel={previousLabel} />
        </tr>
      </thead>
      <tbody>
        {buckets.map((bucket, index) => {
          const day = bucket.from;
          const partial = partialLabels.get(day);
          const previousPartial = view.previousMarked[index] === true;
          return (
            <tr
              key={day}
              data-day={day}
              data-partial={partial !== undefined ? 'true' : undefined}
              className={partial !== undefined ? 'partial-day' : undefined}
            >
              <th scope="row">
                {f.longDay(day)}
                {partial !== undefined && (
                  <span className="tag partial-tag" data-testid="partial-tag" title={partial}>
                    {t('chart.table.partialTag', { extent: partial })}
                  </span>
                )}
              </th>
              {sections.map((section, s) => {
                const value = bucket.counts[s] ?? null;
                return (
                  <td key={section} className="num" data-section={section}>
                    {value === null ? (
                      '—'
                    ) : onDrillDay && interactive && value > 0 ? (
                      <button
                        className="count-button"
                        onClick={(event) => {
                          if (onFilterDay && isFilterClick(event)) onFilterDay(day);
                          else onDrillDay(section, day, value);
                        }}
                        title={`${t('chart.table.drillTitle', { day: f.longDay(day), section })}${
                          onFilterDay ? ` (${FILTER_CLICK_HINT})` : ''
                        }`}
                      >
                        {f.count(value)}
                      </button>
                    ) : (
                      f.count(value)
                    )}
                  </td>
                );
              })}
              {before?.sections.map((section, s) => {
                const value = before.buckets[index]?.counts[s];
                return (
                  <td
                    key={`previous-${section}`}
                    className={`num previous${previousPartial ? ' partial-cell' : ''}`}
                    data-previous-section={section}
                    data-partial={previousPartial ? 'true' : undefined}
                    title={previousPartial ? t('chart.table.previousPartial') : undefined}
                  >
                    {value === null || value === undefined ? '—' : f.count(value)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A column header per section, then one per section of the other period (when compared). */
export function SectionColumns({
  sections,
  previous,
  previousLabel = '',
}: {
  sections: readonly Section[];
  previous?: readonly Section[] | undefined;
  previousLabel?: string;
}) {
  const { t } = useT();
  return (
    <>
      {sections.map((section) => (
        <th scope="col" key={section} className="num">
          {sectionLabel(t, section)}
        </th>
      ))}
      {previous?.map((section) => (
        <th scope="col" key={`previous-${section}`} className="num previous">
          {sectionLabel(t, section)}, {previousLabel}
        </th>
      ))}
    </>
  );
}

/** The legend's swatch of the other period: a thin dashed line. */
export function PreviousSwatch({ className, stroke }: { className: string; stroke: string }) {
  return (
    <svg className={className} viewBox="0 0 28 12" aria-hidden="true">
      <line x1="1" y1="6" x2="27" y2="6" stroke={stroke} strokeWidth="1.5" strokeDasharray={PREVIOUS_DASH.join(' ')} />
    </svg>
  );
}

/** The row header of a bucket: its day, or its week with what the week holds. */
export function BucketHeader({ bucket, granularity }: { bucket: ChartBucket; granularity: ChartView['granularity'] }) {
  const { t, f } = useT();
  if (granularity === 'day') return <>{f.longDay(bucket.from)}</>;
  return (
    <>
      {f.compactRange(bucket.from, bucket.to)}
      {bucket.cut && (
        <span className="tag" data-testid="week-cut">
          {t('chart.week.days', { days: bucket.days })}
        </span>
      )}
      {bucket.partialDays.length > 0 && (
        <span className="tag partial-tag" data-testid="partial-tag" title={f.dayRuns(bucket.partialDays)}>
          {t('chart.week.partial', { count: bucket.partialDays.length })}
        </span>
      )}
      {bucket.daysWithoutData.length > 0 && (
        <span className="tag partial-tag" title={f.dayRuns(bucket.daysWithoutData)}>
          {t('chart.week.noData', { count: bucket.daysWithoutData.length })}
        </span>
      )}
    </>
  );
}

/** A bucket's rate ("—" without one), and over how many of its days when some are unknown. */
export function RateWithCoverage({ bucket, plain = false }: { bucket: ChartBucket | undefined; plain?: boolean }) {
  const { t, f } = useT();
  const rate = bucket?.rate ?? null;
  if (!bucket || rate === null || bucket.unknownDays.length === 0) return <>{f.rate(rate)}</>;
  const coverage = t('chart.rate.knownDays', {
    known: f.count(bucket.days - bucket.unknownDays.length),
    days: f.count(bucket.days),
  });
  return (
    <>
      {f.rate(rate)}
      {plain ? ` (${coverage})` : <span className="tag partial-tag">{coverage}</span>}
    </>
  );
}

/** Weekly counts, or the daily or weekly rate with its basis. */
function BucketTable({ view, previousLabel }: ChartTableProps) {
  const { t, f } = useT();
  const { sections, buckets } = view.series;
  const before = view.previous;
  const rate = view.measure === 'rate';
  const marked = new Set(view.marked);
  return (
    <table className="data-table compact" data-testid="chart-table" data-view={`${view.granularity}-${view.measure}`}>
      <caption>
        {rate ? t('chart.table.rateCaption', { granularity: view.granularity }) : t('chart.table.weekCaption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{view.granularity === 'week' ? t('chart.table.week') : t('chart.table.day')}</th>
          {rate ? (
            <>
              <th scope="col" className="num">
                {t('chart.table.incomplete')}
              </th>
              <th scope="col" className="num">
                {t('chart.table.initiated')}
              </th>
              <th scope="col" className="num">
                {t('chart.table.rate')}
              </th>
              {before && (
                <th scope="col" className="num previous">
                  {t('chart.rate.previous', { label: previousLabel })}
                </th>
              )}
            </>
          ) : (
            <>
              <SectionColumns sections={sections} previous={before?.sections} previousLabel={previousLabel} />
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {buckets.map((bucket, index) => {
          const isMarked = marked.has(bucket.from);
          const previous = before?.buckets[index];
          return (
            <tr
              key={bucket.from}
              data-day={bucket.from}
              data-to={bucket.to}
              data-days={bucket.days}
              data-partial={isMarked ? 'true' : undefined}
              className={isMarked ? 'partial-day' : undefined}
            >
              <th scope="row">
                <BucketHeader bucket={bucket} granularity={view.granularity} />
              </th>
              {rate ? (
                <>
                  <td
                    className="num"
                    data-cell="incomplete"
                    title={bucket.initiated === null ? t('chart.rate.noRate') : undefined}
                  >
                    {f.count(bucket.initiated === null ? bucket.incomplete : bucket.rateIncomplete)}
                  </td>
                  <td className="num" data-cell="initiated">
                    {bucket.initiated === null ? '—' : f.count(bucket.initiated)}
                  </td>
                  <td
                    className="num"
                    data-cell="rate"
                    data-rate={bucket.rate ?? ''}
                    title={bucket.rate === null ? t('chart.rate.noRate') : undefined}
                  >
                    <RateWithCoverage bucket={bucket} />
                  </td>
                  {before && (
                    <td className="num previous" data-cell="previous-rate">
                      {f.rate(previous?.rate ?? null)}
                    </td>
                  )}
                </>
              ) : (
                <>
                  {sections.map((section, s) => (
                    <td key={section} className="num" data-section={section}>
                      {bucket.counts[s] === null || bucket.counts[s] === undefined
                        ? '—'
                        : f.count(bucket.counts[s] ?? 0)}
                    </td>
                  ))}
                  {before?.sections.map((section, s) => {
                    const value = previous?.counts[s];
                    return (
                      <td key={`previous-${section}`} className="num previous" data-previous-section={section}>
                        {value === null || value === undefined ? '—' : f.count(value)}
                      </td>
                    );
                  })}
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The table of the chart's current view (memoized: it re-renders only when its view or props change). */
export const ChartTable = memo(function ChartTable(props: ChartTableProps) {
  return props.view.granularity === 'day' && props.view.measure === 'count' ? (
    <DailyCountTable {...props} />
  ) : (
    <BucketTable {...props} />
  );
});
