/**
 * Incomplete enrollments, one line per selected section (chart.js via react-chartjs-2), by day or,
 * for long ranges, by ISO week (Daily/Weekly), or the incomplete rate (Counts/Rate). Days without
 * any data are gaps in the lines, as are days whose rate is unknown. The legend is HTML (keyboard
 * toggles), and the same data is a table for screen readers (and on request for everyone).
 *
 * Optional (the app): the other period of a comparison as a faded dashed line per section, aligned
 * day by day; dated notes as vertical markers; a click on a point (or a cell of the shown table)
 * opens the attempts of that day and section.
 */
import {
  CategoryScale,
  Chart as ChartJS,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { useMemo, useRef, useState } from 'react';
import { markerPlugin, type ChartMarker } from './annotations/marker-plugin';
import { partialDaysPlugin } from './partial-days-plugin';
import { PartialDayLegend } from './PartialDayLegend';
import { partialDayLabels } from '../coverage';
import { Line } from 'react-chartjs-2';
import type { Report } from '../../src-main/shared/report-types';
import type { Section } from '../../src-main/shared/taxonomy';
import { SectionSwatch } from './SectionSwatch';
import { isFilterClick } from './filter-click';
import { CHART_THEME, useColorScheme } from '../theme';
import { sectionLabel } from '../../src-main/shared/i18n/vocabulary';
import { useT } from '../i18n/I18nProvider';
import {
  axisTitleId,
  bucketMarkers,
  chartView,
  overlayPluginOptions,
  viewScales,
  PREVIOUS_SUFFIX,
  viewDatasets,
} from './chart-datasets';
import { ChartTable, PreviousSwatch } from './ChartTable';
import { ChartViewToggles } from './ChartViewToggles';
import { shownGranularity, useChartView } from './chart-view';
import type { ChartGranularity, ChartMeasure } from '../../src-main/shared/chart-buckets';
import './chart-view.css';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip);

/**
 * The point markers' radius for a chart of this many days: full size for two weeks, smaller up to
 * a month, none beyond (90 days of four lines of markers hide the lines). The dash patterns stay,
 * so the lines remain apart without colour; a hovered point still shows its marker.
 */
export function pointRadiusFor(dayCount: number): number {
  if (dayCount <= 14) return 3.5;
  if (dayCount <= 31) return 2.5;
  return 0;
}

/** The partial days of the report's daily series (`partial: true`), in order. */
export const partialDaysOf = (report: Report): string[] =>
  report.daily.filter((point) => point.partial === true).map((point) => point.date);

/** The other period of a comparison: its report, and how to name it. */
export interface ChartPrevious {
  readonly report: Report;
  readonly label: string;
}

/** The chart's title for a view. */
export const chartTitleId = (granularity: ChartGranularity, measure: ChartMeasure) =>
  (
    ({
      'day-count': 'chart.title.dayCount',
      'week-count': 'chart.title.weekCount',
      'day-rate': 'chart.title.dayRate',
      'week-rate': 'chart.title.weekRate',
    }) as const
  )[`${granularity}-${measure}`];

export function SectionChart({
  report,
  previous,
  markers,
  onDrillDay,
  onFilterDay,
}: {
  report: Report;
  previous?: ChartPrevious | null;
  markers?: readonly ChartMarker[];
  onDrillDay?: (section: Section, date: string, count: number) => void;
  /** A point clicked with Shift (or Ctrl, ⌘): filter the report to that day. */
  onFilterDay?: (date: string) => void;
}) {
  const { t, f } = useT();
  const scheme = useColorScheme();
  const theme = CHART_THEME[scheme];
  const granularity = shownGranularity(
    useChartView((s) => s.granularity),
    report.daily.length,
  );
  const measure = useChartView((s) => s.measure);
  const [hidden, setHidden] = useState<ReadonlySet<Section>>(new Set());
  const [showTable, setShowTable] = useState(false);
  const chartRef = useRef<ChartJS<'line'>>(null);
  const partialDays = useMemo(() => partialDaysOf(report), [report]);
  const partialLabels = useMemo(() => partialDayLabels(report), [report]);
  const view = useMemo(
    () => chartView(report, previous?.report, granularity, measure),
    [report, previous, granularity, measure],
  );
  const labels = view.labels;
  const sections = view.series.sections;
  const byDay = granularity === 'day';
  const drills = byDay && measure === 'count' && onDrillDay !== undefined;
  const filters = byDay && onFilterDay !== undefined;
  const rateLabel = t('chart.axis.rate');

  const data = useMemo<ChartData<'line', (number | null)[], string>>(
    () => ({
      labels: [...labels],
      datasets: viewDatasets(view, {
        openPoint: theme.openPoint,
        rateColor: theme.text,
        pointRadius: pointRadiusFor(labels.length),
        borderWidth: 2.5,
        hidden,
        rateLabel,
        sectionName: (section) => sectionLabel(t, section),
      }) as ChartData<'line', (number | null)[], string>['datasets'],
    }),
    [view, labels, hidden, theme, rateLabel, t],
  );

  const shownMarkers = useMemo(() => bucketMarkers(view, markers), [view, markers]);
  const options = useMemo<ChartOptions<'line'>>(() => {
    const current = view.measure === 'rate' ? 1 : sections.length;
    const bucketTitle = (index: number): string => {
      const bucket = view.series.buckets[index];
      if (!bucket) return '';
      if (view.granularity === 'week') {
        const parts = [t('chart.week.title', { range: f.compactRange(bucket.from, bucket.to) })];
        if (bucket.cut) parts.push(t('chart.week.days', { days: bucket.days }));
        if (bucket.partialDays.length) parts.push(t('chart.week.partial', { count: bucket.partialDays.length }));
        if (bucket.daysWithoutData.length) parts.push(t('chart.week.noData', { count: bucket.daysWithoutData.length }));
        return parts.join(' · ');
      }
      const partial = partialLabels.get(bucket.from);
      return partial
        ? t('chart.tooltip.partialDay', { day: f.longDay(bucket.from), extent: partial })
        : f.longDay(bucket.from);
    };
    const shown = (raw: unknown): string => {
      if (raw === null || raw === undefined)
        return view.measure === 'rate' ? t('chart.rate.noRate') : t('chart.tooltip.noData');
      return view.measure === 'rate' ? f.rate(Number(raw)) : f.count(Number(raw));
    };
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      onClick: (event, _elements, chart) => {
        const drill = onDrillDay;
        const filter = onFilterDay;
        const native = event.native as MouseEvent | null;
        const filtering = filters && filter !== undefined && native !== null && isFilterClick(native);
        if (!drills && !filtering) return;
        // The nearest point of a current-period line under the pointer.
        const hit = chart
          .getElementsAtEventForMode(event as unknown as Event, 'nearest', { intersect: true }, false)
          .find((element) => element.datasetIndex < current);
        if (!hit) return;
        const section = sections[hit.datasetIndex];
        const value = view.series.buckets[hit.index]?.counts[hit.datasetIndex];
        const day = labels[hit.index];
        if (filtering && day) filter(day);
        else if (drills && section && day && value !== null && value !== undefined) drill?.(section, day, value);
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target && drills)
          target.style.cursor = elements.some((e) => e.datasetIndex < current) ? 'pointer' : 'default';
      },
      plugins: {
        legend: { display: false },
        ...overlayPluginOptions(view, shownMarkers, theme),
        tooltip: {
          backgroundColor: theme.tooltipBg,
          titleColor: theme.tooltipText,
          bodyColor: theme.tooltipText,
          usePointStyle: true,
          callbacks: {
            title: (items) => bucketTitle(items[0]?.dataIndex ?? -1),
            label: (item) => {
              const label = item.dataset.label ?? '';
              if (!label.endsWith(PREVIOUS_SUFFIX) || !view.previous) return ` ${label}: ${shown(item.raw)}`;
              const bucket = view.previous.buckets[item.dataIndex];
              const when = bucket
                ? view.granularity === 'week'
                  ? f.compactRange(bucket.from, bucket.to)
                  : f.shortDay(bucket.from)
                : '';
              const values = { label: label.slice(0, -PREVIOUS_SUFFIX.length), when, value: shown(item.raw) };
              return ` ${t(view.previousMarked[item.dataIndex] ? 'chart.tooltip.previousPartial' : 'chart.tooltip.previous', values)}`;
            },
          },
        },
      },
      scales: viewScales(view, theme, {
        axisTitle: t(axisTitleId(view)),
        rate: f.rate,
        shortDay: f.shortDay,
        autoSkipPadding: 12,
      }),
    };
  }, [theme, view, labels, sections, shownMarkers, partialLabels, drills, filters, onDrillDay, onFilterDay, t, f]);

  const toggle = (section: Section): void => {
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(section)) next.delete(section);
      else next.add(section);
      return next;
    });
  };

  const gapCount = report.dataQuality.daysWithoutData.length;
  const rateView = measure === 'rate';
  const noRate = rateView && view.series.buckets.every((b) => b.initiated === null);
  // The text alternative says what the chart draws: the lines hidden with the legend are named apart.
  const summary = rateView
    ? `${rateLabel} ${f.rate(report.rollup.incompleteRate)}`
    : sections
        .map((section, s) => ({
          section,
          total: view.series.buckets.reduce<number>((a, b) => a + (b.counts[s] ?? 0), 0),
        }))
        .filter(({ section }) => !hidden.has(section))
        .map(({ section, total }) => `${sectionLabel(t, section)} ${f.count(total)}`)
        .join(', ');
  const hiddenNote =
    hidden.size && !rateView
      ? t('chart.aria.hidden', {
          list: sections
            .filter((section) => hidden.has(section))
            .map((section) => sectionLabel(t, section))
            .join(', '),
        })
      : '';
  const title = t(chartTitleId(granularity, measure));

  return (
    <section
      className="card chart-card"
      aria-labelledby="chart-title"
      data-testid="chart"
      data-granularity={granularity}
      data-measure={measure}
    >
      <div className="card-head">
        <h2 id="chart-title">{title}</h2>
        <div className="chart-head-actions">
          <ChartViewToggles granularity={granularity} measure={measure} />
          <button
            className="link-button"
            aria-expanded={showTable}
            onClick={() => setShowTable((v) => !v)}
            data-testid="chart-table-toggle"
          >
            {showTable ? t('chart.table.hide') : t('chart.table.show')}
          </button>
        </div>
      </div>
      <div className="chart-legend" role="group" aria-label={t('chart.legend.group')}>
        {rateView ? (
          <span className="legend-rate" data-testid="legend-rate">
            <svg className="legend-swatch" viewBox="0 0 28 12" aria-hidden="true">
              <line x1="1" y1="6" x2="27" y2="6" stroke="currentColor" strokeWidth="2.5" />
            </svg>
            {rateLabel}
          </span>
        ) : (
          sections.map((section) => (
            <button
              key={section}
              className="legend-item"
              aria-pressed={!hidden.has(section)}
              onClick={() => toggle(section)}
              data-testid="legend-item"
              title={t(hidden.has(section) ? 'chart.legend.show' : 'chart.legend.hide', {
                section: sectionLabel(t, section),
              })}
            >
              <SectionSwatch section={section} className="legend-swatch" />
              <span>{sectionLabel(t, section)}</span>
            </button>
          ))
        )}
        {previous && (
          <span className="legend-previous" data-testid="legend-previous">
            <PreviousSwatch className="legend-swatch" stroke="currentColor" />
            {t('chart.legend.previous', { label: previous.label })}
          </span>
        )}
        {(partialDays.length > 0 || view.marked.length > 0) && (
          <PartialDayLegend className="legend-partial" swatchClassName="legend-swatch" />
        )}
        {report.rollup.fromSummary > 0 && !rateView && (
          <span className="legend-note" data-testid="chart-from-summary">
            {t('chart.legend.fromSummary', { count: f.count(report.rollup.fromSummary) })}
          </span>
        )}
        {gapCount > 0 && <span className="legend-note">{t('chart.legend.gaps', { count: gapCount })}</span>}
      </div>
      {rateView && (
        <p className="chart-hint muted" data-testid="chart-rate-basis">
          {noRate ? t('chart.rate.none') : t('chart.rate.basis')}
        </p>
      )}
      {!byDay && (
        <p className="chart-hint muted" data-testid="chart-week-note">
          {t('chart.week.auto')}
        </p>
      )}
      {drills && (
        <p className="chart-hint muted" data-testid="chart-hint">
          {t(onFilterDay ? 'chart.hint.drillFilter' : 'chart.hint.drill')}
        </p>
      )}
      <div className="chart-box" data-point-radius={String(pointRadiusFor(labels.length))}>
        <Line
          ref={chartRef}
          data={data}
          options={options}
          plugins={[partialDaysPlugin, markerPlugin]}
          role="img"
          aria-label={[
            t('chart.aria.chart', {
              view: `${byDay ? 'day' : 'week'}${rateView ? 'Rate' : 'Count'}`,
              from: labels[0] ?? '',
              to: view.series.buckets.at(-1)?.to ?? '',
            }),
            t(rateView ? 'chart.aria.values' : 'chart.aria.totals', { list: summary || t('chart.aria.noLine') }),
            hiddenNote,
            partialDays.length ? t('chart.aria.partial', { list: partialDays.join(', ') }) : '',
            t('chart.aria.tableFollows'),
          ]
            .filter(Boolean)
            .join(' ')}
          data-testid="chart-canvas"
        />
      </div>
      <div className={showTable ? 'chart-table-wrap' : 'visually-hidden'}>
        <ChartTable
          view={view}
          previousLabel={previous?.label ?? ''}
          partialLabels={partialLabels}
          gapCount={gapCount}
          interactive={showTable}
          onDrillDay={onDrillDay}
          onFilterDay={onFilterDay}
        />
      </div>
    </section>
  );
}
