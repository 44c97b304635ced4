/**
 * Change against the previous period of the same length (compare/compare.ts matches the rows),
 * overall and for the top rows, said only when significant and material:
 * - both periods' initiated known: two-proportion z-test on the rate (overall: incomplete counted
 *   in known cells / initiated; a row: its count / initiated, only when no attempt lies in an
 *   unknown cell). Partial days and unknown days in either period are named in the sentence.
 * - otherwise: exact binomial test of the two counts (equal lengths). Partial days would make a
 *   count look lower than it was: with any, no count change is stated and a caveat says why.
 * - the previous period reaching before the case's data: nothing is compared, a caveat says so.
 * Row tests are Holm-adjusted together (several rows tested at once would otherwise throw up a
 * chance "change" far more often than 1 in 20).
 */
import { reportDelta } from '../compare/compare';
import type {
  ChangeHeldBackCaveat,
  CountChangeFinding,
  Finding,
  FindingFilter,
  FindingPeriod,
  RateChangeFinding,
  RowChangeFinding,
} from '../shared/findings-types';
import type { RowDelta } from '../shared/compare-types';
import type { Report } from '../shared/report-types';
import type { Section } from '../shared/taxonomy';
import { periodFlags, uncoveredDays } from './coverage';
import { reportFilterOf, withText } from './finding';
import type { FindingsInput } from './input';
import { rateParts } from './platform-gap';
import { initiatedBase } from './rows';
import { equalPeriodCountTest, holmAdjust, twoProportionTest } from './stats';
import { ALPHA, CHANGE_ROWS, MIN_COUNT_CHANGE, MIN_RATE_CHANGE, MIN_RELATIVE_CHANGE } from './thresholds';

/** A count change large enough to act on: enough attempts, and a fair share of the larger count. */
export function materialCountChange(current: number, previous: number): boolean {
  const change = Math.abs(current - previous);
  return change >= MIN_COUNT_CHANGE && change / Math.max(current, previous) >= MIN_RELATIVE_CHANGE;
}

const periodOf = (report: Report): FindingPeriod => ({ from: report.range.from, to: report.range.to });

export function changeFindings(input: FindingsInput): Finding[] {
  const { report: current, previous } = input;
  if (!previous) return [];
  const period = periodOf(previous);
  const uncovered = uncoveredDays(previous);
  if (uncovered.length > 0) {
    return [
      withText<ChangeHeldBackCaveat>({
        kind: 'caveat-change-held-back',
        reason: 'no-data-before',
        previous: period,
        numbers: { days: uncovered.length },
        filter: reportFilterOf(current),
      }),
    ];
  }
  const flags = periodFlags([current, previous]);
  const out: Finding[] = [];
  const now = rateParts(current);
  const before = rateParts(previous);
  const countsOnly = !now || !before;
  if (countsOnly && flags.partialDays > 0) {
    out.push(
      withText<ChangeHeldBackCaveat>({
        kind: 'caveat-change-held-back',
        reason: 'partial-days',
        previous: period,
        numbers: { days: flags.partialDays },
        filter: reportFilterOf(current),
      }),
    );
    return out;
  }
  if (now && before) {
    const overall = rateChange(current, now, before, period, flags);
    if (overall) out.push(overall);
  } else {
    const overall = countChange(current.rollup.incomplete, previous.rollup.incomplete, period, reportFilterOf(current));
    if (overall) out.push(overall);
  }
  out.push(...rowChanges(current, previous, period, flags));
  return out;
}

function rateChange(
  current: Report,
  now: { incomplete: number; initiated: number; rate: number },
  before: { incomplete: number; initiated: number; rate: number },
  period: FindingPeriod,
  flags: { partialDays: number; unknownDays: number },
): RateChangeFinding | null {
  const test = twoProportionTest(now.incomplete, now.initiated, before.incomplete, before.initiated);
  if (!test || test.pValue >= ALPHA || Math.abs(now.rate - before.rate) < MIN_RATE_CHANGE) return null;
  return withText<RateChangeFinding>({
    kind: 'rate-change',
    previous: period,
    numbers: {
      currentIncomplete: now.incomplete,
      currentInitiated: now.initiated,
      currentRate: now.rate,
      previousIncomplete: before.incomplete,
      previousInitiated: before.initiated,
      previousRate: before.rate,
      difference: now.rate - before.rate,
      z: test.z,
      pValue: test.pValue,
      partialDays: flags.partialDays,
      unknownDays: flags.unknownDays,
    },
    filter: reportFilterOf(current),
  });
}

function countChange(
  current: number,
  previous: number,
  period: FindingPeriod,
  filter: FindingFilter,
): CountChangeFinding | null {
  const test = equalPeriodCountTest(current, previous);
  if (!test || test.pValue >= ALPHA || !materialCountChange(current, previous)) return null;
  return withText<CountChangeFinding>({
    kind: 'count-change',
    previous: period,
    numbers: { current, previous, change: current - previous, pValue: test.pValue },
    filter,
  });
}

interface RowCandidate {
  readonly section: Section;
  readonly row: RowDelta;
}

/** The rows to test: the top rows of either period by count, at most CHANGE_ROWS. */
function candidates(current: Report, previous: Report): RowCandidate[] {
  const rows: RowCandidate[] = [];
  for (const section of reportDelta(current, previous).sections) {
    for (const row of section.rows) {
      if (row.userAction !== '' && row.otherWordings === undefined) rows.push({ section: section.section, row });
    }
  }
  const top = (count: (r: RowDelta) => number): RowCandidate[] =>
    rows
      .filter((c) => count(c.row) > 0)
      .sort((a, b) => count(b.row) - count(a.row))
      .slice(0, CHANGE_ROWS);
  const chosen = new Set<RowCandidate>();
  const nowTop = top((r) => r.current);
  const beforeTop = top((r) => r.previous);
  for (let i = 0; i < CHANGE_ROWS && chosen.size < CHANGE_ROWS; i++) {
    if (nowTop[i]) chosen.add(nowTop[i]!);
    if (beforeTop[i] && chosen.size < CHANGE_ROWS) chosen.add(beforeTop[i]!);
  }
  return [...chosen];
}

function rowChanges(
  current: Report,
  previous: Report,
  period: FindingPeriod,
  flags: { partialDays: number; unknownDays: number },
): Finding[] {
  const nowBase = initiatedBase(current);
  const beforeBase = initiatedBase(previous);
  const rates = nowBase !== null && beforeBase !== null;
  if (!rates && flags.partialDays > 0) return [];
  const tested = candidates(current, previous).map((candidate) => {
    const { current: c, previous: p } = candidate.row;
    const test = rates ? twoProportionTest(c, nowBase, p, beforeBase) : equalPeriodCountTest(c, p);
    return { candidate, test };
  });
  const usable = tested.filter((t) => t.test !== null);
  const adjusted = holmAdjust(usable.map((t) => t.test!.pValue));
  const out: Finding[] = [];
  usable.forEach(({ candidate, test }, i) => {
    const pValue = adjusted[i]!;
    const { section, row } = candidate;
    if (pValue >= ALPHA || !materialCountChange(row.current, row.previous)) return;
    const filter: FindingFilter = {
      ...reportFilterOf(current),
      section,
      actionName: row.actionName,
      screen: row.screen,
      userAction: row.userAction === '' ? undefined : row.userAction,
    };
    if (rates && test && 'z' in test) {
      out.push(
        withText<RowChangeFinding>({
          kind: 'row-change',
          previous: period,
          numbers: {
            current: row.current,
            currentInitiated: nowBase,
            currentRate: test.rate1,
            previous: row.previous,
            previousInitiated: beforeBase,
            previousRate: test.rate2,
            difference: test.difference,
            z: test.z,
            rawPValue: test.pValue,
            pValue,
            partialDays: flags.partialDays,
            unknownDays: flags.unknownDays,
          },
          filter,
        }),
      );
    } else {
      out.push(
        withText<CountChangeFinding>({
          kind: 'count-change',
          previous: period,
          numbers: { current: row.current, previous: row.previous, change: row.count, pValue },
          filter,
        }),
      );
    }
  });
  return out;
}
