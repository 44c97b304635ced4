/**
 * The storing thread's guard against its heap limit. The parse and import workers are stopped by
 * Node at theirs (workers/memory-limit.ts), but the command line stores in its own main thread,
 * where reaching the limit is a V8 abort with a stack trace. The store looks at its heap once per
 * stored batch and refuses the file cleanly (rolled back, in the parse worker's words) before the
 * limit is reached. A look costs ~1 µs. What follows the store (attempts, report) works by pages
 * of users whatever the data's size.
 */
import { getHeapStatistics } from 'node:v8';

/**
 * Room kept below the heap limit: a tenth of it, and at least what one batch can allocate between
 * two looks (a small file is parsed in the storing thread: 2,500 rows, a few MB). Garbage counts
 * as used, which errs on the side of refusing: V8 collects more often near its limit.
 */
const ROOM_SHARE = 0.1;
const ROOM_MIN_BYTES = 32 * 2 ** 20;

export function nearHeapLimit(): boolean {
  const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
  return used > limit - Math.max(limit * ROOM_SHARE, ROOM_MIN_BYTES);
}
