/**
 * Parse worker: reads one file with readInputCoded and posts its batches to the storing thread, at
 * most BATCH_CREDITS ahead of it. Strings are coded here (store/coded-batch.ts), so every column
 * is a typed array, transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputRefused, readInputCoded } from '../import/read-input';
import { BatchCoder, CODES_KEPT, transferablesOf } from '../store/coded-batch';
import { BATCH_CREDITS, type CreditMessage, type ParseMessage, type ParseRequest } from './parse-protocol';
import { throttle } from './progress-throttle';

const port = parentPort!;
let credits = BATCH_CREDITS;
let wake: (() => void) | undefined;
port.on('message', (message: CreditMessage) => {
  if (message.type === 'credit') {
    credits++;
    wake?.();
  }
});

const post = (message: ParseMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

async function run({ path }: ParseRequest): Promise<void> {
  // Posting per chunk read would flood the port; the last byte always goes through.
  const postBytes = throttle<{ bytesRead: number; totalBytes: number }>(
    ({ bytesRead, totalBytes }) => post({ type: 'bytes', bytesRead, totalBytes }),
    ({ bytesRead, totalBytes }) => bytesRead === totalBytes,
  );
  // CSV event logs come out coded already (read from their bytes); the coder codes the others.
  const inputs = readInputCoded(path, {
    kept: CODES_KEPT,
    onBytes: (bytesRead, totalBytes) => postBytes({ bytesRead, totalBytes }),
  });
  for await (const input of inputs) {
    post({
      type: 'input',
      name: input.name,
      size: input.size,
      container: input.container,
      kind: input.kind,
      format: input.format,
    });
    const coder = new BatchCoder();
    for await (const parsed of input.batches) {
      const batch = coder.code(parsed);
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      post({ type: 'batch', batch }, transferablesOf(batch));
    }
    post({
      type: 'input-end',
      rowsRead: input.rowsRead(),
      skippedCounts: input.skipped.counts,
      skippedExamples: input.skipped.examples,
      sha256: input.sha256(),
      size: input.size,
    });
  }
  post({ type: 'done' });
}

run(workerData as ParseRequest)
  .catch((error: unknown) => {
    if (error instanceof InputRefused) post({ type: 'refused', file: error.file, reason: error.reason });
    else post({ type: 'failed', message: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
  })
  // The last message is posted: end the thread now (its heap and string codes go back to the
  // system) rather than when the storing side, which builds attempts first, gets to terminate it.
  .finally(() => port.close());
