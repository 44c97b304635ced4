/**
 * Caveats: how far the report's numbers can be trusted, each with its number: initiated unknown
 * (wholly or on some days), partial days, unclassified incomplete above 5%, summary rows that
 * disagree with the attempts, rows skipped on import.
 */
import type {
  Finding,
  NoInitiatedCaveat,
  PartialDaysCaveat,
  SkippedRowsCaveat,
  SummaryMismatchCaveat,
  UnclassifiedCaveat,
  UnknownInitiatedCaveat,
} from '../shared/findings-types';
import type { Report } from '../shared/report-types';
import { reportFilterOf, withText } from './finding';
import { UNCLASSIFIED_SHARE } from './thresholds';

export function caveats(report: Report): Finding[] {
  const out: Finding[] = [];
  const filter = reportFilterOf(report);
  const { rollup, coverage, dataQuality } = report;
  if (rollup.initiated === null) {
    out.push(
      withText<NoInitiatedCaveat>({ kind: 'caveat-no-initiated', numbers: { incomplete: rollup.incomplete }, filter }),
    );
  } else if (coverage.unknownInitiatedDays.length > 0) {
    out.push(
      withText<UnknownInitiatedCaveat>({
        kind: 'caveat-unknown-initiated',
        days: coverage.unknownInitiatedDays,
        numbers: {
          days: coverage.unknownInitiatedDays.length,
          rangeDays: dataQuality.rangeDays,
          incompleteOutsideRate: dataQuality.incompleteOutsideRate,
        },
        filter,
      }),
    );
  }
  if (coverage.partialDays.length > 0) {
    out.push(
      withText<PartialDaysCaveat>({
        kind: 'caveat-partial-days',
        days: coverage.partialDays,
        numbers: { days: coverage.partialDays.length },
        filter,
      }),
    );
  }
  if (rollup.incomplete > 0 && rollup.unclassified / rollup.incomplete > UNCLASSIFIED_SHARE) {
    out.push(
      withText<UnclassifiedCaveat>({
        kind: 'caveat-unclassified',
        numbers: {
          unclassified: rollup.unclassified,
          fromSummary: rollup.fromSummary,
          incomplete: rollup.incomplete,
          share: rollup.unclassified / rollup.incomplete,
        },
        filter,
      }),
    );
  }
  if (dataQuality.summaryMismatches.length > 0) {
    out.push(
      withText<SummaryMismatchCaveat>({
        kind: 'caveat-summary-mismatch',
        numbers: { cells: dataQuality.summaryMismatches.length },
        filter,
      }),
    );
  }
  if (dataQuality.skippedRows > 0) {
    const files = report.imports.filter((i) => Object.values(i.skipped).some((n) => n > 0)).length;
    out.push(
      withText<SkippedRowsCaveat>({
        kind: 'caveat-skipped-rows',
        numbers: { skippedRows: dataQuality.skippedRows, files },
        filter,
      }),
    );
  }
  return out;
}
