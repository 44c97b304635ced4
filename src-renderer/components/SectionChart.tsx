/**
 * Daily incomplete enrollments, one line per selected section (chart.js via react-chartjs-2).
 * Days without any data are gaps in the lines. The legend is HTML (keyboard toggles), and the same
 * data is a table for screen readers (and on request for everyone).
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
import { partialDaysPlugin, partialPointColors, partialSegment } from './partial-days-plugin';
import { PartialDayLegend } from './PartialDayLegend';
import { partialDayLabels } from '../coverage';
import { Line } from 'react-chartjs-2';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import type { Report } from '../../src-main/shared/report-types';
import type { Section } from '../../src-main/shared/taxonomy';
import { SectionSwatch } from './SectionSwatch';
import { formatCount, formatLongDay, formatShortDay } from '../format';
import { FILTER_CLICK_HINT, isFilterClick } from './filter-click';
import { CHART_THEME, useColorScheme } from '../theme';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip);

export interface SeriesData {
  readonly days: readonly string[];
  readonly series: readonly { readonly section: Section; readonly values: readonly (number | null)[] }[];
}

/** The chart's data from the report: per selected section, the daily counts (null on days without data). */
export function chartSeries(report: Report): SeriesData {
  const gaps = new Set(report.dataQuality.daysWithoutData);
  const days = report.daily.map((point) => point.date);
  const series = report.filters.sections.map((section) => ({
    section,
    values: report.daily.map((point) => (gaps.has(point.date) ? null : Number(point[section] ?? 0))),
  }));
  return { days, series };
}

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

export const PREVIOUS_DASH = [3, 4];
const PREVIOUS_SUFFIX = ' (previous period)';

/** The other period's line of a section, day i beside day i: thin, faded, dashed, without points. */
export function previousDataset(
  section: Section,
  values: readonly (number | null)[],
  days: readonly string[],
  partial: readonly boolean[],
  openPoint: string,
) {
  const color = faded(SECTION_STYLE[section].color, 0.6);
  return {
    label: `${section}${PREVIOUS_SUFFIX}`,
    data: days.map((_day, index) => values[index] ?? null),
    borderColor: color,
    backgroundColor: color,
    borderDash: PREVIOUS_DASH,
    borderWidth: 1.5,
    // No points, but an open marker on the other period's partial days.
    pointRadius: days.map((_day, index) => (partial[index] ? 3 : 0)),
    pointBackgroundColor: openPoint,
    pointHoverRadius: 3,
    tension: 0,
    spanGaps: false,
  };
}

/** The other period's partial days, by the index of the current day they are drawn beside. */
export function previousPartialFlags(previous: Report | null | undefined, days: readonly string[]): boolean[] {
  const partial = new Set(previous ? partialDaysOf(previous) : []);
  return days.map((day) => partial.has(day));
}

/** A colour with an alpha (`#D55E00` -> `rgba(213,94,0,0.55)`). */
export function faded(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

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
  const scheme = useColorScheme();
  const theme = CHART_THEME[scheme];
  const { days, series } = useMemo(() => chartSeries(report), [report]);
  const before = useMemo(() => (previous ? chartSeries(previous.report) : null), [previous]);
  // The other period's partial days, by the index of the current day they are drawn beside.
  const beforePartial = useMemo(() => previousPartialFlags(previous?.report, before?.days ?? []), [previous, before]);
  const [hidden, setHidden] = useState<ReadonlySet<Section>>(new Set());
  const [showTable, setShowTable] = useState(false);
  const chartRef = useRef<ChartJS<'line'>>(null);
  const partialDays = useMemo(() => partialDaysOf(report), [report]);
  const partialLabels = useMemo(() => partialDayLabels(report), [report]);

  const data = useMemo<ChartData<'line', (number | null)[], string>>(
    () => ({
      labels: [...days],
      datasets: [
        ...series.map(({ section, values }) => {
          const style = SECTION_STYLE[section];
          return {
            label: section,
            data: [...values],
            borderColor: style.color,
            backgroundColor: style.color,
            // Partial days: open markers (the hatched band behind them says why).
            pointBackgroundColor: partialPointColors(days, new Set(partialDays), style.color, theme.openPoint),
            segment: partialSegment(days, new Set(partialDays), faded(style.color, 0.45)),
            borderDash: [...style.dash],
            borderWidth: 2.5,
            pointStyle: style.point,
            pointRadius: pointRadiusFor(days.length),
            pointHoverRadius: 6,
            tension: 0,
            spanGaps: false,
            hidden: hidden.has(section),
          };
        }),
        // The other period, day i beside day i: thin, faded, dashed, without points.
        ...(before?.series ?? []).map(({ section, values }) => ({
          ...previousDataset(section, values, days, beforePartial, theme.openPoint),
          hidden: hidden.has(section),
        })),
      ],
    }),
    [days, series, before, hidden, partialDays, theme, beforePartial],
  );

  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      onClick: (event, _elements, chart) => {
        const native = event.native as MouseEvent | null;
        const filtering = onFilterDay !== undefined && native !== null && isFilterClick(native);
        if (!onDrillDay && !filtering) return;
        // The nearest point of a current-period line under the pointer.
        const hit = chart
          .getElementsAtEventForMode(event as unknown as Event, 'nearest', { intersect: true }, false)
          .find((element) => element.datasetIndex < series.length);
        if (!hit) return;
        const entry = series[hit.datasetIndex];
        const value = entry?.values[hit.index];
        const day = days[hit.index];
        if (filtering && day) onFilterDay(day);
        else if (entry && day && value !== null && value !== undefined) onDrillDay?.(entry.section, day, value);
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target && onDrillDay)
          target.style.cursor = elements.some((e) => e.datasetIndex < series.length) ? 'pointer' : 'default';
      },
      plugins: {
        legend: { display: false },
        partialDays: partialDays.length ? { days: partialDays, color: theme.hatch } : false,
        annotationMarkers: markers?.length
          ? {
              markers,
              color: theme.marker,
              textColor: theme.text,
              background: theme.markerBg,
            }
          : false,
        tooltip: {
          backgroundColor: theme.tooltipBg,
          titleColor: theme.tooltipText,
          bodyColor: theme.tooltipText,
          usePointStyle: true,
          callbacks: {
            title: (items) => {
              const day = items[0]?.label;
              if (!day) return '';
              const partial = partialLabels.get(day);
              return partial ? `${formatLongDay(day)} · partial day (${partial})` : formatLongDay(day);
            },
            label: (item) => {
              const label = item.dataset.label ?? '';
              const shown = item.raw === null ? 'no data' : formatCount(Number(item.raw));
              if (!label.endsWith(PREVIOUS_SUFFIX) || !before) return ` ${label}: ${shown}`;
              const day = before.days[item.dataIndex];
              const partial = beforePartial[item.dataIndex] ? ' (partial day)' : '';
              return ` ${label.slice(0, -PREVIOUS_SUFFIX.length)}, ${day ? formatShortDay(day) : 'previous'}${partial}: ${shown}`;
            },
          },
        },
      },
      scales: {
        x: {
          grid: { display: false },
          border: { color: theme.axis },
          ticks: {
            color: theme.text,
            maxRotation: 0,
            autoSkipPadding: 12,
            callback: (_v, index) => formatShortDay(days[index] ?? ''),
          },
        },
        y: {
          beginAtZero: true,
          grid: { color: theme.grid },
          border: { display: false },
          ticks: { color: theme.text, precision: 0 },
          title: { display: true, text: 'Incomplete enrollments', color: theme.text },
        },
      },
    }),
    [theme, days, series, before, markers, onDrillDay, onFilterDay, partialDays, partialLabels, beforePartial],
  );

  const toggle = (section: Section): void => {
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(section)) next.delete(section);
      else next.add(section);
      return next;
    });
  };

  const gapCount = report.dataQuality.daysWithoutData.length;
  // The text alternative says what the chart draws: the lines hidden with the legend are named apart.
  const summary = series
    .filter(({ section }) => !hidden.has(section))
    .map(({ section, values }) => `${section} ${formatCount(values.reduce<number>((a, v) => a + (v ?? 0), 0))}`)
    .join(', ');
  const hiddenNote = hidden.size
    ? ` Hidden in the chart (shown in the table): ${series
        .filter(({ section }) => hidden.has(section))
        .map(({ section }) => section)
        .join(', ')}.`
    : '';

  return (
    <section className="card chart-card" aria-labelledby="chart-title" data-testid="chart">
      <div className="card-head">
        <h2 id="chart-title">Daily incomplete enrollments</h2>
        <button
          className="link-button"
          aria-expanded={showTable}
          onClick={() => setShowTable((v) => !v)}
          data-testid="chart-table-toggle"
        >
          {showTable ? 'Hide the data table' : 'Show as a table'}
        </button>
      </div>
      <div className="chart-legend" role="group" aria-label="Show or hide sections in the chart">
        {series.map(({ section }) => (
          <button
            key={section}
            className="legend-item"
            aria-pressed={!hidden.has(section)}
            onClick={() => toggle(section)}
            data-testid="legend-item"
            title={hidden.has(section) ? `Show ${section}` : `Hide ${section}`}
          >
            <SectionSwatch section={section} className="legend-swatch" />
            <span>{section}</span>
          </button>
        ))}
        {previous && (
          <span className="legend-previous" data-testid="legend-previous">
            <svg className="legend-swatch" viewBox="0 0 28 12" aria-hidden="true">
              <line
                x1="1"
                y1="6"
                x2="27"
                y2="6"
                stroke="currentColor"
                strokeWidth="1.5"
                strokeDasharray={PREVIOUS_DASH.join(' ')}
              />
            </svg>
            faded: {previous.label}
          </span>
        )}
        {partialDays.length > 0 && <PartialDayLegend className="legend-partial" swatchClassName="legend-swatch" />}
        {report.rollup.fromSummary > 0 && (
          <span className="legend-note" data-testid="chart-from-summary">
            Not drawn: {formatCount(report.rollup.fromSummary)} incomplete from Intune&apos;s summary (sections unknown)
          </span>
        )}
        {gapCount > 0 && (
          <span className="legend-note">
            Gaps: {gapCount} {gapCount === 1 ? 'day' : 'days'} without data
          </span>
        )}
      </div>
      {onDrillDay && (
        <p className="chart-hint muted" data-testid="chart-hint">
          Click a point for its attempts{onFilterDay ? '; Shift+click to show only that day' : ''}.
        </p>
      )}
      <div className="chart-box" data-point-radius={String(data.datasets[0]?.pointRadius ?? '')}>
        <Line
          ref={chartRef}
          data={data}
          options={options}
          plugins={[partialDaysPlugin, markerPlugin]}
          role="img"
          aria-label={`Line chart of daily incomplete enrollments from ${days[0] ?? ''} to ${days[days.length - 1] ?? ''}. Totals: ${summary || 'no line shown'}.${hiddenNote}${
            partialDays.length ? ` Partial days, drawn hatched with open markers: ${partialDays.join(', ')}.` : ''
          } The same data is in the table that follows.`}
          data-testid="chart-canvas"
        />
      </div>
      <div className={showTable ? 'chart-table-wrap' : 'visually-hidden'}>
        <table className="data-table compact" data-testid="chart-table">
          <caption>
            Daily incomplete enrollments by section{gapCount > 0 ? ' (— : no data that day)' : ''}
            {partialDays.length > 0 ? ' (partial: the data covers only part of that day)' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map(({ section }) => (
                <th scope="col" key={section} className="num">
                  {section}
                </th>
              ))}
              {before?.series.map(({ section }) => (
                <th scope="col" key={`previous-${section}`} className="num previous">
                  {section}, {previous?.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, index) => (
              <tr
                key={day}
                data-day={day}
                data-partial={partialLabels.has(day) ? 'true' : undefined}
                className={partialLabels.has(day) ? 'partial-day' : undefined}
              >
                <th scope="row">
                  {formatLongDay(day)}
                  {partialLabels.has(day) && (
                    <span className="tag partial-tag" data-testid="partial-tag" title={partialLabels.get(day)}>
                      partial: {partialLabels.get(day)}
                    </span>
                  )}
                </th>
                {series.map(({ section, values }) => (
                  <td key={section} className="num" data-section={section}>
                    {values[index] === null ? (
                      '—'
                    ) : onDrillDay && showTable && (values[index] ?? 0) > 0 ? (
                      <button
                        className="count-button"
                        onClick={(event) => {
                          if (onFilterDay && isFilterClick(event)) onFilterDay(day);
                          else onDrillDay(section, day, values[index] ?? 0);
                        }}
                        title={`Show the attempts of ${formatLongDay(day)} in ${section}${
                          onFilterDay ? ` (${FILTER_CLICK_HINT})` : ''
                        }`}
                      >
                        {formatCount(values[index] ?? 0)}
                      </button>
                    ) : (
                      formatCount(values[index] ?? 0)
                    )}
                  </td>
                ))}
                {before?.series.map(({ section, values }) => (
                  <td
                    key={`previous-${section}`}
                    className={`num previous${beforePartial[index] ? ' partial-cell' : ''}`}
                    data-previous-section={section}
                    data-partial={beforePartial[index] ? 'true' : undefined}
                    title={beforePartial[index] ? 'A partial day of the other period' : undefined}
                  >
                    {values[index] === null || values[index] === undefined ? '—' : formatCount(values[index] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
