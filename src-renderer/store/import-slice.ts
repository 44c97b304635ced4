import { isCasePath } from './case-slice';
import type { FileProgress, ImportSlice, Slice } from './types';

export const createImportSlice: Slice<ImportSlice> = (api) => (set, get) => ({
  importStatus: 'idle',
  importFiles: [],
  importOverall: null,
  importOutcomes: null,
  importMaskedRecords: null,
  importError: null,

  async importDropped(files) {
    const paths = files.map((file) => api.pathForFile(file)).filter((path) => path !== '');
    if (paths.length === 0) {
      set({
        importError: { id: 'app.importError.noFileOnDisk' },
      });
      return;
    }
    const [first] = paths;
    if (paths.length === 1 && first !== undefined && isCasePath(first)) {
      await get().openCase(first);
      return;
    }
    await get().importPaths(paths);
  },

  async importPaths(paths) {
    if (get().importStatus === 'running' || get().importStatus === 'cancelling') {
      set({ importError: { id: 'app.importError.running' } });
      return;
    }
    set({
      importStatus: 'running',
      importFiles: [],
      importOverall: null,
      importOutcomes: null,
      importMaskedRecords: null,
      importError: null,
    });
    const result = await api.importFiles({ paths });
    if (!result.ok) {
      set({ importStatus: 'idle', importError: result.error.message });
      return;
    }
    const previous = get().caseInfo?.path;
    set({
      importStatus: 'done',
      importOutcomes: result.value.outcomes,
      importMaskedRecords: result.value.maskedRecords ?? null,
    });
    if (result.value.case.path !== previous)
      get().applySession({ case: result.value.case, recent: get().recent, notice: null, importing: false });
    else set({ caseInfo: result.value.case });
    await get().refreshReport();
  },

  async pickAndImport() {
    const result = await api.pickImportFiles();
    if (!result.ok) set({ importError: result.error.message });
    else if (result.value.length > 0) await get().importPaths(result.value);
  },

  async cancelImport() {
    if (get().importStatus !== 'running') return;
    set({ importStatus: 'cancelling' });
    await api.cancelImport();
  },

  dismissImport() {
    set({
      importStatus: 'idle',
      importOutcomes: null,
      importMaskedRecords: null,
      importError: null,
      importFiles: [],
      importOverall: null,
    });
  },

  onImportProgress(progress) {
    const status = get().importStatus;
    if (status !== 'running' && status !== 'cancelling') return;
    const files = [...get().importFiles];
    const entry: FileProgress = {
      file: progress.file,
      bytesRead: progress.bytesRead,
      totalBytes: progress.totalBytes,
      rows: Math.max(progress.rows, files[progress.fileIndex]?.rows ?? 0),
      phase: progress.phase,
    };
    files[progress.fileIndex] = entry;
    if (files.length < progress.fileCount) files.length = progress.fileCount;
    set({
      importFiles: files,
      importOverall: { bytesRead: progress.overallBytesRead, totalBytes: progress.overallTotalBytes },
    });
  },
});
