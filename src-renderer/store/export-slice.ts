/** Exports of the report as filtered: the section tables and the daily series as CSV, the report as JSON. */
import type { ExportKind } from '../../src-main/shared/export-types';
import { currentRequest } from './request';
import type { Slice } from './types';

export interface ExportSlice {
  /** The export being saved (its save dialog is open, or it is being written). */
  readonly exporting: ExportKind | null;
  readonly lastExport: { readonly kind: ExportKind; readonly path: string; readonly bytes: number } | null;
  saveExport(kind: ExportKind): Promise<void>;
}

export const createExportSlice: Slice<ExportSlice> = (api) => (set, get) => ({
  exporting: null,
  lastExport: null,

  async saveExport(kind) {
    if (get().exporting) return;
    set({ exporting: kind });
    try {
      const result = await api.saveExport({ kind, report: currentRequest(get()), maskUsers: get().maskUsers });
      if (!result.ok) {
        set({ notice: { id: 'app.export.notSaved', values: { reason: result.error.message } } });
        return;
      }
      if (result.value)
        set({
          lastExport: { kind, ...result.value },
          notice: { id: 'app.export.saved', values: { path: result.value.path } },
        });
    } finally {
      set({ exporting: null });
    }
  },
});
