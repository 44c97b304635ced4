/**
 * Whether this thread's heap has room to parse a JSON document whole. JSON.parse allocates the
 * whole document without giving V8 a chance to stop it: past the heap limit that is a V8 abort of
 * the process (in a worker too: Node's out-of-memory stop needs the code to reach a safe point), so
 * a document that cannot fit is refused before the parse instead.
 */
import { getHeapStatistics } from 'node:v8';
import { formatBytes } from './limits';

/** Heap per character of a parsed document's text: 186 MB of events took 441 MB of heap (2.4), plus a margin. */
export const JSON_HEAP_PER_CHAR = 3;

/** The refusal of a document of `chars` characters when the heap has not room for it; undefined when it has. */
export function jsonHeapRefusal(chars: number): string | undefined {
  const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
  const needed = chars * JSON_HEAP_PER_CHAR;
  const room = Math.max(0, limit - used);
  if (needed <= room) return undefined;
  return (
    `reading this ${formatBytes(chars)} JSON document whole needs about ${formatBytes(needed)} of memory, ` +
    `more than the ${formatBytes(room)} left: export it as CSV or NDJSON, which are read as a stream`
  );
}
