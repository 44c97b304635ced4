/**
 * The chart's table in another language: the weekly rate view of a real case's report, rendered
 * (react-dom/server) inside the app's language provider, reads in German with German numbers and
 * percentages, and in Japanese with Japanese labels. English stays as the tests elsewhere read it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import type { Language } from '../../../src-main/shared/i18n';
import { chartView } from '../../../src-renderer/components/chart-datasets';
import { ChartTable } from '../../../src-renderer/components/ChartTable';
import { I18nProvider } from '../../../src-renderer/i18n/I18nProvider';
import { importRows, removeTempCases, tempCase } from '../../helpers/case-builder';

afterEach(removeTempCases);

/** Ten days from Wednesday 2025-06-04, each with a summary: 1,000 initiated, 123 incomplete. */
function weeklyRateTable(language: Language): string {
  const db = tempCase();
  const summaries = Array.from({ length: 10 }, (_v, i) => ({
    day: `2025-06-${String(4 + i).padStart(2, '0')}`,
    initiated: 1000,
    incomplete: 123,
  }));
  importRows(db, { summaries });
  const report = computeReport(db, { from: '2025-06-04', to: '2025-06-13' });
  const view = chartView(report, null, 'week', 'rate');
  return renderToStaticMarkup(
    createElement(
      I18nProvider,
      { language },
      createElement(ChartTable, {
        view,
        previousLabel: '',
        partialLabels: new Map(),
        gapCount: 0,
        interactive: false,
      }),
    ),
  );
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
