/**
 * Workers' heap limits, and what the user reads when one is reached. A worker that reaches its
 * limit is stopped by Node with ERR_WORKER_OUT_OF_MEMORY (the rest of the process goes on), where
 * the same limit in the process's own thread is a V8 abort with a stack trace: the heavy work of
 * an import runs in workers so that running out of memory is one clear line and a rolled-back file.
 */
import type { ResourceLimits } from 'node:worker_threads';

/**
 * The parse worker's young generation (V8's default is up to 3 x 16 MB on 64-bit). Its rows die
 * young either way (batches of 2,500 rows, see import/batch-builders.ts); a smaller nursery is
 * collected a little more often and takes less memory. Measured (`report FILE`, peak RSS): 1M
 * events 191 -> 175 MB, 1M single-event users 270 -> 258 MB, no measurable CPU time. The old
 * generation keeps V8's default limit: a JSON document is parsed whole (import/limits.ts).
 */
export const PARSE_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16 };

/** Whether a worker's 'error' is Node stopping it at its heap limit. */
export function isWorkerOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** A file whose reading ran out of memory: rolled back like any refused file. */
export function parseOutOfMemoryReason(rows: number): string {
  return (
    `the import ran out of memory after ${rows.toLocaleString('en-US')} rows of this file: nothing of it was stored; ` +
    'split it into smaller files, or close other programs, and import it again'
  );
}

/** The import worker (the app's) stopped at its heap limit: its transaction was never committed. */
export const IMPORT_OUT_OF_MEMORY =
  'the import ran out of memory and stopped: the files it had not reported as imported were not stored; ' +
  'import them again in smaller parts, or close other programs first';
