/**
 * The import worker: owns its own connection to the case and runs the same importFiles as the
 * command line, so the window's thread only ever sees progress messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openCase } from '../store/case-file';
import { importFiles } from '../store/import-files';
import { readInputBySize } from '../workers/parse-in-worker';
import type { FromImportWorker, ImportJob, ToImportWorker } from './protocol';

const port = parentPort!;
const controller = new AbortController();
port.on('message', (message: ToImportWorker) => {
  if (message.type === 'cancel') controller.abort();
});
const post = (message: FromImportWorker): void => port.postMessage(message);

async function run({ casePath, paths }: ImportJob): Promise<void> {
  // The window's process opened (and checked) this case already.
  const db = openCase(casePath, { create: false, check: false });
  let lastPost = 0;
  try {
    const outcomes = await importFiles(db, paths, {
      reader: readInputBySize,
      signal: controller.signal,
      onProgress: (progress) => {
        // A few updates a second keep the bar alive without flooding the window.
        const now = Date.now();
        if (now - lastPost >= 50 || progress.phase !== 'reading') {
          lastPost = now;
          post({ type: 'progress', progress });
        }
      },
    });
    post({ type: 'finished', outcomes });
  } finally {
    db.close();
  }
}

run(workerData as ImportJob)
  .catch((error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message.split('\n')[0]! : String(error) }),
  )
  .finally(() => port.close());
