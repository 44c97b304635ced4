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
import { formatCount, formatLongDay, formatRange, formatShare, formatShortDay } from '../../format';
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
  return (
    <section className="card failures-table" aria-label={title} data-testid={testId}>
      <div className="card-head">
        <h3>{title}</h3>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No failures.</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{what}</th>
              <th scope="col" className="num">
                Failures
              </th>
              <th scope="col" className="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid="failure-count-row">
                <td className="wrap-any">{row.key}</td>
                <td className="num strong" data-cell="count">
                  {formatCount(row.count)}
                </td>
                <td className="num">{formatShare(row.count, total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FailuresChart({ failures }: { failures: FailuresReport }) {
  const scheme = useColorScheme();
  const theme = CHART_THEME[scheme];
  const days = failures.daily.map((d) => d.date);
  const data = useMemo<ChartData<'bar', number[], string>>(
    () => ({
      labels: days,
      datasets: [
        {
          label: 'Enrollment failures',
          data: failures.daily.map((d) => d.count),
          backgroundColor: FAILURE_COLOR[scheme],
          borderRadius: 2,
        },
      ],
    }),
    [failures, days, scheme],
  );
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          backgroundColor: theme.tooltipBg,
          titleColor: theme.tooltipText,
          bodyColor: theme.tooltipText,
          callbacks: { title: (items) => (items[0] ? formatLongDay(items[0].label) : '') },
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
            callback: (_v, i) => formatShortDay(days[i] ?? ''),
          },
        },
        y: {
          beginAtZero: true,
          grid: { color: theme.grid },
          border: { display: false },
          ticks: { color: theme.text, precision: 0 },
          title: { display: true, text: 'Enrollment failures', color: theme.text },
        },
      },
    }),
    [theme, days],
  );
  return (
    <div className="chart-box failures-chart-box">
      <Bar
        data={data}
        options={options}
        role="img"
        aria-label={`Bar chart of enrollment failures per day, ${formatCount(failures.total)} in all. The same data is in the table that follows.`}
      />
    </div>
  );
}

export function FailuresView() {
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
        Intune&apos;s <strong>Enrollment failures</strong> exports (DeviceEnrollmentFailures, EnrollmentActivity) and
        Graph troubleshooting events: devices that failed to enroll, by reason. They are <strong>not</strong> part of
        the abandonment report: its numbers never include them, and these never include abandonments.
        {range && (
          <>
            {' '}
            Shown for <strong data-testid="failures-range">{formatRange(range.from, range.to)}</strong> ({range.tz})
            {rangeKind === 'last' ? ' (a preset ends at the latest day with a failure)' : ''}; the OS and section
            filters do not apply.
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
            <h2>No enrollment failures in this range</h2>
            <p className="muted">
              Import a DeviceEnrollmentFailures or EnrollmentActivity export (CSV, or the ZIP Intune delivers) or a
              Graph enrollmentTroubleshootingEvent download ({'{"value": [...]}'}) to see them here, or choose another
              range.
            </p>
          </section>
        ) : (
          <>
            <section className="rollup failures-rollup" aria-label="Failures in all">
              <div className="stat failure-stat">
                <span className="stat-label">Enrollment failures</span>
                <span className="stat-value" data-testid="failures-total">
                  {formatCount(failures.total)}
                </span>
                <span className="stat-note">in the range, all reasons</span>
              </div>
              <div className="stat failure-stat">
                <span className="stat-label">Most common reason</span>
                <span className="stat-value small" data-testid="failures-top-reason">
                  {failures.byReason[0]?.reason || '—'}
                </span>
                <span className="stat-note">
                  {failures.byReason[0]
                    ? `${formatCount(failures.byReason[0].count)} (${formatShare(failures.byReason[0].count, failures.total)})`
                    : ''}
                </span>
              </div>
              <div className="stat failure-stat">
                <span className="stat-label">Reported as user abandonment</span>
                <span className="stat-value" data-testid="failures-abandonment">
                  {formatCount(
                    failures.byCategory.find((c) => c.category.toLowerCase() === 'userabandonment')?.count ?? 0,
                  )}
                </span>
                <span className="stat-note">Graph failureCategory userAbandonment</span>
              </div>
            </section>
            <section className="card" aria-labelledby="failures-daily-title" data-testid="failures-daily">
              <div className="card-head">
                <h2 id="failures-daily-title">Enrollment failures per day</h2>
              </div>
              <FailuresChart failures={failures} />
              <table className="visually-hidden" data-testid="failures-daily-table">
                <caption>Enrollment failures per day</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Failures</th>
                  </tr>
                </thead>
                <tbody>
                  {failures.daily.map((d) => (
                    <tr key={d.date} data-day={d.date}>
                      <th scope="row">{formatLongDay(d.date)}</th>
                      <td>{formatCount(d.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <div className="failures-grid">
              <CountTable
                title="By failure reason"
                what="Reason"
                rows={failures.byReason.map((r) => ({ key: r.reason, count: r.count }))}
                total={failures.total}
                testId="failures-by-reason"
              />
              <CountTable
                title="By operating system"
                what="OS"
                rows={failures.byOs.map((r) => ({ key: r.os, count: r.count }))}
                total={failures.total}
                testId="failures-by-os"
              />
              <CountTable
                title="By enrollment method"
                what="Method"
                rows={failures.byMethod.map((r) => ({ key: r.method, count: r.count }))}
                total={failures.total}
                testId="failures-by-method"
              />
              <CountTable
                title="By failure category"
                what="Category"
                rows={failures.byCategory.map((r) => ({ key: r.category, count: r.count }))}
                total={failures.total}
                testId="failures-by-category"
              />
            </div>
          </>
        )
      ) : (
        status === 'loading' && <p className="muted loading">Counting the failures…</p>
      )}
    </div>
  );
}
