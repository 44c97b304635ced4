/**
 * The successor data (spec 8): Intune's Enrollment failures exports and Graph troubleshooting
 * events, in their own view: failures per day, per reason, per OS, per enrollment method and per
 * category. Never mixed with the abandonment numbers (a separate tab, its own words and colour).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  LinearScale,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import type { FailuresReport } from '../../../src-main/shared/failures-types';

interface Count {
  readonly key: string;
  readonly count: number;
}
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../src-main/shared/i18n/messages';
import { useT } from '../../i18n/I18nProvider';
import { useApp } from '../../store';
import { CHART_THEME, useColorScheme } from '../../theme';
import '../../styles/report-views.css';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const FAILURE_COLOR = { light: '#8a5a00', dark: '#e0a84a' } as const;

function CountTable({
  title,
  rows,
  total,
  testId,
  what,
}: {
  title: string;
  rows: readonly Count[];
  total: number;
  testId: string;
  what: string;
}) {
  const { t, f } = useT();
  return (
    <section className="card failures-table" aria-label={title} data-testid={testId}>
      <div className="card-head">
        <h3>{title}</h3>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('app.failures.none')}</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{what}</th>
              <th scope="col" className="num">
                {t('app.failures.failures')}
              </th>
              <th scope="col" className="num">
                {t('app.tables.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid="failure-count-row">
                <td className="wrap-any">{row.key}</td>
                <td className="num strong" data-cell="count">
                  {f.count(row.count)}
                </td>
                <td className="num">{f.share(row.count, total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FailuresChart({ failures }: { failures: FailuresReport }) {
  const { t, f } = useT();
  const scheme = useColorScheme();
  const theme = CHART_THEME[scheme];
  const days = failures.daily.map((d) => d.date);
  const data = useMemo<ChartData<'bar', number[], string>>(
    () => ({
      labels: days,
      datasets: [
        {
          label: t('app.failures.title'),
          data: failures.daily.map((d) => d.count),
          backgroundColor: FAILURE_COLOR[scheme],
          borderRadius: 2,
        },
      ],
    }),
    [failures, days, scheme, t],
  );
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      locale: f.locale,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          backgroundColor: theme.tooltipBg,
          titleColor: theme.tooltipText,
          bodyColor: theme.tooltipText,
          callbacks: { title: (items) => (items[0] ? f.longDay(items[0].label) : '') },
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
            callback: (_v, i) => f.shortDay(days[i] ?? ''),
          },
        },
        y: {
          beginAtZero: true,
          grid: { color: theme.grid },
          border: { display: false },
          ticks: { color: theme.text, precision: 0 },
          title: { display: true, text: t('app.failures.title'), color: theme.text },
        },
      },
    }),
    [theme, days, t, f],
  );
  return (
    <div className="chart-box failures-chart-box">
      <Bar
        data={data}
        options={options}
        role="img"
        aria-label={t('app.failures.chartLabel', { count: failures.total })}
      />
    </div>
  );
}

export function FailuresView() {
  const { t, f } = useT();
  const failures = useApp((s) => s.failures);
  const status = useApp((s) => s.failuresStatus);
  const error = useApp((s) => s.failuresError);
  const rangeKind = useApp((s) => s.range.kind);
  const range = failures?.range ?? null;
  return (
    <div
      className="failures-view"
      data-testid="failures-view"
      data-failures-status={status}
      data-failures-total={failures ? String(failures.total) : ''}
    >
      <p className="failures-intro">
        <FormattedMessage
          id={'app.failures.intro' satisfies MessageId}
          values={{ b: (chunks) => <strong>{chunks}</strong> }}
        />
        {range && (
          <>
            {' '}
            <FormattedMessage
              id={rangeKind === 'last' ? 'app.failures.shownForPreset' : ('app.failures.shownFor' satisfies MessageId)}
              values={{
                range: <strong data-testid="failures-range">{f.range(range.from, range.to)}</strong>,
                tz: range.tz,
              }}
            />
          </>
        )}
      </p>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {failures ? (
        failures.total === 0 ? (
          <section className="card" data-testid="failures-empty">
            <h2>{t('app.failures.emptyTitle')}</h2>
            <p className="muted">{t('app.failures.emptyHint', { envelope: '{"value": [...]}' })}</p>
          </section>
        ) : (
          <>
            <section className="rollup failures-rollup" aria-label={t('app.failures.inAll')}>
              <div className="stat failure-stat">
                <span className="stat-label">{t('app.failures.title')}</span>
                <span className="stat-value" data-testid="failures-total">
                  {f.count(failures.total)}
                </span>
                <span className="stat-note">{t('app.failures.inRange')}</span>
              </div>
              <div className="stat failure-stat">
                <span className="stat-label">{t('app.failures.topReason')}</span>
                <span className="stat-value small" data-testid="failures-top-reason">
                  {failures.byReason[0]?.reason || '—'}
                </span>
                <span className="stat-note">
                  {failures.byReason[0]
                    ? `${f.count(failures.byReason[0].count)} (${f.share(failures.byReason[0].count, failures.total)})`
                    : ''}
                </span>
              </div>
              <div className="stat failure-stat">
                <span className="stat-label">{t('app.failures.abandonment')}</span>
                <span className="stat-value" data-testid="failures-abandonment">
                  {f.count(failures.byCategory.find((c) => c.category.toLowerCase() === 'userabandonment')?.count ?? 0)}
                </span>
                <span className="stat-note">Graph failureCategory userAbandonment</span>
              </div>
            </section>
            <section className="card" aria-labelledby="failures-daily-title" data-testid="failures-daily">
              <div className="card-head">
                <h2 id="failures-daily-title">{t('app.failures.perDay')}</h2>
              </div>
              <FailuresChart failures={failures} />
              <table className="visually-hidden" data-testid="failures-daily-table">
                <caption>{t('app.failures.perDay')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('app.mismatch.day')}</th>
                    <th scope="col">{t('app.failures.failures')}</th>
                  </tr>
                </thead>
                <tbody>
                  {failures.daily.map((d) => (
                    <tr key={d.date} data-day={d.date}>
                      <th scope="row">{f.longDay(d.date)}</th>
                      <td>{f.count(d.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <div className="failures-grid">
              <CountTable
                title={t('app.failures.byReason')}
                what={t('app.dq.reason')}
                rows={failures.byReason.map((r) => ({ key: r.reason, count: r.count }))}
                total={failures.total}
                testId="failures-by-reason"
              />
              <CountTable
                title={t('app.failures.byOs')}
                what={t('app.chips.os')}
                rows={failures.byOs.map((r) => ({ key: r.os, count: r.count }))}
                total={failures.total}
                testId="failures-by-os"
              />
              <CountTable
                title={t('app.failures.byMethod')}
                what={t('app.failures.method')}
                rows={failures.byMethod.map((r) => ({ key: r.method, count: r.count }))}
                total={failures.total}
                testId="failures-by-method"
              />
              <CountTable
                title={t('app.failures.byCategory')}
                what={t('app.failures.category')}
                rows={failures.byCategory.map((r) => ({ key: r.category, count: r.count }))}
                total={failures.total}
                testId="failures-by-category"
              />
            </div>
          </>
        )
      ) : (
        status === 'loading' && <p className="muted loading">{t('app.failures.counting')}</p>
      )}
    </div>
  );
}
