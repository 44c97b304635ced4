/**
 * The attempts behind a number: a modal dialog (Esc closes, focus stays inside) with the attempts
 * a page at a time, a search box, outcome and platform filters, sorting, and the masking toggle.
 * Opened by the roll-up tiles, the section tables' counts, the chart (a point, or a cell of its
 * data table) and the funnel.
 */
import { memo, useEffect, useId, useRef, useState } from 'react';
import type {
  AttemptOutcomeFilter,
  AttemptRow,
  AttemptSort,
  AttemptSortKey,
} from '../../../src-main/shared/drilldown-types';
import { PLATFORMS, type Platform } from '../../../src-main/shared/taxonomy';
import type { MessageId } from '../../../src-main/shared/i18n/messages';
import { useT } from '../../i18n/I18nProvider';
import { platformLabel, screenLabel, userActionLabel } from '../../../src-main/shared/i18n/vocabulary';
import { useApp } from '../../store';
import { DRILL_PAGE_SIZE, drillDate } from '../../store/drilldown-slice';
import { partialDayLabels } from '../../coverage';
import { formatDuration, formatTime } from '../view-format';
import { useTruncatedFocus } from './useTruncatedFocus';
import '../../styles/report-views.css';

const OUTCOMES: readonly { value: AttemptOutcomeFilter; label: MessageId }[] = [
  { value: 'all', label: 'app.drill.outcome.all' },
  { value: 'incomplete', label: 'app.drill.outcome.incomplete' },
  { value: 'complete', label: 'app.drill.outcome.complete' },
  { value: 'in progress', label: 'app.drill.outcome.inProgress' },
];

/** An attempt's outcome as its cell says it. */
const OUTCOME_CELL: Record<AttemptRow['outcome'], MessageId> = {
  incomplete: 'app.drill.outcomeCell.incomplete',
  complete: 'app.drill.outcomeCell.complete',
  'in progress': 'app.drill.outcomeCell.inProgress',
};

/** Text columns start ascending, times and durations descending (latest, longest first). */
const FIRST_DESCENDING: ReadonlySet<AttemptSortKey> = new Set(['started', 'ended', 'duration']);

function SortHeader({
  column,
  label,
  sort,
  onSort,
  numeric,
}: {
  column: AttemptSortKey;
  label: string;
  sort: AttemptSort;
  onSort: (s: AttemptSort) => void;
  numeric?: boolean;
}) {
  const active = sort.key === column;
  const direction = sort.direction ?? 'asc';
  const next: AttemptSort = active
    ? { key: column, direction: direction === 'asc' ? 'desc' : 'asc' }
    : { key: column, direction: FIRST_DESCENDING.has(column) ? 'desc' : 'asc' };
  return (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button className="sort-button" onClick={() => onSort(next)} data-column={column}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

const sameDay = (a: string, b: string): boolean => a.slice(0, 10) === b.slice(0, 10);

/** A value that truncates to its column (full value on hover, and on focus while it is cut). */
function CellText({ text, className }: { text: string; className?: string }) {
  return (
    <span className={className ? `cell-text ${className}` : 'cell-text'} title={text}>
      {text}
    </span>
  );
}

function AttemptTableRow({ row, tz, showOutcome }: { row: AttemptRow; tz: string; showOutcome: boolean }) {
  const tr = useT();
  const { t } = tr;
  const started = formatTime(row.started, tz);
  const ended = formatTime(row.ended, tz);
  return (
    <tr data-testid="attempt-row">
      <td data-cell="user">
        <CellText text={row.user} />
      </td>
      <td data-cell="device">{row.device ? <CellText text={row.device} /> : <span className="muted">—</span>}</td>
      <td>
        <CellText text={platformLabel(t, row.platform)} />
      </td>
      <td data-cell="started" title={row.started}>
        <CellText text={started} />
      </td>
      <td title={row.ended}>
        <CellText text={sameDay(started, ended) ? ended.slice(11) : ended} />
      </td>
      <td className="num nowrap">{formatDuration(row.durationMs, tr)}</td>
      {showOutcome && (
        <td>
          <CellText text={t(OUTCOME_CELL[row.outcome])} />
        </td>
      )}
      <td>
        <CellText className="action-name" text={row.actionName || '—'} />
        {row.screen && <CellText className="attempt-screen muted" text={screenLabel(t, row.screen)} />}
      </td>
      <td>
        {row.userAction ? <CellText text={userActionLabel(t, row.userAction)} /> : <span className="muted">—</span>}
      </td>
      <td data-cell="source">
        <CellText text={row.sourceFile} />
        <span className="muted source-line">{t('app.skips.line', { line: row.sourceLine })}</span>
      </td>
    </tr>
  );
}

/** The columns' share of the table's width (a fixed layout: every column stays on screen). */
function DrillColumns({ showOutcome }: { showOutcome: boolean }) {
  const widths = showOutcome ? [12, 9, 9, 16, 7, 9, 8, 14, 8, 8] : [14, 11, 9, 17, 8, 9, 15, 8, 9];
  return (
    <colgroup>
      {widths.map((width, index) => (
        <col key={index} style={{ width: `${width}%` }} />
      ))}
    </colgroup>
  );
}

export const DrillDownDialog = memo(function DrillDownDialog() {
  const tr = useT();
  const { t, f } = tr;
  const drill = useApp((s) => s.drill);
  const tz = useApp((s) => s.report?.range.tz ?? 'UTC');
  const platforms = useApp((s) => s.report?.filters.platforms ?? PLATFORMS);
  const maskUsers = useApp((s) => s.maskUsers);
  const closeDrill = useApp((s) => s.closeDrill);
  const setSearch = useApp((s) => s.setDrillSearch);
  const setOutcome = useApp((s) => s.setDrillOutcome);
  const setPlatform = useApp((s) => s.setDrillPlatform);
  const setDate = useApp((s) => s.setDrillDate);
  const report = useApp((s) => s.report);
  const setSort = useApp((s) => s.setDrillSort);
  const setOffset = useApp((s) => s.setDrillOffset);
  const setMaskUsers = useApp((s) => s.setMaskUsers);
  const narrowTo = useApp((s) => s.narrowTo);
  const ref = useRef<HTMLDialogElement>(null);
  const tableBox = useRef<HTMLDivElement>(null);
  const id = useId();
  const open = drill !== null;
  const [text, setText] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setText('');
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  // Typing searches after a short pause (one request per pause, not per key).
  useEffect(() => {
    if (!drill || text === drill.search) return;
    const timer = setTimeout(() => setSearch(text), 250);
    return () => clearTimeout(timer);
  }, [text, drill, setSearch]);

  const page = drill?.page ?? null;
  const total = page?.total ?? 0;
  const offset = drill?.offset ?? 0;
  const from = page && total > 0 ? offset + 1 : 0;
  const to = page ? offset + page.rows.length : 0;
  const days = report?.daily.map((point) => point.date) ?? [];
  const partial = report ? partialDayLabels(report, tr) : new Map<string, string>();
  const date = drill ? drillDate(drill) : 'any';
  const narrowed = drill
    ? drill.search.trim() !== '' ||
      drill.platform !== 'any' ||
      date !== (drill.target.kind === 'day' ? drill.target.date : 'any') ||
      drill.outcome !== (drill.target.kind === 'initiated' ? 'all' : 'incomplete')
    : false;
  const showOutcome = drill?.outcome === 'all';
  useTruncatedFocus(tableBox, page);

  return (
    <dialog
      ref={ref}
      className="drill-dialog"
      aria-labelledby={`${id}-title`}
      onClose={closeDrill}
      data-testid="drill-dialog"
      data-drill-status={drill?.status ?? 'closed'}
      data-drill-total={page ? String(page.total) : ''}
    >
      {drill && (
        <div className="drill-body">
          <div className="drill-head">
            <div>
              <h2 id={`${id}-title`}>{t('app.drill.title', { title: drill.title })}</h2>
              <p className="muted drill-summary" data-testid="drill-summary" aria-live="polite">
                {drill.status === 'error'
                  ? drill.error
                  : page
                    ? `${t(narrowed ? 'app.drill.attemptsMatch' : 'app.drill.attempts', { count: total })}${
                        drill.expected !== null && !narrowed
                          ? ` · ${t('app.drill.reportShows', { count: drill.expected })}`
                          : ''
                      }`
                    : t('app.drill.loading')}
              </p>
              {page &&
                !narrowed &&
                drill.expected !== null &&
                drill.expected !== total &&
                drill.target.kind === 'initiated' && (
                  <p className="drill-note" data-testid="drill-note">
                    {t('app.drill.summaryOnly', { count: Math.max(0, drill.expected - total) })}
                  </p>
                )}
              {date !== 'any' && partial.has(date) && (
                <p className="drill-note" data-testid="drill-partial">
                  {t('app.drill.partialDay', { day: f.longDay(date), extent: partial.get(date) })}
                </p>
              )}
            </div>
            <button
              className="button ghost"
              onClick={closeDrill}
              aria-label={t('app.import.close')}
              data-testid="drill-close"
            >
              ✕
            </button>
          </div>
          <div className="drill-filters" role="search">
            <label className="drill-search">
              <span className="visually-hidden">{t('app.drill.search')}</span>
              <input
                type="search"
                value={text}
                placeholder={t('app.drill.searchPlaceholder')}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') setSearch(text);
                }}
                data-testid="drill-search"
              />
            </label>
            <label className="drill-select">
              <span>{t('app.drill.outcome')}</span>
              <select
                value={drill.outcome}
                onChange={(e) => setOutcome(e.target.value as AttemptOutcomeFilter)}
                data-testid="drill-outcome"
              >
                {OUTCOMES.map((o) => (
                  <option key={o.value} value={o.value}>
                    {t(o.label)}
                  </option>
                ))}
              </select>
            </label>
            {days.length > 1 && (
              <label className="drill-select">
                <span>{t('app.mismatch.day')}</span>
                <select value={date} onChange={(e) => setDate(e.target.value)} data-testid="drill-date">
                  <option value="any">{t('app.drill.anyDay')}</option>
                  {days.map((day) => (
                    <option key={day} value={day} data-partial={partial.has(day) ? 'true' : undefined}>
                      {f.longDay(day)}
                      {partial.has(day) ? ` · ${t('app.drill.partialOption', { extent: partial.get(day) })}` : ''}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {platforms.length > 1 && (
              <label className="drill-select">
                <span>{t('app.tables.platform')}</span>
                <select
                  value={drill.platform}
                  onChange={(e) => setPlatform(e.target.value as Platform | 'any')}
                  data-testid="drill-platform"
                >
                  <option value="any">{t('app.mismatch.both')}</option>
                  {platforms.map((p) => (
                    <option key={p} value={p}>
                      {platformLabel(t, p)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="check drill-mask">
              <input
                type="checkbox"
                checked={maskUsers}
                onChange={(e) => setMaskUsers(e.target.checked)}
                data-testid="drill-mask"
              />
              <span>{t('app.drill.mask')}</span>
            </label>
          </div>
          <div className="drill-table-wrap" aria-busy={drill.status === 'loading'} ref={tableBox}>
            <table className="data-table compact drill-table" data-testid="drill-table">
              <caption className="visually-hidden">{t('app.drill.caption', { count: total })}</caption>
              <DrillColumns showOutcome={showOutcome} />
              <thead>
                <tr>
                  <SortHeader column="user" label={t('app.drill.col.user')} sort={drill.sort} onSort={setSort} />
                  <SortHeader column="device" label={t('app.drill.col.device')} sort={drill.sort} onSort={setSort} />
                  <SortHeader column="platform" label={t('app.tables.platform')} sort={drill.sort} onSort={setSort} />
                  <SortHeader
                    column="started"
                    label={t('app.drill.col.started', { tz })}
                    sort={drill.sort}
                    onSort={setSort}
                  />
                  <SortHeader column="ended" label={t('app.drill.col.ended')} sort={drill.sort} onSort={setSort} />
                  <SortHeader
                    column="duration"
                    label={t('app.drill.col.duration')}
                    sort={drill.sort}
                    onSort={setSort}
                    numeric
                  />
                  {showOutcome && (
                    <SortHeader column="outcome" label={t('app.drill.outcome')} sort={drill.sort} onSort={setSort} />
                  )}
                  <SortHeader
                    column="actionName"
                    label={t('app.drill.col.lastAction')}
                    sort={drill.sort}
                    onSort={setSort}
                  />
                  <SortHeader
                    column="userAction"
                    label={t('app.tables.userAction')}
                    sort={drill.sort}
                    onSort={setSort}
                  />
                  <SortHeader
                    column="sourceFile"
                    label={t('app.drill.col.source')}
                    sort={drill.sort}
                    onSort={setSort}
                  />
                </tr>
              </thead>
              <tbody>
                {page?.rows.map((row, index) => (
                  <AttemptTableRow key={`${offset + index}`} row={row} tz={tz} showOutcome={showOutcome} />
                ))}
                {page && page.rows.length === 0 && (
                  <tr>
                    <td colSpan={showOutcome ? 10 : 9} className="muted drill-empty">
                      {t('app.drill.noneMatch')}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <div className="drill-pager">
            <span className="muted" data-testid="drill-range">
              {page
                ? total > 0
                  ? t('app.drill.range', { from: f.count(from), to: f.count(to), total: f.count(total) })
                  : t('app.drill.rangeNone')
                : ''}
            </span>
            {drill.filter && (
              <button
                className="button small drill-filter"
                onClick={() => {
                  const { narrowing } = drill.filter!;
                  closeDrill();
                  narrowTo(narrowing);
                }}
                data-testid="drill-filter"
              >
                {t('app.drill.filterInReport', { label: drill.filter.label })}
              </button>
            )}
            <button
              className="button small"
              disabled={!page || offset === 0}
              onClick={() => setOffset(offset - DRILL_PAGE_SIZE)}
              data-testid="drill-prev"
            >
              ← {t('app.drill.previous')}
            </button>
            <button
              className="button small"
              disabled={!page || to >= total}
              onClick={() => setOffset(offset + DRILL_PAGE_SIZE)}
              data-testid="drill-next"
            >
              {t('app.drill.next')} →
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
});
