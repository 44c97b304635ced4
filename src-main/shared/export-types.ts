/**
 * Exports: what the renderer asks to save and what was saved. Node-free.
 */
import type { ReportRequest } from './ipc-contract';

export const EXPORT_KINDS = ['section-tables-csv', 'daily-csv', 'report-json'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRequest {
  readonly report: ReportRequest;
  readonly kind: ExportKind;
  readonly maskUsers: boolean;
}

export interface SavedFile {
  readonly path: string;
  readonly bytes: number;
}
