/**
 * The chart's table in another language: the weekly rate view of a report (as the engine gives it
 * for ten days of summaries), rendered (react-dom/server) inside the app's language provider,
 * reads in German with German numbers and percentages, and in Japanese with Japanese labels.
 * English stays as the tests elsewhere read it. (The report is the store tests' empty one with the
 * ten days' numbers; test/unit/report/daily-rate.test.ts checks the engine's.)
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../src-main/shared/i18n';
import type { Report } from '../../../src-main/shared/report-types';
import { chartView } from '../../../src-renderer/components/chart-datasets';
import { ChartTable } from '../../../src-renderer/components/ChartTable';
import { I18nProvider } from '../../../src-renderer/i18n/I18nProvider';
import { reportOf } from './store-fakes';
/** Ten days from Wednesday 2025-06-04, each with a summary: 1,000 initiated, 123 incomplete. */
const DAYS = Array.from({ length: 10 }, (_v, i) => `2025-06-${String(4 + i).padStart(2, '0')}`);
const EMPTY = reportOf(
  {
    range: { kind: 'custom', from: DAYS[0]!, to: DAYS[9]! },
    tz: 'UTC',
    platforms: ['iOS/iPadOS', 'Android'],
    sections: ['Setup Checklist'],
  },
  DAYS[0]!,
  DAYS[9]!,
);
const REPORT: Report = {
  ...EMPTY,
  rollup: {
    initiated: 10_000,
    incomplete: 1230,
    incompleteRate: 0.123,
    inProgress: 0,
    unclassified: 1230,
    fromSummary: 1230,
  },
  daily: DAYS.map((date) => ({ date, 'Setup Checklist': 0 })),
  dailyRate: DAYS.map((date) => ({ date, incomplete: 123, initiated: 1000, rate: 0.123 })),
  dataQuality: { ...EMPTY.dataQuality, rangeDays: 10, knownInitiatedDays: 10 },
};

function weeklyRateTable(language: Language): string {
  const view = chartView(REPORT, null, 'week', 'rate');
  const table = createElement(ChartTable, {
    view,
    previousLabel: '',
    partialLabels: new Map(),
    gapCount: 0,
    interactive: false,
  });
  return renderToStaticMarkup(createElement(I18nProvider, { language, children: table }));
}

const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the chart table in another language', () => {
  it('German: labels, thousands and percentages as German writes them', () => {
    const shown = text(weeklyRateTable('de'));
    expect(shown).toContain('Abbruchquote pro Woche');
    expect(shown).toContain(' Woche Unvollständig Begonnen Abbruchquote ');
    // Wed–Sun: 5 days (5,000 initiated, 615 incomplete); then Mon–Fri: 5 days.
    expect(shown).toContain('5 Tage von 7 im Zeitraum');
    expect(shown).toMatch(/ 615 5\.000 12,3\s%/u);
  });

  it('Japanese: labels in Japanese, the same numbers', () => {
    const shown = text(weeklyRateTable('ja'));
    expect(shown).toContain('不完全率 (週別)');
    expect(shown).toContain('7 日中 5 日が期間内');
    expect(shown).toMatch(/ 615 5,000 12\.3%/u);
  });

  it('English, as the app shows it today', () => {
    const shown = text(weeklyRateTable('en'));
    expect(shown).toContain('Weekly incomplete rate (— : initiated unknown or zero)');
    expect(shown).toContain('5 days of 7 in the range');
    expect(shown).toMatch(/ 615 5,000 12\.3%/u);
  });
});
