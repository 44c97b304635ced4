/**
 * The daily chart for paper: the app's series (chartSeries) and section styles, drawn once at a
 * fixed size for the page, without animation, at three device pixels per CSS pixel so it stays
 * sharp when printed, always in the light theme. `onDrawn` runs after Chart.js has rendered it
 * (its afterRender hook): the print route's "ready" waits for that, never for time.
 */
import type { ChartData, ChartOptions, Plugin } from 'chart.js';
import { useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import { markerPlugin, type ChartMarker } from '../components/annotations/marker-plugin';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import type { Report } from '../../src-main/shared/report-types';
import {
  chartSeries,
  faded as fadedColor,
  partialDaysOf,
  previousDataset,
  previousPartialFlags,
  PREVIOUS_DASH,
  type ChartPrevious,
} from '../components/SectionChart';
import { partialDaysPlugin, partialPointColors, partialSegment } from '../components/partial-days-plugin';
import { PartialDayLegend } from '../components/PartialDayLegend';
import { SectionSwatch } from '../components/SectionSwatch';
import { formatCount, formatDayRuns, formatShortDay } from '../format';
import { CHART_THEME } from '../theme';

/** The document's font, also on the canvas (print.css sets the same stack). */
export const PRINT_FONT = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'Noto Sans', sans-serif";
const PRINT_PIXEL_RATIO = 3;

export function PrintChart({
  report,
  width,
  height,
  onDrawn,
  markers,
  previous,
}: {
  report: Report;
  width: number;
  height: number;
  onDrawn: () => void;
  /** Dated notes, drawn as dashed vertical lines with their labels. */
  markers?: readonly ChartMarker[];
  /** The other period of a comparison, drawn faded and dashed beside the same day's index. */
  previous?: ChartPrevious | null;
}) {
  const { days, series } = useMemo(() => chartSeries(report), [report]);
  const before = useMemo(() => (previous ? chartSeries(previous.report) : null), [previous]);
  const partialDays = useMemo(() => partialDaysOf(report), [report]);
  const theme = CHART_THEME.light;

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
            pointBackgroundColor: partialPointColors(days, new Set(partialDays), style.color, theme.openPoint),
            segment: partialSegment(days, new Set(partialDays), fadedColor(style.color, 0.45)),
            borderDash: [...style.dash],
            borderWidth: 2,
            pointStyle: style.point,
            pointRadius: days.length > 45 ? 1.5 : 3,
            tension: 0,
            spanGaps: false,
          };
        }),
        ...(before?.series ?? []).map(({ section, values }) =>
          previousDataset(
            section,
            values,
            days,
            previousPartialFlags(previous?.report, before?.days ?? []),
            theme.openPoint,
          ),
        ),
      ],
    }),
    [days, series, partialDays, theme, before, previous],
  );

  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: PRINT_PIXEL_RATIO,
      events: [],
      font: { family: PRINT_FONT, size: 11 },
      plugins: {
        legend: { display: false },
        tooltip: { enabled: false },
        partialDays: partialDays.length ? { days: partialDays, color: theme.hatch } : false,
        annotationMarkers: markers?.length
          ? {
              markers,
              color: theme.marker,
              textColor: theme.text,
              background: theme.markerBg,
              font: `600 10px ${PRINT_FONT}`,
            }
          : false,
      },
      scales: {
        x: {
          grid: { display: false },
          border: { color: theme.axis },
          ticks: {
            color: theme.text,
            font: { family: PRINT_FONT, size: 10 },
            maxRotation: 0,
            autoSkipPadding: 10,
            callback: (_value, index) => formatShortDay(days[index] ?? ''),
          },
        },
        y: {
          beginAtZero: true,
          grid: { color: theme.grid },
          border: { display: false },
          ticks: { color: theme.text, precision: 0, font: { family: PRINT_FONT, size: 10 } },
          title: {
            display: true,
            text: 'Incomplete enrollments',
            color: theme.text,
            font: { family: PRINT_FONT, size: 10 },
          },
        },
      },
    }),
    [theme, days, markers, partialDays],
  );

  const plugins = useMemo<Plugin<'line'>[]>(
    () => [partialDaysPlugin, markerPlugin, { id: 'enrollscope-print-ready', afterRender: () => onDrawn() }],
    [onDrawn],
  );

  const gaps = report.dataQuality.daysWithoutData;
  const totals = series
    .map(({ section, values }) => `${section} ${formatCount(values.reduce<number>((sum, v) => sum + (v ?? 0), 0))}`)
    .join(', ');
  const first = days[0] ?? '';
  const last = days[days.length - 1] ?? '';

  return (
    <figure className="print-chart" data-testid="print-chart">
      <ul className="print-legend" aria-label="Legend">
        {series.map(({ section }) => (
          <li key={section}>
            <SectionSwatch section={section} className="print-swatch" />
            {section}
          </li>
        ))}
        {previous && (
          <li data-testid="print-legend-previous">
            <svg className="print-swatch" viewBox="0 0 28 12" aria-hidden="true">
              <line
                x1="1"
                y1="6"
                x2="27"
                y2="6"
                stroke="#4f5866"
                strokeWidth="1.5"
                strokeDasharray={PREVIOUS_DASH.join(' ')}
              />
            </svg>
            Dashed: previous period, {previous.label}
          </li>
        )}
        {partialDays.length > 0 && (
          <li>
            <PartialDayLegend className="print-legend-partial" swatchClassName="print-swatch" />
          </li>
        )}
      </ul>
      <div className="print-chart-canvas" style={{ width, height }}>
        <Line
          data={data}
          options={options}
          plugins={plugins}
          width={width}
          height={height}
          role="img"
          aria-label={`Line chart of daily incomplete enrollments per section from ${first} to ${last}. Totals: ${totals}. ${
            partialDays.length ? ` Partial days, drawn hatched with open markers: ${partialDays.join(', ')}.` : ''
          } The daily counts are in the table "Daily counts".`}
        />
      </div>
      {(report.rollup.fromSummary > 0 || gaps.length > 0) && (
        <figcaption className="print-note">
          {report.rollup.fromSummary > 0 && (
            <span className="print-caption-line">
              Not drawn: {formatCount(report.rollup.fromSummary)} incomplete from Intune&apos;s summary, whose sections
              are unknown.
            </span>
          )}
          {gaps.length > 0 && (
            <span className="print-caption-line">
              Gaps in the lines: {gaps.length} {gaps.length === 1 ? 'day' : 'days'} without any data (
              {formatDayRuns(gaps)}).
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
