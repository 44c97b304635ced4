/**
 * One table per selected section: Action name, Screen or flow, Platform, User action, Incomplete,
 * share of the section and the per-platform split. Sortable by any column; the engine's order
 * (catalog rows first, then other observed rows by count) is the default.
 *
 * Optional (the app): a row's count opens its attempts (`onDrillRow`); with a comparison, a change
 * column and the section's change (`deltas`); beside the largest rows, a short guidance that opens
 * under the row (`guidance`; its toggle sits in the screen cell).
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import type { Report, SectionRow, SectionTable as SectionTableData } from '../../src-main/shared/report-types';
import type { Platform, Section } from '../../src-main/shared/taxonomy';
import type { MessageId } from '../../src-main/shared/i18n/messages';
import { useT } from '../i18n/I18nProvider';
import { platformLabel, screenLabel, sectionLabel, userActionLabel } from '../../src-main/shared/i18n/vocabulary';
import { FILTER_CLICK_HINT_ID, isFilterClick } from './filter-click';
import { formatDelta } from './view-format';

/** The identity of a table row (action name, screen, user action), as the engine groups rows. */
export const rowKey = (row: Pick<SectionRow, 'actionName' | 'screen' | 'userAction'>): string =>
  `${row.actionName.toLowerCase()}|${row.screen.trim().toLowerCase()}|${row.userAction.toLowerCase()}`;

/** A comparison's changes: per section its total's, per row (by rowKey) its count's and the previous count. */
export interface TableDeltas {
  readonly label: string;
  readonly sections: ReadonlyMap<
    Section,
    {
      readonly incomplete: number;
      readonly previous: number;
      readonly rows: ReadonlyMap<string, { readonly delta: number; readonly previous: number }>;
    }
  >;
}

export interface TableExtras {
  readonly onDrillRow?: (section: Section, row: SectionRow) => void;
  /** A row clicked with Shift (or Ctrl, ⌘): filter the report to its section and platform. */
  readonly onFilterRow?: (section: Section, row: SectionRow) => void;
  readonly deltas?: TableDeltas | null;
  /** Guidance for a row, or null (shown as a disclosure under it). */
  readonly guidance?: (section: Section, row: SectionRow) => ReactNode | null;
}

function DeltaCell({ change }: { change: { delta: number; previous: number } | undefined }) {
  const tr = useT();
  if (!change)
    return (
      <td className="num muted" data-cell="delta">
        —
      </td>
    );
  const tone = change.delta > 0 ? 'worse' : change.delta < 0 ? 'better' : 'neutral';
  return (
    <td
      className={`num delta ${tone}`}
      data-cell="delta"
      title={tr.t('app.tables.inOtherPeriod', { count: change.previous })}
    >
      {formatDelta(change.delta, tr)}
    </td>
  );
}

/**
 * An action name (`PreEnrollmentWizard`) with line-break opportunities between its words, so a
 * narrow column wraps it at `Pre·Enrollment·Wizard` rather than mid-word.
 */
export function breakableName(name: string): ReactNode {
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])/);
  return words.map((word, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {word}
    </Fragment>
  ));
}

type ColumnKey = 'actionName' | 'screen' | 'platform' | 'userAction' | 'count' | 'share' | Platform;
type Direction = 'ascending' | 'descending';
interface Sort {
  readonly key: ColumnKey;
  readonly direction: Direction;
}

const TEXT_COLUMNS: readonly { key: ColumnKey; label: MessageId }[] = [
  { key: 'actionName', label: 'app.tables.actionName' },
  { key: 'screen', label: 'app.tables.screen' },
  { key: 'platform', label: 'app.tables.platform' },
  { key: 'userAction', label: 'app.tables.userAction' },
];

const value = (row: SectionRow, key: ColumnKey): string | number => {
  switch (key) {
    case 'count':
    case 'share':
      return row.count;
    case 'iOS/iPadOS':
    case 'Android':
      return row.byPlatform[key] ?? 0;
    default:
      return row[key];
  }
};

export function sortRows(rows: readonly SectionRow[], sort: Sort | null): readonly SectionRow[] {
  if (!sort) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  // Stable: equal rows keep the engine's order.
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = value(a.row, sort.key);
      const y = value(b.row, sort.key);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order !== 0 ? order * sign : a.index - b.index;
    })
    .map(({ row }) => row);
}

function SortHeader({
  column,
  label,
  sort,
  onSort,
  numeric,
  className,
  shortLabel,
}: {
  column: ColumnKey;
  label: string;
  /** The label where the table is narrow (CSS picks one; the other is not rendered). */
  shortLabel?: string | undefined;
  sort: Sort | null;
  onSort: (key: ColumnKey) => void;
  numeric?: boolean;
  className?: string | undefined;
}) {
  const active = sort?.key === column;
  return (
    <th
      scope="col"
      className={[numeric ? 'num' : '', className ?? ''].join(' ').trim() || undefined}
      aria-sort={active ? sort.direction : undefined}
    >
      <button className="sort-button" onClick={() => onSort(column)} data-column={column}>
        {shortLabel ? (
          <>
            <span className="label-long">{label}</span>
            <span className="label-short">{shortLabel}</span>
          </>
        ) : (
          label
        )}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** A row's count on each selected platform. */
function PlatformCells({ row, platforms }: { row: SectionRow; platforms: readonly Platform[] }) {
  const { f } = useT();
  return (
    <>
      {platforms.map((platform) => (
        <td key={platform} className="num" data-cell={platform}>
          {f.count(row.byPlatform[platform] ?? 0)}
        </td>
      ))}
    </>
  );
}

/**
 * The row that folds the observed rows a section cannot list one by one (the engine's
 * `otherWordings`): it says so and opens nothing; the section tables CSV export lists each row.
 */
function OtherWordingsRow({
  row,
  table,
  platforms,
  extras,
}: {
  row: SectionRow;
  table: SectionTableData;
  platforms: readonly Platform[];
  extras: TableExtras;
}) {
  const { t, f } = useT();
  const folded = row.otherWordings ?? 0;
  return (
    <tr className="other-wordings" data-testid="section-row" data-other-wordings={folded}>
      <td className="action-name">
        <span className="muted">{t('app.tables.otherWordings')}</span>
        <span className="platform-inline muted">{platformLabel(t, row.platform)}</span>
      </td>
      <td className="screen">
        {t('app.tables.folded', { count: folded })} <span className="muted">{t('app.tables.csvListsEach')}</span>
      </td>
      <td className="nowrap col-platform">{platformLabel(t, row.platform)}</td>
      <td className="user-action">{userActionLabel(t, row.userAction) || '—'}</td>
      <td className="num strong count-cell" title={t('app.tables.notListed')}>
        <span data-cell="count">{f.count(row.count)}</span>
      </td>
      {extras.deltas && (
        <td className="num muted" data-cell="delta">
          —
        </td>
      )}
      <td className="num col-share" data-cell="share">
        {f.share(row.count, table.incomplete)}
      </td>
      <PlatformCells row={row} platforms={platforms} />
    </tr>
  );
}

function SectionTable({
  table,
  platforms,
  extras,
}: {
  table: SectionTableData;
  platforms: readonly Platform[];
  extras: TableExtras;
}) {
  const tr = useT();
  const { t, f } = tr;
  const [sort, setSort] = useState<Sort | null>(null);
  const [openGuidance, setOpenGuidance] = useState<ReadonlySet<string>>(new Set());
  const sectionDelta = extras.deltas?.sections.get(table.section);
  const toggleGuidance = (key: string): void =>
    setOpenGuidance((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const columns = 6 + platforms.length + (extras.deltas ? 1 : 0);
  const rows = useMemo(() => sortRows(table.rows, sort), [table.rows, sort]);
  const style = SECTION_STYLE[table.section];
  const onSort = (key: ColumnKey): void =>
    setSort((current) => {
      if (current?.key === key)
        return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
      const numeric = key === 'count' || key === 'share' || key === 'iOS/iPadOS' || key === 'Android';
      return { key, direction: numeric ? 'descending' : 'ascending' };
    });
  const headingId = `section-${table.section.replace(/\W+/g, '-').toLowerCase()}`;

  return (
    <section
      className="card section-card"
      aria-labelledby={headingId}
      data-testid="section-table"
      data-section={table.section}
    >
      <div className="card-head">
        <h3 id={headingId}>
          <span className="section-bar" style={{ background: style.color }} aria-hidden="true" />
          {sectionLabel(t, table.section)}
        </h3>
        <span className="section-total">
          <FormattedMessage
            id={'app.tables.sectionTotal' satisfies MessageId}
            values={{ count: <strong data-testid="section-total">{f.count(table.incomplete)}</strong> }}
          />
          {sectionDelta && (
            <span
              className={`section-delta ${sectionDelta.incomplete > 0 ? 'worse' : sectionDelta.incomplete < 0 ? 'better' : 'neutral'}`}
              data-testid="section-delta"
              data-value={sectionDelta.incomplete}
            >
              {' '}
              {formatDelta(sectionDelta.incomplete, tr)}{' '}
              <span className="muted">{t('app.tables.versus', { previous: f.count(sectionDelta.previous) })}</span>
            </span>
          )}
        </span>
        {sort && (
          <button className="link-button" onClick={() => setSort(null)}>
            {t('app.tables.catalogOrder')}
          </button>
        )}
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">
            {t('app.tables.caption', { section: sectionLabel(t, table.section) })}
          </caption>
          <thead>
            <tr>
              {TEXT_COLUMNS.map((column) => (
                <SortHeader
                  key={column.key}
                  column={column.key}
                  label={t(column.label)}
                  sort={sort}
                  onSort={onSort}
                  className={column.key === 'platform' ? 'col-platform' : undefined}
                />
              ))}
              <SortHeader column="count" label={t('app.tables.incomplete')} sort={sort} onSort={onSort} numeric />
              {extras.deltas && (
                <th scope="col" className="num" title={t('app.tables.changeAgainst', { label: extras.deltas.label })}>
                  {t('app.tables.change')}
                </th>
              )}
              <SortHeader column="share" label={t('app.tables.share')} sort={sort} onSort={onSort} numeric />
              {platforms.map((platform) => (
                <SortHeader
                  key={platform}
                  column={platform}
                  label={platformLabel(t, platform)}
                  shortLabel={platform === 'iOS/iPadOS' ? 'iOS' : undefined}
                  sort={sort}
                  onSort={onSort}
                  numeric
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const key = `${row.actionName}|${row.screen}|${row.userAction}|${row.platform}`;
              const guidance = extras.guidance?.(table.section, row) ?? null;
              const guidanceOpen = openGuidance.has(key);
              const guidanceId = `${headingId}-guidance-${rows.indexOf(row)}`;
              if (row.otherWordings !== undefined)
                return <OtherWordingsRow key={key} row={row} table={table} platforms={platforms} extras={extras} />;
              return (
                <Fragment key={key}>
                  <tr
                    className={row.count === 0 ? 'zero' : undefined}
                    data-testid="section-row"
                    onClick={(event) => {
                      if (!extras.onFilterRow || !isFilterClick(event)) return;
                      // The row's own controls keep their click (the Guidance toggle).
                      if ((event.target as Element).closest('.guidance-toggle')) return;
                      event.preventDefault();
                      // Shift+click would also extend the text selection.
                      window.getSelection()?.removeAllRanges();
                      extras.onFilterRow(table.section, row);
                    }}
                  >
                    <td className="action-name">
                      {breakableName(row.actionName)}
                      {!row.catalog && (
                        <span className="tag subtle" title={t('app.tables.observedTitle')}>
                          {t('app.tables.observed')}
                        </span>
                      )}
                      {/* Where the Platform column gives way (narrow tables), the platform shows here. */}
                      <span className="platform-inline muted">{platformLabel(t, row.platform)}</span>
                    </td>
                    <td className="screen">{screenLabel(t, row.screen) || <span className="muted">—</span>}</td>
                    <td className="nowrap col-platform">{platformLabel(t, row.platform)}</td>
                    <td className="user-action">{userActionLabel(t, row.userAction)}</td>
                    <td className="num strong count-cell">
                      <span data-cell="count">
                        {extras.onDrillRow && row.count > 0 ? (
                          <button
                            className="count-button"
                            onClick={(event) => {
                              // A filter click bubbles to the row.
                              if (!isFilterClick(event)) extras.onDrillRow?.(table.section, row);
                            }}
                            title={`${t('app.tables.showAttempts', { action: row.actionName, userAction: userActionLabel(t, row.userAction) })}${
                              extras.onFilterRow ? ` (${t(FILTER_CLICK_HINT_ID)})` : ''
                            }`}
                          >
                            {f.count(row.count)}
                          </button>
                        ) : (
                          f.count(row.count)
                        )}
                      </span>
                      {/* After the count, so Tab reaches the count first. */}
                      {guidance !== null && (
                        <button
                          className="guidance-toggle"
                          aria-expanded={guidanceOpen}
                          aria-controls={guidanceId}
                          onClick={() => toggleGuidance(key)}
                          data-testid="guidance-toggle"
                        >
                          {guidanceOpen ? t('app.tables.hideGuidance') : t('app.tables.guidance')}
                          <span className="visually-hidden">
                            {' '}
                            {t('app.tables.guidanceFor', {
                              action: row.actionName,
                              userAction: userActionLabel(t, row.userAction),
                            })}
                          </span>
                        </button>
                      )}
                    </td>
                    {extras.deltas && <DeltaCell change={sectionDelta?.rows.get(rowKey(row))} />}
                    <td className="num col-share" data-cell="share">
                      <span className="share">
                        <span
                          className="share-bar"
                          style={{
                            width: `${table.incomplete ? (row.count / table.incomplete) * 32 : 0}px`,
                            background: style.color,
                          }}
                        />
                        <span>{f.share(row.count, table.incomplete)}</span>
                      </span>
                    </td>
                    <PlatformCells row={row} platforms={platforms} />
                  </tr>
                  {guidance !== null && (
                    <tr id={guidanceId} className="guidance-row" hidden={!guidanceOpen} data-testid="guidance-row">
                      <td colSpan={columns}>{guidance}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function SectionTables({ report, ...extras }: { report: Report } & TableExtras) {
  const { t } = useT();
  return (
    <div className="section-tables" data-testid="section-tables">
      <h2 className="block-title">{t('app.tables.title')}</h2>
      {report.sections.map((table) => (
        <SectionTable key={table.section} table={table} platforms={report.filters.platforms} extras={extras} />
      ))}
    </div>
  );
}
