/**
 * Masking in the view without the key: when the app's masking is on (the setting the drill-down,
 * exports and Print to PDF share), the skipped rows' examples are shown as main masked them with
 * the case's key (report:get's maskedImports, import:run's maskedRecords). The key never leaves main.
 */
import type { ImportOutcome } from '../src-main/shared/import-types';
import type { ImportRecord, Report } from '../src-main/shared/report-types';
import { useApp } from './store';

/** The report's import records as the view shows them: main's masked copy when masking is on. */
export function useShownImports(report: Report): readonly ImportRecord[] {
  const mask = useApp((s) => s.maskUsers);
  const masked = useApp((s) => (s.report === report ? s.maskedImports : null));
  return mask && masked ? masked : report.imports;
}

/** The outcomes' records as the view shows them, by outcome index (null: nothing imported). */
export function useShownOutcomeRecords(outcomes: readonly ImportOutcome[]): readonly (ImportRecord | null)[] {
  const mask = useApp((s) => s.maskUsers);
  const masked = useApp((s) => (s.importOutcomes === outcomes ? s.importMaskedRecords : null));
  return outcomes.map((outcome, index) =>
    outcome.status !== 'imported' ? null : mask && masked ? (masked[index] ?? outcome.record) : outcome.record,
  );
}
