/**
 * The document the print route draws, built in one place for the app's Print to PDF and the
 * command line's `--format pdf`: the report as shown, the case's dated notes within its range and
 * its findings, plus what the page header and footer say.
 */
import type Database from 'better-sqlite3';
import { computeFindings } from '../findings/compute-findings';
import { reportFilterOf } from '../findings/finding';
import { gatherFindingsInput } from '../findings/gather';
import { listAnnotations } from '../notes/annotations';
import { comparisonOf, funnelOf, platformRollupsOf } from './print-extras';
import type { CompareAgainst } from '../shared/compare-types';
import type { PrintJob } from '../shared/print-types';
import type { Report } from '../shared/report-types';

export function buildPrintJob(
  db: Database.Database,
  parts: {
    /** The report the notes and findings are read for. */
    readonly report: Report;
    /** The report drawn: `report` masked with the case's key when the user asked (the route draws what it is given). */
    readonly shown?: Report;
    readonly meta: PrintJob['meta'];
    /** The other period to compare with (the app's compare toggle, `--compare`); none when absent. */
    readonly compare?: CompareAgainst;
    /** Mask the comparison's reports like the shown one. */
    readonly maskUsers?: boolean;
    /** The chart as the app's toggle showed it; absent: automatic (the command line). */
    readonly chart?: PrintJob['chart'];
  },
): PrintJob {
  const { report, meta, compare } = parts;
  // The findings' reports (the report's filter per platform, the previous period, the baseline
  // days) are read once and serve the roll-ups and the comparison too.
  const input = gatherFindingsInput(db, reportFilterOf(report));
  return {
    report: parts.shown ?? report,
    annotations: listAnnotations(db, { from: report.range.from, to: report.range.to }),
    findings: computeFindings(input),
    platformRollups: platformRollupsOf(input),
    funnel: funnelOf(db, report),
    ...(compare ? { comparison: comparisonOf(db, input, compare, parts.maskUsers ?? false) } : {}),
    ...(parts.chart ? { chart: parts.chart } : {}),
    meta,
  };
}
