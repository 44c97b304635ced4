/**
 * The drill-down, funnel and failures commands: `attempts` (drill-down), `funnel`, `failures`, and `report --compare`.
 * Same case handling as `report` (run.ts): FILE(s) into a temporary case, or --db.
 */
import { formatFindingsText } from '../findings/format-text';
import { reportWithFindings } from '../findings/gather';
import { computeComparison } from '../compare/compare';
import { pageOf, resolveAttemptQuery } from '../drilldown/attempts';
import { computeFailures } from '../failures/failures';
import { formatComparisonText } from '../compare/format-text';
import { translator } from '../shared/i18n/translator';
import { formatFailuresText } from '../failures/format-text';
import { formatFunnelText } from '../funnel/format-text';
import { computeFunnel } from '../funnel/funnel';
import { inReadTransaction } from '../report/span';
import { computeReport } from '../report/compute-report';
import { exportAttemptsCsv } from '../exports/exports';
import type { CompareAgainst } from '../shared/compare-types';
import { maskReport } from '../shared/mask';
import type { Report } from '../shared/report-types';
import { maskKeyOf } from '../store/mask-key';
import type { ReportArgs } from './args';
import type { AttemptsArgs, FailuresArgs, FunnelArgs } from './view-args';
import { importAll, withCase } from './run';
import { markPhase } from './stats';
import { machineJson as json } from '../shared/machine-json';

/**
 * `report --compare`: the report's JSON with `previous` (a report of the same shape), `delta` and
 * `caveats` (partial days, unknown initiated days of either period); `--format text` writes the
 * same as text.
 */
export async function runCompareReport(args: ReportArgs, against: CompareAgainst): Promise<string> {
  return withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const filter = { from: args.from, to: args.to, platforms: args.platforms, sections: args.sections, tz: args.tz };
    const comparison = computeComparison(db, filter, against);
    // The findings always compare with the previous period of the same length, whatever --compare names.
    const { findings } = reportWithFindings(db, filter);
    markPhase('reported');
    const mask = (report: Report): Report => (args.maskUsers ? maskReport(report, maskKeyOf(db)) : report);
    const masked = { ...comparison, current: mask(comparison.current), previous: mask(comparison.previous) };
    if (args.format === 'text') {
      const tr = translator(args.language);
      return formatComparisonText(masked, tr, formatFindingsText(findings, tr));
    }
    const { current, previous, delta, caveats } = masked;
    return json({ ...current, findings, previous, delta, caveats });
  });
}

export async function runAttempts(args: AttemptsArgs): Promise<string> {
  return withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const output = inReadTransaction(db, () => {
      const q = resolveAttemptQuery(db, {
        from: args.from,
        to: args.to,
        tz: args.tz,
        platforms: args.platforms,
        sections: args.sections,
        section: args.section,
        actionName: args.actionName,
        screen: args.screen,
        userAction: args.userAction,
        date: args.date,
        outcome: args.outcome,
        search: args.search,
        mask: args.mask,
        limit: args.limit ?? Infinity,
        offset: args.offset,
        sort: args.sort,
      });
      const page = pageOf(db, q);
      if (args.format === 'csv') return exportAttemptsCsv(page.rows, q.filter.tz, { excel: false });
      return json({
        range: { from: q.filter.from, to: q.filter.to, tz: q.filter.tz },
        filters: { platforms: q.filter.platforms, sections: q.filter.sections },
        query: {
          date: q.date,
          platforms: q.platforms,
          actionName: q.actionName,
          screen: q.screen,
          userAction: q.userAction,
          section: q.section,
          outcome: q.outcome,
          search: args.search ?? null,
          masked: q.mask,
          offset: q.offset,
          limit: Number.isFinite(q.limit) ? q.limit : null,
        },
        // What the data covers in the range: partial days and days whose initiated count is unknown.
        coverage: computeReport(db, {
          from: q.filter.from,
          to: q.filter.to,
          tz: q.filter.tz,
          platforms: q.filter.platforms,
          sections: q.filter.sections,
        }).coverage,
        total: page.total,
        rows: page.rows,
      });
    });
    markPhase('reported');
    return output;
  });
}

export async function runFunnel(args: FunnelArgs): Promise<string> {
  return withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const whole = computeFunnel(db, { from: args.from, to: args.to, platforms: args.platforms, tz: args.tz });
    // --section narrows the steps shown; reached and conversions still come from the whole flow.
    const funnel = args.sections
      ? { ...whole, sections: whole.sections.filter((step) => args.sections!.includes(step.section)) }
      : whole;
    markPhase('reported');
    return args.format === 'text' ? formatFunnelText(funnel, translator(args.language)) : json(funnel);
  });
}

export async function runFailures(args: FailuresArgs): Promise<string> {
  return withCase(args.db, async (db) => {
    await importAll(db, args.files);
    const failures = computeFailures(db, { from: args.from, to: args.to, tz: args.tz });
    markPhase('reported');
    return args.format === 'text' ? formatFailuresText(failures, translator(args.language)) : json(failures);
  });
}
