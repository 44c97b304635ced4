/**
 * Comparison with another period: the report for the filter, the report for the
 * other period with the same platforms, sections and zone, and their differences. Both reports
 * come from one read transaction.
 *
 * - 'previous': the period of equal length ending the day before `from` (from/to resolved first,
 *   with the report's defaults).
 * - Deltas are current - previous. incompleteRate is the difference of the two rates as fractions
 *   (0.025 = 2.5 percentage points), null when either rate is null.
 * - Table rows are matched on action name, screen (trimmed, as the tables group them) and user
 *   action; the two "other wordings" rows match each other. The current report's rows in its
 *   order, then the rows that only the previous period has, in its order.
 * - Initiated's difference is null when either period's Initiated is unknown.
 * - caveats: one per period that holds partial days or days with an unknown initiated count, so a
 *   drop that only a part-day or missing data makes is not read as a change.
 */
import type Database from 'better-sqlite3';
import { computeReport } from '../report/compute-report';
import { addDays, isDate } from '../shared/calendar-day';
import { daysBetween } from '../report/day-buckets';
import { ReportInputError } from '../report/errors';
import { MAX_DAYS, resolveFilter } from '../report/resolve-filter';
import type {
  CompareAgainst,
  CompareCaveat,
  Comparison,
  ReportDelta,
  RowDelta,
  SectionDelta,
} from '../shared/compare-types';
import type { Report, ReportFilter, SectionRow } from '../shared/report-types';
import { inReadTransaction } from '../report/span';

/** The period to compare a resolved [from, to] with. */
export function comparisonPeriod(from: string, to: string, against: CompareAgainst): { from: string; to: string } {
  if (against === 'previous') {
    const length = daysBetween(from, to) + 1;
    return { from: addDays(from, -length), to: addDays(from, -1) };
  }
  if (typeof against !== 'object' || against === null) {
    throw new ReportInputError(`compare with "previous" or a period from..to, not ${JSON.stringify(against)}`);
  }
  for (const [name, value] of [
    ['from', against.from],
    ['to', against.to],
  ] as const) {
    if (typeof value !== 'string' || !isDate(value)) {
      throw new ReportInputError(`invalid comparison ${name} date "${String(value)}" (expected YYYY-MM-DD)`);
    }
  }
  if (against.from > against.to)
    throw new ReportInputError(`the comparison period starts (${against.from}) after it ends (${against.to})`);
  if (daysBetween(against.from, against.to) >= MAX_DAYS) {
    throw new ReportInputError(
      `the comparison period ${against.from} to ${against.to} is longer than ${MAX_DAYS} days`,
    );
  }
  return { from: against.from, to: against.to };
}

const rowKey = (row: Pick<SectionRow, 'actionName' | 'screen' | 'userAction' | 'otherWordings'>): string =>
  row.otherWordings !== undefined
    ? '\u0000other wordings'
    : `${row.actionName}\u0000${row.screen.trim()}\u0000${row.userAction}`;

const listDays = (days: readonly string[]): string => {
  const shown = days.slice(0, 5).join(', ');
  return days.length > 5 ? `${shown} and ${days.length - 5} more` : shown;
};

/** What may make a period's numbers look like a change they are not. */
export function comparisonCaveats(current: Report, previous: Report): CompareCaveat[] {
  const caveats: CompareCaveat[] = [];
  for (const [period, report] of [
    ['current', current],
    ['previous', previous],
  ] as const) {
    const name = period === 'current' ? 'The current period' : 'The previous period';
    const { partialDays, unknownInitiatedDays } = report.coverage;
    if (partialDays.length > 0) {
      caveats.push({
        period,
        kind: 'partial-days',
        days: partialDays,
        message: `${name} holds ${partialDays.length === 1 ? 'a partial day' : `${partialDays.length} partial days`} (${listDays(partialDays)}): the data covers only part of ${partialDays.length === 1 ? 'it' : 'them'}, so a change may come from that.`,
      });
    }
    if (report.rollup.initiated === null || unknownInitiatedDays.length > 0) {
      const days = unknownInitiatedDays;
      caveats.push({
        period,
        kind: 'unknown-initiated',
        days,
        message:
          report.rollup.initiated === null
            ? `${name}'s Initiated is unknown (no summary row or event log covers it): no rate to compare.`
            : `${name}'s rate leaves out ${days.length === 1 ? 'a day' : `${days.length} days`} whose initiated count is unknown (${listDays(days)}).`,
      });
    }
  }
  return caveats;
}

export function reportDelta(current: Report, previous: Report): ReportDelta {
  const rateDelta =
    current.rollup.incompleteRate === null || previous.rollup.incompleteRate === null
      ? null
      : current.rollup.incompleteRate - previous.rollup.incompleteRate;
  const sections: SectionDelta[] = current.sections.map((table) => {
    const before = previous.sections.find((t) => t.section === table.section);
    const beforeRows = new Map<string, SectionRow>();
    for (const row of before?.rows ?? []) beforeRows.set(rowKey(row), row);
    const rows: RowDelta[] = table.rows.map((row) => {
      const key = rowKey(row);
      const old = beforeRows.get(key);
      beforeRows.delete(key);
      return rowDelta(row, row.count, old?.count ?? 0);
    });
    for (const old of beforeRows.values()) rows.push(rowDelta(old, 0, old.count));
    const previousTotal = before?.incomplete ?? 0;
    return {
      section: table.section,
      current: table.incomplete,
      previous: previousTotal,
      incomplete: table.incomplete - previousTotal,
      rows,
    };
  });
  return {
    initiated:
      current.rollup.initiated === null || previous.rollup.initiated === null
        ? null
        : current.rollup.initiated - previous.rollup.initiated,
    incomplete: current.rollup.incomplete - previous.rollup.incomplete,
    incompleteRate: rateDelta,
    inProgress: current.rollup.inProgress - previous.rollup.inProgress,
    unclassified: current.rollup.unclassified - previous.rollup.unclassified,
    fromSummary: current.rollup.fromSummary - previous.rollup.fromSummary,
    sections,
  };
}

function rowDelta(row: SectionRow, current: number, previous: number): RowDelta {
  return {
    actionName: row.actionName,
    screen: row.screen,
    platform: row.platform,
    userAction: row.userAction,
    catalog: row.catalog,
    ...(row.otherWordings === undefined ? {} : { otherWordings: row.otherWordings }),
    current,
    previous,
    count: current - previous,
  };
}

export function computeComparison(
  db: Database.Database,
  filter: ReportFilter = {},
  against: CompareAgainst = 'previous',
): Comparison {
  return inReadTransaction(db, () => {
    const resolved = resolveFilter(db, filter);
    const period = comparisonPeriod(resolved.from, resolved.to, against);
    const same = { platforms: resolved.platforms, sections: resolved.sections, tz: resolved.tz };
    const current = computeReport(db, { ...same, from: resolved.from, to: resolved.to });
    const previous = computeReport(db, { ...same, ...period });
    return compareReports(current, previous);
  });
}

/** Two reports of the same filter side by side: the deltas and what keeps them from being compared as they are. */
export function compareReports(current: Report, previous: Report): Comparison {
  return { current, previous, delta: reportDelta(current, previous), caveats: comparisonCaveats(current, previous) };
}
