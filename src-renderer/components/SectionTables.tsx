/**
 * One table per selected section: Action name, Screen or flow, Platform, User action, Incomplete,
 * share of the section and the per-platform split. Sortable by any column; the engine's order
 * (catalog rows first, then other observed rows by count) is the default.
 */
import { useMemo, useState } from 'react';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import type { Report, SectionRow, SectionTable as SectionTableData } from '../../src-main/shared/report-types';
import type { Platform } from '../../src-main/shared/taxonomy';
import { formatCount, formatShare } from '../format';

type ColumnKey = 'actionName' | 'screen' | 'platform' | 'userAction' | 'count' | 'share' | Platform;
type Direction = 'ascending' | 'descending';
interface Sort {
  readonly key: ColumnKey;
  readonly direction: Direction;
}

const TEXT_COLUMNS: readonly { key: ColumnKey; label: string }[] = [
  { key: 'actionName', label: 'Action name' },
  { key: 'screen', label: 'Screen or flow' },
  { key: 'platform', label: 'Platform' },
  { key: 'userAction', label: 'User action' },
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
}: {
  column: ColumnKey;
  label: string;
  sort: Sort | null;
  onSort: (key: ColumnKey) => void;
  numeric?: boolean;
}) {
  const active = sort?.key === column;
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? sort.direction : 'none'}>
      <button className="sort-button" onClick={() => onSort(column)} data-column={column}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function SectionTable({ table, platforms }: { table: SectionTableData; platforms: readonly Platform[] }) {
  const [sort, setSort] = useState<Sort | null>(null);
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
          {table.section}
        </h3>
        <span className="section-total">
          <strong data-testid="section-total">{formatCount(table.incomplete)}</strong> incomplete
        </span>
        {sort && (
          <button className="link-button" onClick={() => setSort(null)}>
            Catalog order
          </button>
        )}
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">
            {table.section}: incomplete enrollments by action, screen, platform and user action
          </caption>
          <thead>
            <tr>
              {TEXT_COLUMNS.map((column) => (
                <SortHeader key={column.key} column={column.key} label={column.label} sort={sort} onSort={onSort} />
              ))}
              <SortHeader column="count" label="Incomplete" sort={sort} onSort={onSort} numeric />
              <SortHeader column="share" label="Share" sort={sort} onSort={onSort} numeric />
              {platforms.map((platform) => (
                <SortHeader key={platform} column={platform} label={platform} sort={sort} onSort={onSort} numeric />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.actionName}|${row.screen}|${row.userAction}|${row.platform}`}
                className={row.count === 0 ? 'zero' : undefined}
                data-testid="section-row"
              >
                <td className="action-name">
                  {row.actionName}
                  {!row.catalog && (
                    <span className="tag subtle" title="Observed in the data, not in Microsoft's catalog">
                      observed
                    </span>
                  )}
                </td>
                <td className="screen">{row.screen || <span className="muted">—</span>}</td>
                <td className="nowrap">{row.platform}</td>
                <td className="user-action">{row.userAction}</td>
                <td className="num strong" data-cell="count">
                  {formatCount(row.count)}
                </td>
                <td className="num" data-cell="share">
                  <span className="share">
                    <span
                      className="share-bar"
                      style={{
                        width: `${table.incomplete ? (row.count / table.incomplete) * 32 : 0}px`,
                        background: style.color,
                      }}
                    />
                    <span>{formatShare(row.count, table.incomplete)}</span>
                  </span>
                </td>
                {platforms.map((platform) => (
                  <td key={platform} className="num" data-cell={platform}>
                    {formatCount(row.byPlatform[platform] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function SectionTables({ report }: { report: Report }) {
  return (
    <div className="section-tables" data-testid="section-tables">
      <h2 className="block-title">Where users stopped, by section</h2>
      {report.sections.map((table) => (
        <SectionTable key={table.section} table={table} platforms={report.filters.platforms} />
      ))}
    </div>
  );
}
