/**
 * The chart's data for a view (by day or week, counts or rate), shared by the app's chart and the
 * printed one: labels (each bucket's first day), the marked buckets (hatched like a partial day),
 * and the datasets, the other period's faded and dashed beside bucket i.
 */
import {
  bucketBounds,
  bucketIsMarked,
  chartBuckets,
  type ChartBuckets,
  type ChartGranularity,
  type ChartMeasure,
} from '../../src-main/shared/chart-buckets';
import type { Report } from '../../src-main/shared/report-types';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import type { Section } from '../../src-main/shared/taxonomy';
import type { ChartMarker } from './annotations/marker-plugin';
import { partialPointColors, partialSegment } from './partial-days-plugin';
import type { ChartOptions } from 'chart.js';
import type { MessageId } from '../../src-main/shared/i18n';

export interface ChartView {
  readonly granularity: ChartGranularity;
  readonly measure: ChartMeasure;
  readonly series: ChartBuckets;
  /** The other period, summed over the same bounds (bucket i beside bucket i); null: none. */
  readonly previous: ChartBuckets | null;
  /** Each bucket's first day: the category axis' labels. */
  readonly labels: readonly string[];
  /** Labels of the buckets drawn hatched with open markers. */
  readonly marked: readonly string[];
  /** The other period's marked buckets, by index. */
  readonly previousMarked: readonly boolean[];
}

export function chartView(
  report: Report,
  previous: Report | null | undefined,
  granularity: ChartGranularity,
  measure: ChartMeasure,
): ChartView {
  const bounds = bucketBounds(
    report.daily.map((point) => point.date),
    granularity,
  );
  const current = chartBuckets(report, granularity, bounds);
  const before = previous ? chartBuckets(previous, granularity, bounds) : null;
  return {
    granularity,
    measure,
    series: current,
    previous: before,
    labels: current.buckets.map((b) => b.from),
    marked: current.buckets.filter((b) => bucketIsMarked(b, measure)).map((b) => b.from),
    previousMarked: before ? before.buckets.map((b) => bucketIsMarked(b, measure)) : [],
  };
}

/** The colours the overlay plugins take (CHART_THEME's light or dark). */
interface OverlayTheme {
  readonly hatch: string;
  readonly marker: string;
  readonly text: string;
  readonly markerBg: string;
}

/**
 * The options of the two overlay plugins, alike in the app's chart and the printed one: the marked
 * buckets hatched (partial-days-plugin) and the dated notes as markers (marker-plugin); `false`
 * turns a plugin off when there is nothing to draw. `font` sets the markers' (the PDF's face).
 */
export function overlayPluginOptions(
  view: ChartView,
  shownMarkers: readonly ChartMarker[],
  theme: OverlayTheme,
  font?: string,
) {
  return {
    partialDays: view.marked.length ? { days: view.marked, color: theme.hatch } : (false as const),
    annotationMarkers: shownMarkers.length
      ? {
          markers: shownMarkers,
          color: theme.marker,
          textColor: theme.text,
          background: theme.markerBg,
          ...(font ? { font } : {}),
        }
      : (false as const),
  };
}

/** Dated notes moved to the bucket that holds their day (a week's first day). */
export function bucketMarkers(view: ChartView, markers: readonly ChartMarker[] | undefined): ChartMarker[] {
  if (!markers?.length) return [];
  return markers.flatMap((marker) => {
    const bucket = view.series.buckets.find((b) => b.from <= marker.day && marker.day <= b.to);
    return bucket ? [{ ...marker, day: bucket.from }] : [];
  });
}

/** A colour with an alpha (`#D55E00` -> `rgba(213,94,0,0.55)`). */
export function faded(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

export const PREVIOUS_DASH = [3, 4];
/** The other period's datasets carry this in their label, after the series' name. */
export const PREVIOUS_SUFFIX = ' (previous period)';

/** The rate line's colour: the theme's text colour (black on paper), apart from every section's. */
export interface DatasetLook {
  readonly openPoint: string;
  readonly rateColor: string;
  readonly pointRadius: number;
  readonly borderWidth: number;
  readonly hidden?: ReadonlySet<Section>;
  /** The rate line's name (translated). */
  readonly rateLabel: string;
  /** A section's name as the reader's language writes it (the series' label in tooltips). */
  readonly sectionName: (section: Section) => string;
}

export interface LineDataset {
  readonly label: string;
  readonly data: (number | null)[];
  readonly [option: string]: unknown;
}

/** The other period's line: thin, faded, dashed, without points but open markers on its marked buckets. */
function previousLine(
  label: string,
  color: string,
  values: readonly (number | null)[],
  marked: readonly boolean[],
  look: DatasetLook,
) {
  const line = faded(color, 0.6);
  return {
    label: `${label}${PREVIOUS_SUFFIX}`,
    data: [...values],
    borderColor: line,
    backgroundColor: line,
    borderDash: PREVIOUS_DASH,
    borderWidth: 1.5,
    pointRadius: values.map((_v, i) => (marked[i] ? 3 : 0)),
    pointBackgroundColor: look.openPoint,
    pointHoverRadius: 3,
    tension: 0,
    spanGaps: false,
  };
}

/** The datasets of a view: one line per section (counts) or the rate line, then the other period's. */
export function viewDatasets(view: ChartView, look: DatasetLook): LineDataset[] {
  const marked = new Set(view.marked);
  const open = (color: string): string[] => partialPointColors(view.labels, marked, color, look.openPoint);
  const segment = (color: string) => partialSegment(view.labels, marked, color);
  const common = {
    tension: 0,
    spanGaps: false,
    pointHoverRadius: 6,
    borderWidth: look.borderWidth,
    pointRadius: look.pointRadius,
  };
  if (view.measure === 'rate') {
    const color = look.rateColor;
    return [
      {
        ...common,
        label: look.rateLabel,
        data: view.series.buckets.map((b) => b.rate),
        borderColor: color,
        backgroundColor: color,
        pointBackgroundColor: open(color),
        segment: segment(color.startsWith('#') ? faded(color, 0.45) : color),
        pointStyle: 'circle',
      },
      ...(view.previous
        ? [
            previousLine(
              look.rateLabel,
              color.startsWith('#') ? color : '#4f5866',
              view.previous.buckets.map((b) => b.rate),
              view.previousMarked,
              look,
            ),
          ]
        : []),
    ];
  }
  const sections = view.series.sections;
  return [
    ...sections.map((section, s) => {
      const style = SECTION_STYLE[section];
      return {
        ...common,
        label: look.sectionName(section),
        data: view.series.buckets.map((b) => b.counts[s] ?? null),
        borderColor: style.color,
        backgroundColor: style.color,
        // Marked buckets: open markers (the hatched band behind them says why).
        pointBackgroundColor: open(style.color),
        segment: segment(faded(style.color, 0.45)),
        borderDash: [...style.dash],
        pointStyle: style.point,
        hidden: look.hidden?.has(section) ?? false,
      };
    }),
    ...(view.previous
      ? sections.map((section, s) => ({
          ...previousLine(
            section,
            SECTION_STYLE[section].color,
            view.previous?.buckets.map((b) => b.counts[s] ?? null) ?? [],
            view.previousMarked,
            look,
          ),
          hidden: look.hidden?.has(section) ?? false,
        }))
      : []),
  ];
}

/** The y axis' title of a view. */
export const axisTitleId = (view: ChartView): MessageId =>
  view.measure === 'rate'
    ? 'chart.axis.rate'
    : view.granularity === 'week'
      ? 'chart.axis.weekCount'
      : 'chart.axis.count';

/**
 * The axes of a view: each bucket's first day along x, counts (whole numbers) or rates (the
 * locale's percent) up y, from zero. `font` for paper.
 */
export function viewScales(
  view: ChartView,
  theme: { readonly text: string; readonly axis: string; readonly grid: string },
  options: {
    readonly axisTitle: string;
    readonly rate: (n: number) => string;
    /** A day as the tick labels write it (`Jun 2`). */
    readonly shortDay: (day: string) => string;
    readonly autoSkipPadding: number;
    readonly font?: { readonly family: string; readonly size: number };
  },
): ChartOptions<'line'>['scales'] {
  const font = options.font ? { font: { ...options.font } } : {};
  return {
    x: {
      grid: { display: false },
      border: { color: theme.axis },
      ticks: {
        color: theme.text,
        ...font,
        maxRotation: 0,
        autoSkipPadding: options.autoSkipPadding,
        callback: (_value, index) => options.shortDay(view.labels[index] ?? ''),
      },
    },
    y: {
      beginAtZero: true,
      grid: { color: theme.grid },
      border: { display: false },
      ticks:
        view.measure === 'rate'
          ? { color: theme.text, ...font, callback: (value) => options.rate(Number(value)) }
          : { color: theme.text, precision: 0, ...font },
      title: { display: true, text: options.axisTitle, color: theme.text, ...font },
    },
  };
}
