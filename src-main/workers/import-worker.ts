/**
 * The import worker: owns its own connection to the case and runs the same importFiles as the
 * command line, so the window's thread only ever sees progress messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { closeCase, openCase } from '../store/case-file';
import { importFiles } from '../store/import-files';
import type { FromImportWorker, ImportJob, ToImportWorker } from './import-protocol';
import { readAheadInWorker, readInputBySize } from './parse-in-worker';
import { progressThrottle } from './progress-throttle';

const port = parentPort!;
const controller = new AbortController();
port.on('message', (message: ToImportWorker) => {
  if (message.type === 'cancel') controller.abort();
});
const post = (message: FromImportWorker): void => port.postMessage(message);

async function run({ casePath, paths }: ImportJob): Promise<void> {
  // The window's process opened (and checked) this case already.
  const db = openCase(casePath, { create: false, check: false });
  let outcomes;
  try {
    outcomes = await importFiles(db, paths, {
      reader: readInputBySize,
      readAhead: readAheadInWorker,
      signal: controller.signal,
      onProgress: progressThrottle((progress) => post({ type: 'progress', progress })),
    });
  } finally {
    // Closed before the window hears of the end, so that the case's passed check is remembered by then.
    closeCase(db);
  }
  post({ type: 'finished', outcomes });
}

run(workerData as ImportJob)
  .catch((error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message.split('\n')[0]! : String(error) }),
  )
  .finally(() => port.close());
