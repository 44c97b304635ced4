/**
 * The report's body in the app: the views' toolbar, then either the abandonment report (roll-up,
 * chart, notes, funnel, guidance, section tables, data quality), with drill-down from its numbers
 * and the comparison when on, or the enrollment failures view. The attempts dialog is shared.
 */
import { memo, useMemo } from 'react';
import { topGuidance } from '../../src-main/shared/guidance';
import type { Comparison } from '../../src-main/shared/compare-types';
import type { Report, SectionRow } from '../../src-main/shared/report-types';
import { PLATFORMS, type Platform, type Section, type UserAction } from '../../src-main/shared/taxonomy';
import type { Translator } from '../../src-main/shared/i18n/translator';
import { useT } from '../i18n/I18nProvider';
import { platformLabel, sectionLabel, userActionLabel } from '../../src-main/shared/i18n/vocabulary';
import { useApp } from '../store';
import { shownComparison } from '../store/compare-slice';
import type { DrillFilter } from '../store/drilldown-slice';
import { ActiveFilters } from './ActiveFilters';
import { CoverageNotes } from './CoverageNotes';
import { AnnotationsCard } from './annotations/AnnotationsCard';
import type { ChartMarker } from './annotations/marker-plugin';
import { DataQualityPanel } from './DataQualityPanel';
import { DrillDownDialog } from './drilldown/DrillDownDialog';
import { FailuresView } from './failures/FailuresView';
import { FindingsCard } from './findings/FindingsCard';
import { FunnelCard } from './funnel/FunnelCard';
import { GUIDED_ROWS, GuidanceCard, GuidanceText } from './guidance/GuidanceCard';
import { ReportToolbar, VIEW_PANEL_ID, viewTabId } from './ReportToolbar';
import { RollupHeader, rollupCompare } from './RollupHeader';
import { SectionChart, type ChartPrevious } from './SectionChart';
import { rowKey, SectionTables, type TableDeltas } from './SectionTables';

function tableDeltas(comparison: Comparison, label: string): TableDeltas {
  return {
    label,
    sections: new Map(
      comparison.delta.sections.map((section) => [
        section.section,
        {
          incomplete: section.incomplete,
          previous: section.previous,
          rows: new Map(section.rows.map((row) => [rowKey(row), { delta: row.count, previous: row.previous }])),
        },
      ]),
    ),
  };
}

/** A row's filter: its section, and its platform (both for a row of iOS/Android). */
function rowFilter(section: Section, row: SectionRow, { t }: Translator): DrillFilter {
  const platforms: readonly Platform[] = row.platform === 'iOS/Android' ? PLATFORMS : [row.platform];
  const names = platforms.map((platform) => platformLabel(t, platform));
  return {
    narrowing: { sections: [section], platforms },
    label: t('app.drill.showOnlyRow', {
      section: sectionLabel(t, section),
      platforms: names.length === 2 ? t('app.list.two', { a: names[0], b: names[1] }) : names.join(''),
    }),
  };
}

/** A day's filter: a one-day range. */
const dayFilter = (date: string, { t, f }: Translator): DrillFilter => ({
  narrowing: { range: { from: date, to: date } },
  label: t('app.drill.showOnlyDay', { day: f.longDay(date) }),
});

function AbandonmentReport({ report }: { report: Report }) {
  const tr = useT();
  const { t, f } = tr;
  const comparison = useApp(shownComparison);
  const annotations = useApp((s) => s.annotations);
  const openDrill = useApp((s) => s.openDrill);
  const narrowTo = useApp((s) => s.narrowTo);

  const label = comparison ? f.range(comparison.previous.range.from, comparison.previous.range.to) : '';
  const previous = useMemo<ChartPrevious | null>(
    () => (comparison ? { report: comparison.previous, label } : null),
    [comparison, label],
  );
  const deltas = useMemo(() => (comparison ? tableDeltas(comparison, label) : null), [comparison, label]);
  const markers = useMemo<ChartMarker[]>(() => annotations.map((a) => ({ day: a.date, label: a.text })), [annotations]);
  const guided = useMemo(() => topGuidance(report, GUIDED_ROWS), [report]);
  const guidedKeys = useMemo(() => new Map(guided.map((g) => [`${g.section}|${rowKey(g.row)}`, g.guidance])), [guided]);

  const drillRow = (section: Section, row: SectionRow): void =>
    openDrill(
      {
        kind: 'row',
        section,
        actionName: row.actionName,
        screen: row.screen,
        userAction: row.userAction as UserAction,
      },
      `${sectionLabel(t, section)} · ${row.actionName} · ${userActionLabel(t, row.userAction)}`,
      row.count,
      rowFilter(section, row, tr),
    );
  const drillDay = (section: Section, date: string, count: number): void =>
    openDrill(
      { kind: 'day', section, date },
      t('app.drill.sectionOnDay', { section: sectionLabel(t, section), day: f.longDay(date) }),
      count,
      dayFilter(date, tr),
    );
  const filterRow = (section: Section, row: SectionRow): void => narrowTo(rowFilter(section, row, tr).narrowing);
  const filterDay = (date: string): void => narrowTo(dayFilter(date, tr).narrowing);
  const drillTile = (what: 'initiated' | 'incomplete' | 'unclassified'): void => {
    if (what === 'unclassified') {
      openDrill(
        { kind: 'section', section: 'Unclassified' },
        t('app.drill.unclassified'),
        report.rollup.unclassified - report.rollup.fromSummary,
      );
    } else {
      openDrill(
        { kind: what },
        what === 'initiated' ? t('app.rollup.initiated') : t('app.rollup.incomplete'),
        report.rollup[what],
      );
    }
  };

  return (
    <>
      <FindingsCard />
      <RollupHeader
        report={report}
        compare={comparison ? rollupCompare(comparison, label) : null}
        onDrill={drillTile}
      />
      <CoverageNotes report={report} comparison={comparison} variant="app" />
      <SectionChart
        report={report}
        previous={previous}
        markers={markers}
        onDrillDay={drillDay}
        onFilterDay={filterDay}
      />
      <AnnotationsCard />
      <FunnelCard />
      <GuidanceCard rows={guided.slice(0, 3)} incomplete={report.rollup.incomplete} />
      <SectionTables
        report={report}
        onDrillRow={drillRow}
        onFilterRow={filterRow}
        deltas={deltas}
        guidance={(section, row) => {
          const guidance = guidedKeys.get(`${section}|${rowKey(row)}`);
          return guidance ? <GuidanceText guidance={guidance} /> : null;
        }}
      />
      <DataQualityPanel report={report} />
    </>
  );
}

/**
 * Memoised: the view around it re-renders when a filter is clicked (the report turns 'loading'),
 * and the body of the report shown until the next one arrives need not render again then.
 */
export const ReportBody = memo(function ReportBody({ report }: { report: Report }) {
  const view = useApp((s) => s.view);
  return (
    <>
      {/* The failures view has its own range (it says which): the report's chips would mislead there. */}
      {view === 'report' && <ActiveFilters report={report} />}
      <ReportToolbar />
      <div id={VIEW_PANEL_ID} role="tabpanel" aria-labelledby={viewTabId(view)} className="view-panel">
        {view === 'report' ? <AbandonmentReport report={report} /> : <FailuresView />}
      </div>
      <DrillDownDialog />
    </>
  );
});
