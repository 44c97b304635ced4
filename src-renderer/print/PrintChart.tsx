/**
 * The chart for paper: the app's view of the report (by day, or by ISO week for long ranges, as
 * chartView builds it) and section styles, then the incomplete rate as a second, smaller chart,
 * both drawn once at a fixed size for the page, without animation, at three device pixels per CSS
 * pixel so they stay sharp when printed, always in the light theme. By week, a table gives each
 * week's counts and rate (the canvas holds no text a reader can copy). `onDrawn` runs after
 * Chart.js has rendered both (their afterRender hooks): the print route's "ready" waits for that,
 * never for time.
 */
import type { ChartData, ChartOptions, Plugin } from 'chart.js';
import { useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import { markerPlugin, type ChartMarker } from '../components/annotations/marker-plugin';
import { autoGranularity, type ChartGranularity, type ChartMeasure } from '../../src-main/shared/chart-buckets';
import type { Report } from '../../src-main/shared/report-types';
import type { PrintJob } from '../../src-main/shared/print-types';
import type { Section } from '../../src-main/shared/taxonomy';
import { chartTitleId, pointRadiusFor, type ChartPrevious } from '../components/SectionChart';
import {
  axisTitleId,
  bucketMarkers,
  chartView,
  overlayPluginOptions,
  viewDatasets,
  viewScales,
  type ChartView,
} from '../components/chart-datasets';
import { BucketHeader, PreviousSwatch, RateWithCoverage, SectionColumns } from '../components/ChartTable';
import { partialDaysPlugin } from '../components/partial-days-plugin';
import { PartialDayLegend } from '../components/PartialDayLegend';
import { SectionSwatch } from '../components/SectionSwatch';
import { sectionLabel } from '../../src-main/shared/i18n/vocabulary';
import { useT } from '../i18n/I18nProvider';
import { CHART_THEME } from '../theme';

/** The document's font, also on the canvas (print.css sets the same stack). */
export const PRINT_FONT = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'Noto Sans', sans-serif";
const PRINT_PIXEL_RATIO = 3;
/** The rate chart's height, as a share of the counts chart's. */
const RATE_HEIGHT = 0.5;

/** The chart's granularity on paper: the app's toggle when printed from the app, else by the range's length. */
export const printGranularity = (job: PrintJob): ChartGranularity =>
  job.chart?.granularity ?? autoGranularity(job.report.daily.length);

/** The printed chart's heading (the counts chart's title for the job's granularity). */
export function PrintChartTitle({ job }: { job: PrintJob }) {
  const { t } = useT();
  return <>{t(chartTitleId(printGranularity(job), 'count'))}</>;
}

function printOptions(
  shortDay: (day: string) => string,
  view: ChartView,
  markers: readonly ChartMarker[],
  axisTitle: string,
  rate: (n: number) => string,
) {
  const theme = CHART_THEME.light;
  const shownMarkers = bucketMarkers(view, markers);
  const options: ChartOptions<'line'> = {
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    devicePixelRatio: PRINT_PIXEL_RATIO,
    events: [],
    font: { family: PRINT_FONT, size: 11 },
    plugins: {
      legend: { display: false },
      tooltip: { enabled: false },
      ...overlayPluginOptions(view, shownMarkers, theme, `600 10px ${PRINT_FONT}`),
    },
    scales: viewScales(view, theme, {
      axisTitle,
      rate,
      shortDay,
      autoSkipPadding: 10,
      font: { family: PRINT_FONT, size: 10 },
    }),
  };
  return options;
}

function printData(
  view: ChartView,
  rateLabel: string,
  sectionName: (section: Section) => string,
): ChartData<'line', (number | null)[], string> {
  const theme = CHART_THEME.light;
  return {
    labels: [...view.labels],
    datasets: viewDatasets(view, {
      openPoint: theme.openPoint,
      rateColor: theme.text,
      pointRadius: view.labels.length > 45 ? 1.5 : pointRadiusFor(view.labels.length) > 0 ? 3 : 1.5,
      borderWidth: 2,
      rateLabel,
      sectionName,
    }) as ChartData<'line', (number | null)[], string>['datasets'],
  };
}

/** Each week's counts and rate, for the reader (the canvas holds no copyable text). */
function PrintWeekTable({ counts, rates }: { counts: ChartView; rates: ChartView }) {
  const { t, f } = useT();
  const { sections } = counts.series;
  return (
    <table className="print-table compact print-weekly" data-testid="print-weekly-table">
      <caption className="print-note">{t('chart.table.weekCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.table.week')}</th>
          <SectionColumns sections={sections} />
          <th scope="col" className="num">
            {t('chart.table.initiated')}
          </th>
          <th scope="col" className="num">
            {t('chart.table.rate')}
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.series.buckets.map((bucket, index) => {
          const rate = rates.series.buckets[index];
          return (
            <tr key={bucket.from}>
              <th scope="row">
                <BucketHeader bucket={bucket} granularity="week" />
              </th>
              {sections.map((section, s) => (
                <td key={section} className="num">
                  {bucket.counts[s] === null || bucket.counts[s] === undefined ? '—' : f.count(bucket.counts[s] ?? 0)}
                </td>
              ))}
              <td className="num">{rate?.initiated === null || !rate ? '—' : f.count(rate.initiated)}</td>
              <td className="num">
                <RateWithCoverage bucket={rate} plain />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function PrintChart({
  report,
  width,
  height,
  onDrawn,
  markers,
  previous,
  granularity = autoGranularity(report.daily.length),
}: {
  report: Report;
  width: number;
  height: number;
  onDrawn: () => void;
  /** Dated notes, drawn as dashed vertical lines with their labels. */
  markers?: readonly ChartMarker[];
  /** The other period of a comparison, drawn faded and dashed beside the same bucket's index. */
  previous?: ChartPrevious | null;
  /** By day or by week; default: by week for ranges over 31 days. */
  granularity?: ChartGranularity;
}) {
  const { t, f } = useT();
  const view = (measure: ChartMeasure) => chartView(report, previous?.report, granularity, measure);
  const counts = useMemo(() => view('count'), [report, previous, granularity]); // eslint-disable-line react-hooks/exhaustive-deps
  const rates = useMemo(() => view('rate'), [report, previous, granularity]); // eslint-disable-line react-hooks/exhaustive-deps
  const rateLabel = t('chart.axis.rate');
  const noRate = rates.series.buckets.every((b) => b.initiated === null);
  const countData = useMemo(
    () => printData(counts, rateLabel, (section) => sectionLabel(t, section)),
    [counts, rateLabel, t],
  );
  const rateData = useMemo(
    () => printData(rates, rateLabel, (section) => sectionLabel(t, section)),
    [rates, rateLabel, t],
  );
  const countOptions = useMemo(
    () => printOptions(f.shortDay, counts, markers ?? [], t(axisTitleId(counts)), f.rate),
    [counts, markers, t, f],
  );
  const rateOptions = useMemo(
    () => printOptions(f.shortDay, rates, markers ?? [], rateLabel, f.rate),
    [rates, markers, rateLabel, f],
  );

  // Ready when every chart drawn has rendered once (the rate chart is left out when there is no rate).
  const charts = noRate ? 1 : 2;
  const plugins = useMemo(() => {
    const drawn = new Set<string>();
    const ready = (id: string): Plugin<'line'> => ({
      id: `enrollscope-print-ready-${id}`,
      afterRender: () => {
        drawn.add(id);
        if (drawn.size >= charts) onDrawn();
      },
    });
    return {
      count: [partialDaysPlugin, markerPlugin, ready('count')],
      rate: [partialDaysPlugin, markerPlugin, ready('rate')],
    };
  }, [onDrawn, charts]);

  const gaps = report.dataQuality.daysWithoutData;
  const totals = counts.series.sections
    .map(
      (section, s) =>
        `${sectionLabel(t, section)} ${f.count(counts.series.buckets.reduce<number>((sum, b) => sum + (b.counts[s] ?? 0), 0))}`,
    )
    .join(', ');
  const first = report.range.from;
  const last = report.range.to;
  const partialDays = report.coverage.partialDays;
  const noRateDays = rates.series.buckets.filter((b) => b.rate === null).map((b) => b.from);
  const rateHeight = Math.round(height * RATE_HEIGHT);

  return (
    <>
      <figure className="print-chart" data-testid="print-chart" data-granularity={granularity}>
        <ul className="print-legend" aria-label={t('chart.aria.legend')}>
          {counts.series.sections.map((section) => (
            <li key={section}>
              <SectionSwatch section={section} className="print-swatch" />
              {sectionLabel(t, section)}
            </li>
          ))}
          {previous && (
            <li data-testid="print-legend-previous">
              <PreviousSwatch className="print-swatch" stroke="#4f5866" />
              {t('chart.print.previous', { label: previous.label })}
            </li>
          )}
          {(partialDays.length > 0 || counts.marked.length > 0) && (
            <li>
              <PartialDayLegend className="print-legend-partial" swatchClassName="print-swatch" />
            </li>
          )}
        </ul>
        <div className="print-chart-canvas" style={{ width, height }}>
          <Line
            data={countData}
            options={countOptions}
            plugins={plugins.count}
            width={width}
            height={height}
            role="img"
            aria-label={[
              t('chart.aria.chart', { view: `${granularity}Count`, from: first, to: last }),
              t('chart.aria.totals', { list: totals }),
              partialDays.length ? t('chart.aria.partial', { list: partialDays.join(', ') }) : '',
              t('chart.aria.printTable', { table: t('pdf.daily.title') }),
            ]
              .filter(Boolean)
              .join(' ')}
          />
        </div>
        {(report.rollup.fromSummary > 0 || gaps.length > 0 || granularity === 'week') && (
          <figcaption className="print-note">
            {granularity === 'week' && <span className="print-caption-line">{t('chart.week.auto')}</span>}
            {report.rollup.fromSummary > 0 && (
              <span className="print-caption-line">
                {t('chart.print.notDrawn', { count: f.count(report.rollup.fromSummary) })}
              </span>
            )}
            {gaps.length > 0 && (
              <span className="print-caption-line">
                {t('chart.print.gaps', { count: gaps.length, days: f.dayRuns(gaps) })}
              </span>
            )}
          </figcaption>
        )}
      </figure>
      <figure className="print-chart print-rate-chart" data-testid="print-rate-chart">
        {/* A title, not a heading: the outline's third level lists the section tables. Bold by
            style, not <strong>: Chromium tags <strong> as a Strong element poppler rejects. */}
        <p className="print-rate-title">{t(chartTitleId(granularity, 'rate'))}</p>
        {noRate ? (
          <p className="print-note">{t('chart.rate.none')}</p>
        ) : (
          <div className="print-chart-canvas" style={{ width, height: rateHeight }}>
            <Line
              data={rateData}
              options={rateOptions}
              plugins={plugins.rate}
              width={width}
              height={rateHeight}
              role="img"
              aria-label={`${t(chartTitleId(granularity, 'rate'))}, ${first} – ${last}: ${f.rate(report.rollup.incompleteRate)} over the range.`}
            />
          </div>
        )}
        <figcaption className="print-note">
          <span className="print-caption-line">{t('chart.rate.basis')}</span>
          {!noRate && noRateDays.length > 0 && granularity === 'day' && (
            <span className="print-caption-line" data-testid="print-no-rate-days">
              {t('chart.rate.noRate')}: {f.dayRuns(noRateDays)}
            </span>
          )}
        </figcaption>
      </figure>
      {granularity === 'week' && <PrintWeekTable counts={counts} rates={rates} />}
    </>
  );
}
