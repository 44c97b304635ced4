/**
 * The chart's two toggles: Daily/Weekly and Counts/Rate (segmented buttons, aria-pressed). The
 * choice is kept in chartViewStore, so the chart, its table and Print to PDF follow it.
 */
import type { ChartGranularity, ChartMeasure } from '../../src-main/shared/chart-buckets';
import { useT } from '../i18n/I18nProvider';
import { useChartView } from './chart-view';

export function ChartViewToggles({ granularity, measure }: { granularity: ChartGranularity; measure: ChartMeasure }) {
  const { t } = useT();
  const setGranularity = useChartView((s) => s.setGranularity);
  const setMeasure = useChartView((s) => s.setMeasure);
  const granularities = [
    ['day', t('chart.view.daily')],
    ['week', t('chart.view.weekly')],
  ] as const;
  const measures = [
    ['count', t('chart.view.counts')],
    ['rate', t('chart.view.rate')],
  ] as const;
  return (
    <div className="chart-toggles">
      <div className="segmented chart-segmented" role="group" aria-label={t('chart.view.granularity')}>
        {granularities.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className="segment"
            aria-pressed={granularity === value}
            onClick={() => setGranularity(value)}
            data-testid={`chart-view-${value}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="segmented chart-segmented" role="group" aria-label={t('chart.view.measure')}>
        {measures.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className="segment"
            aria-pressed={measure === value}
            onClick={() => setMeasure(value)}
            data-testid={`chart-view-${value}`}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}
