/**
 * Above the roll-up: the two views (the abandonment report, the enrollment failures), the
 * comparison toggle and the exports of the report as filtered (a main-process save dialog each).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { isDate } from '../../src-main/shared/calendar-day';
import type { ExportKind } from '../../src-main/shared/export-types';
import type { MessageId } from '../../src-main/shared/i18n/messages';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store';
import { shownComparison } from '../store/compare-slice';
import type { ReportViewName } from '../store/failures-slice';
import '../styles/report-views.css';
import { useMenu } from './use-menu';

const VIEWS: readonly { view: ReportViewName; label: MessageId }[] = [
  { view: 'report', label: 'app.views.report' },
  { view: 'failures', label: 'app.views.failures' },
];

export const viewTabId = (view: ReportViewName): string => `view-tab-${view}`;
export const VIEW_PANEL_ID = 'view-panel';

function ViewTabs() {
  const { t } = useT();
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
    <div className="view-tabs" role="tablist" aria-label={t('app.views.label')}>
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
          {t(entry.label)}
        </button>
      ))}
    </div>
  );
}

/** The other period: the previous one of equal length, or days the user chooses. */
function CompareAgainstPicker() {
  const { t } = useT();
  const language = useApp((s) => s.language);
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
        <span className="visually-hidden">{t('app.compare.with')}</span>
        <select
          value={chosen ? 'chosen' : 'previous'}
          onChange={(e) => {
            setDraft(null);
            if (e.target.value === 'previous') setAgainst('previous');
            else if (comparison) setAgainst({ from: comparison.previous.range.from, to: comparison.previous.range.to });
          }}
          data-testid="compare-against"
        >
          <option value="previous">{t('app.compare.previousPeriod')}</option>
          <option value="chosen">{t('app.compare.chosenDays')}</option>
        </select>
      </label>
      {chosen && (
        <span className="compare-days">
          <input
            type="date"
            lang={language}
            aria-label={t('app.compare.from')}
            value={shown.from}
            onChange={(e) => apply(e.target.value, shown.to)}
            data-testid="compare-from"
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            lang={language}
            aria-label={t('app.compare.to')}
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
  const { t, f } = useT();
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
        <span>{on ? t('app.compare.with') : t('app.compare.withPrevious')}</span>
      </label>
      {on && <CompareAgainstPicker />}
      {on && previous && compareAgainst === 'previous' && (
        <span className="muted compare-period" data-testid="compare-period">
          {f.range(previous.from, previous.to)}
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

const EXPORTS: readonly { kind: ExportKind; label: MessageId; hint: MessageId }[] = [
  { kind: 'section-tables-csv', label: 'app.export.tables', hint: 'app.export.tablesHint' },
  { kind: 'daily-csv', label: 'app.export.daily', hint: 'app.export.dailyHint' },
  { kind: 'report-json', label: 'app.export.json', hint: 'app.export.jsonHint' },
];

function ExportMenu() {
  const { t } = useT();
  const saveExport = useApp((s) => s.saveExport);
  const exporting = useApp((s) => s.exporting);
  const maskUsers = useApp((s) => s.maskUsers);
  const { ref, open, setOpen } = useMenu();

  return (
    <details className="menu export-menu" ref={ref} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button" data-testid="export-menu" aria-busy={exporting !== null}>
        {exporting ? t('app.export.saving') : t('app.export.button')}
      </summary>
      <div className="menu-list right" role="menu" aria-label={t('app.export.menu')}>
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
            <span>{t(entry.label)}</span>
            <small>
              {t(entry.hint)}
              {entry.kind === 'report-json' && maskUsers ? ` · ${t('app.export.masked')}` : ''}
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
