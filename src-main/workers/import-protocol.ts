/** Messages between the window's process and the import worker. */
import type { ImportOutcome, ImportProgress } from '../shared/import-types';

export interface ImportJob {
  readonly casePath: string;
  readonly paths: readonly string[];
}

export type ToImportWorker = { readonly type: 'cancel' };

export type FromImportWorker =
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly type: 'finished'; readonly outcomes: ImportOutcome[] }
  | { readonly type: 'failed'; readonly message: string };
