/** Dated notes stored in the case ("Terms of use text changed"): listed, added, edited, removed. */
import type { Annotation } from '../../src-main/shared/notes-types';
import type { IpcResult } from '../../src-main/shared/ipc-contract';
import type { Slice } from './types';

export interface AnnotationsSlice {
  readonly annotations: readonly Annotation[];
  readonly annotationsError: string | null;
  loadAnnotations(): Promise<void>;
  /** Each returns true when main accepted the change. */
  addAnnotation(date: string, text: string): Promise<boolean>;
  updateAnnotation(id: number, patch: { date?: string; text?: string }): Promise<boolean>;
  removeAnnotation(id: number): Promise<boolean>;
}

const byDate = (list: readonly Annotation[]): readonly Annotation[] =>
  [...list].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);

export const createAnnotationsSlice: Slice<AnnotationsSlice> = (api) => (set, get) => {
  const apply = (result: IpcResult<readonly Annotation[]>): boolean => {
    if (result.ok) set({ annotations: byDate(result.value), annotationsError: null });
    else set({ annotationsError: result.error.message });
    return result.ok;
  };
  return {
    annotations: [],
    annotationsError: null,

    async loadAnnotations() {
      if (!get().caseInfo) {
        set({ annotations: [], annotationsError: null });
        return;
      }
      apply(await api.listAnnotations());
    },
    addAnnotation: async (date, text) => apply(await api.addAnnotation({ date, text })),
    updateAnnotation: async (id, patch) => apply(await api.updateAnnotation({ id, ...patch })),
    removeAnnotation: async (id) => apply(await api.removeAnnotation({ id })),
  };
};
