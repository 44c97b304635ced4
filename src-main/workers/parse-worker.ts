/**
 * Parse worker: reads its files in order with readInputCoded and posts their batches to the storing
 * thread, at most CREDITS ahead of it. Strings are coded here (store/coded-batch.ts), so every
 * column is a typed array, transferred, not copied. A file refused (or failing) is told about and
 * the next one is read: each file's messages are its own.
 */
import { parentPort } from 'node:worker_threads';
import { InputRefused, readInputCoded } from '../import/read-input';
import { BatchCoder, CODES_KEPT, GroupCoder, isCoded, transferablesOf } from '../store/coded-batch';
import { InputWalk, type WalkLimits } from './walk-in-worker';
import type { EndedColumns } from '../attempts/ended-attempts';
import {
  CREDITS,
  POST_COST,
  costOf,
  endsFile,
  rowsOf,
  type StoreMessage,
  type ParseMessage,
  type ParseRequest,
} from './parse-protocol';
import { throttle } from './progress-throttle';

const port = parentPort!;
let credits = CREDITS;
let wake: (() => void) | undefined;
/** Columns of walked attempts the storing side wrote and sent back (walk-in-worker.ts). */
const recycled: Omit<EndedColumns, 'count'>[] = [];
port.on('message', (message: StoreMessage) => {
  if (message.type === 'request') start(message);
  else if (message.type === 'credit') {
    credits += message.count;
    wake?.();
  } else if (message.type === 'recycle') recycled.push(message.run);
});

/**
 * Files smaller than this are parsed as the storing thread parses them and coded by BatchCoder (the
 * same codes); larger ones from their bytes (readInputCoded). The byte path's set-up (a scanner, a
 * coded sink, three byte-keyed coders) is paid per file: reading alone, files of 10 rows (1.4 KB)
 * cost 12-15% more CPU from their bytes, of 100 rows 10% more, of 500 rows (73 KB) the same, of
 * 5,000 rows 13% less and a 100,000-row file 20% less.
 */
const CODED_FROM_BYTES = 64 * 1024;

/** Batches of fewer rows are copied into the post rather than their buffers transferred. */
const TRANSFER_ROWS = 256;

/** Messages not posted yet: posted together (see ParsePacket), POST_COST at a time. */
class Outbox {
  private messages: ParseMessage[] = [];
  private transfer: ArrayBuffer[] = [];
  private cost = 0;
  private posted = false;

  /** Adds a message once there are credits for it (posting what waits, so the storing side can give them). */
  async add(message: ParseMessage): Promise<void> {
    const cost = costOf(message);
    if (credits < cost) this.post();
    while (credits < cost) await new Promise<void>((resolve) => (wake = resolve));
    credits -= cost;
    this.messages.push(message);
    // Moving a buffer costs more than copying a few rows' worth of it.
    if (message.type === 'batch' && rowsOf(message.batch) >= TRANSFER_ROWS)
      this.transfer.push(...transferablesOf(message.batch));
    this.cost += cost;
    // The first file goes alone: the storing side starts on it while the worker reads on.
    if (this.cost >= POST_COST || (!this.posted && endsFile(message))) this.post();
  }

  post(): void {
    if (this.messages.length === 0) return;
    port.postMessage(this.messages, this.transfer);
    this.posted = true;
    this.messages = [];
    this.transfer = [];
    this.cost = 0;
  }
}

const outbox = new Outbox();

/** A group's files share their string codes (see GroupCoder); a file read alone codes each input anew. */
let groupCoder: GroupCoder | undefined;

async function readFile(path: string, file: number, walk: WalkLimits | undefined): Promise<void> {
  // Posting per chunk read would flood the port; the last byte always goes through.
  const postBytes = throttle<{ bytesRead: number; totalBytes: number }>(
    ({ bytesRead, totalBytes }) => void outbox.add({ file, type: 'bytes', bytesRead, totalBytes }),
    ({ bytesRead, totalBytes }) => bytesRead === totalBytes,
  );
  // The coders' bound, read at each batch: a walk raises it while it lives (walk-in-worker.ts).
  const bound = { kept: CODES_KEPT };
  // CSV event logs come out coded already (read from their bytes); the coder codes the others.
  const inputs = readInputCoded(path, {
    kept: bound,
    codedFrom: CODED_FROM_BYTES,
    onBytes: (bytesRead, totalBytes) => postBytes({ bytesRead, totalBytes }),
  });
  for await (const input of inputs) {
    const { name, size, container, kind, format } = input;
    await outbox.add({ file, type: 'input', name, size, container, kind, format });
    const coder = groupCoder ?? new BatchCoder(bound);
    const walker = walk ? new InputWalk(bound, walk, recycled) : undefined;
    for await (const parsed of input.batches) {
      const batch = coder.code(parsed);
      // Walked before it is posted (its arrays move to the storing thread), its attempts posted after
      // it (they name strings the batch brings).
      if (walker && batch.kind === 'event-log' && isCoded(batch)) walker.add(batch);
      await outbox.add({ file, type: 'batch', batch });
      if (walker) for (const walked of walker.take()) await outbox.add({ file, type: 'batch', batch: walked });
    }
    if (walker) for (const walked of walker.finish()) await outbox.add({ file, type: 'batch', batch: walked });
    await outbox.add({
      file,
      type: 'input-end',
      rowsRead: input.rowsRead(),
      skippedCounts: input.skipped.counts,
      skippedExamples: input.skipped.examples,
      sha256: input.sha256(),
      size: input.size,
    });
  }
}

async function run({ paths, groupCodes, walk }: ParseRequest): Promise<void> {
  if (groupCodes) groupCoder = new GroupCoder();
  for (const [file, path] of paths.entries()) {
    try {
      await readFile(path, file, walk);
      await outbox.add({ file, type: 'file-end' });
    } catch (error) {
      await outbox.add(
        error instanceof InputRefused
          ? { file, type: 'refused', name: error.file, reason: error.reason }
          : { file, type: 'failed', message: error instanceof Error ? error.message.split('\n')[0]! : String(error) },
      );
    }
  }
  outbox.post();
}

/** The worker may be started before its request is known (spare-parse-worker.ts): it reads once told what. */
function start(request: ParseRequest): void {
  run(request)
    // The last message is posted: end the thread now (its heap and string codes go back to the
    // system) rather than when the storing side, which builds attempts first, gets to terminate it.
    .finally(() => port.close());
}
