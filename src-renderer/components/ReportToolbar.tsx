/**
 * Above the roll-up: the two views (the abandonment report, the enrollment failures), the
 * comparison toggle and the exports of the report as filtered (a main-process save dialog each).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { isDate } from '../../src-main/shared/calendar-day';
import type { ExportKind } from '../../src-main/shared/export-types';
import { formatRange } from '../format';
import { useApp } from '../store';
import { shownComparison } from '../store/compare-slice';
import type { ReportViewName } from '../store/failures-slice';
import '../styles/report-views.css';
import { useMenu } from './use-menu';

const VIEWS: readonly { view: ReportViewName; label: string }[] = [
  { view: 'report', label: 'Abandonment report' },
  { view: 'failures', label: 'Enrollment failures' },
];

export const viewTabId = (view: ReportViewName): string => `view-tab-${view}`;
export const VIEW_PANEL_ID = 'view-panel';

function ViewTabs() {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // Arrow keys move between tabs (the ARIA tabs pattern); Tab leaves the tab list.
  const onKeyDown = (event: KeyboardEvent, index: number): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + VIEWS.length) % VIEWS.length;
    setView(VIEWS[next]!.view);
    refs.current[next]?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {VIEWS.map((entry, index) => (
        <button
          key={entry.view}
          ref={(el) => {
            refs.current[index] = el;
          }}
          id={viewTabId(entry.view)}
          role="tab"
          className="view-tab"
          aria-selected={view === entry.view}
          aria-controls={VIEW_PANEL_ID}
          tabIndex={view === entry.view ? 0 : -1}
          onClick={() => setView(entry.view)}
          onKeyDown={(e) => onKeyDown(e, index)}
          data-testid={`view-${entry.view}`}
        >
          {entry.label}
        </button>
      ))}
    </div>
  );
}

/** The other period: the previous one of equal length, or days the user chooses. */
function CompareAgainstPicker() {
  const against = useApp((s) => s.compareAgainst);
  const setAgainst = useApp((s) => s.setCompareAgainst);
  const comparison = useApp(shownComparison);
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const chosen = against !== 'previous';
  const shown = draft ?? (chosen ? against : (comparison?.previous.range ?? { from: '', to: '' }));
  const apply = (from: string, to: string): void => {
    setDraft({ from, to });
    if (isDate(from) && isDate(to) && from <= to) setAgainst({ from, to });
  };
  return (
    <>
      <label className="drill-select">
        <span className="visually-hidden">Compare with</span>
        <select
          value={chosen ? 'chosen' : 'previous'}
          onChange={(e) => {
            setDraft(null);
            if (e.target.value === 'previous') setAgainst('previous');
            else if (comparison) setAgainst({ from: comparison.previous.range.from, to: comparison.previous.range.to });
          }}
          data-testid="compare-against"
        >
          <option value="previous">the previous period</option>
          <option value="chosen">chosen days</option>
        </select>
      </label>
      {chosen && (
        <span className="compare-days">
          <input
            type="date"
            aria-label="Compare from"
            value={shown.from}
            onChange={(e) => apply(e.target.value, shown.to)}
            data-testid="compare-from"
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label="Compare to"
            value={shown.to}
            onChange={(e) => apply(shown.from, e.target.value)}
            data-testid="compare-to"
          />
        </span>
      )}
    </>
  );
}

function CompareToggle() {
  const on = useApp((s) => s.compareOn);
  const setCompare = useApp((s) => s.setCompare);
  const status = useApp((s) => s.compareStatus);
  const error = useApp((s) => s.compareError);
  const comparison = useApp(shownComparison);
  const previous = comparison?.previous.range;
  const compareAgainst = useApp((s) => s.compareAgainst);
  return (
    <div className="compare-toggle" data-testid="compare" data-compare-status={on ? status : 'off'}>
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => setCompare(e.target.checked)}
          data-testid="compare-toggle"
        />
        <span>{on ? 'Compare with' : 'Compare with the previous period'}</span>
      </label>
      {on && <CompareAgainstPicker />}
      {on && previous && compareAgainst === 'previous' && (
        <span className="muted compare-period" data-testid="compare-period">
          {formatRange(previous.from, previous.to)}
        </span>
      )}
      {on && error && (
        <span className="compare-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

const EXPORTS: readonly { kind: ExportKind; label: string; hint: string }[] = [
  { kind: 'section-tables-csv', label: 'Section tables (CSV)', hint: 'every row of every section table, for Excel' },
  { kind: 'daily-csv', label: 'Daily series (CSV)', hint: 'incomplete enrollments per day and section' },
  { kind: 'report-json', label: 'Whole report (JSON)', hint: 'the command line’s JSON' },
];

function ExportMenu() {
  const saveExport = useApp((s) => s.saveExport);
  const exporting = useApp((s) => s.exporting);
  const maskUsers = useApp((s) => s.maskUsers);
  const { ref, open, setOpen } = useMenu();

  return (
    <details className="menu export-menu" ref={ref} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button" data-testid="export-menu" aria-busy={exporting !== null}>
        {exporting ? 'Saving…' : 'Export'}
      </summary>
      <div className="menu-list right" role="menu" aria-label="Export the report as filtered">
        {EXPORTS.map((entry) => (
          <button
            key={entry.kind}
            role="menuitem"
            className="menu-item"
            disabled={exporting !== null}
            onClick={() => {
              setOpen(false);
              void saveExport(entry.kind);
            }}
            data-testid={`export-${entry.kind}`}
          >
            <span>{entry.label}</span>
            <small>
              {entry.hint}
              {entry.kind === 'report-json' && maskUsers ? ' · user names masked' : ''}
            </small>
          </button>
        ))}
      </div>
    </details>
  );
}

export function ReportToolbar() {
  const view = useApp((s) => s.view);
  return (
    <div className="report-toolbar" data-testid="report-toolbar">
      <ViewTabs />
      {view === 'report' && (
        <div className="toolbar-actions">
          <CompareToggle />
          <ExportMenu />
        </div>
      )}
    </div>
  );
}
