/**
 * Runs an import in a worker thread on its own connection to the case file: the calling thread
 * (the Electron main process, which owns the window) stays free. Abort the signal to cancel:
 * the file being read is rolled back, later files are not started.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ImportOutcome, ImportProgress } from '../shared/import-types';
import type { FromImportWorker, ImportJob, ToImportWorker } from './import-protocol';
import { locateWorker } from './locate';
import { IMPORT_OUT_OF_MEMORY, isWorkerOutOfMemory } from './memory-limit';

export interface RunImportOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** The import worker's heap limits (V8's defaults when absent; tests give tiny ones). */
  readonly resourceLimits?: ResourceLimits;
}

export function runImportInWorker(
  casePath: string,
  paths: readonly string[],
  options: RunImportOptions = {},
): Promise<ImportOutcome[]> {
  const { file, options: workerOptions } = locateWorker('import-worker');
  const job: ImportJob = { casePath, paths: [...paths] };
  const worker = new Worker(file, { ...workerOptions, workerData: job, resourceLimits: options.resourceLimits });
  const cancel = (): void => worker.postMessage({ type: 'cancel' } satisfies ToImportWorker);
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel);

  return new Promise<ImportOutcome[]>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', cancel);
      action();
    };
    worker.on('message', (message: FromImportWorker) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'finished') settle(() => resolve(message.outcomes));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) =>
      settle(() => reject(isWorkerOutOfMemory(error) ? new Error(IMPORT_OUT_OF_MEMORY) : error)),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`the import stopped unexpectedly (exit code ${code})`))));
  });
}
