/** What the store's tests hand a fake window.api: answers, a case, a report of the request with no data. */
import type { CaseInfo, IpcResult, ReportRequest } from '../../../src-main/shared/ipc-contract';
import type { Report } from '../../../src-main/shared/report-types';

export const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });

/** Lets the store's pending requests answer. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A writable case of one import at `path`, named after its file. */
export const caseAt = (path: string, more: Partial<CaseInfo> = {}): CaseInfo => ({
  path,
  name: path.split('/').pop()!.replace('.enrollscope', ''),
  settings: {},
  isSample: false,
  importCount: 1,
  refused: [],
  storageWarning: null,
  ...more,
});

/** The report main would answer a request with: its range and filters, fixed totals, no rows. */
export function reportOf(request: ReportRequest, from = '2025-06-01', to = '2025-06-14'): Report {
  return {
    range: { from, to, tz: request.tz },
    filters: { platforms: request.platforms, sections: request.sections },
    rollup: { initiated: 10, incomplete: 4, incompleteRate: 0.4, inProgress: 0, unclassified: 0, fromSummary: 0 },
    coverage: { unknownInitiatedDays: [], partialDays: [] },
    daily: [],
    sections: [],
    imports: [],
    dataQuality: {
      summaryRowsLeftOut: 0,
      rangeDays: 0,
      knownInitiatedDays: 0,
      incompleteOutsideRate: 0,
      partialDays: [],
      eventLogSpan: null,
      dataSpan: null,
      summaryMismatches: [],
      daysWithoutData: [],
      skippedRows: 0,
      duplicateRows: 0,
      notes: [],
      noteItems: [],
    },
  };
}
