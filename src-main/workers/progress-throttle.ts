/**
 * Progress crosses a thread or process boundary at most this often: a few updates a second keep
 * a progress bar alive without flooding the receiving port or the window. One interval for the
 * parse worker's bytes, the import worker's progress and the window's progress events.
 */
import type { ImportProgress } from '../shared/import-types';

export const PROGRESS_INTERVAL_MS = 100;

/**
 * `send`, limited to one call per `intervalMs`; a value for which `mustSend` holds (a new file or
 * phase, the last byte) always goes through, so a change is never held back behind the interval.
 */
export function throttle<T>(
  send: (value: T) => void,
  mustSend: (value: T) => boolean,
  intervalMs: number = PROGRESS_INTERVAL_MS,
): (value: T) => void {
  let lastAt = Number.NEGATIVE_INFINITY;
  return (value) => {
    const now = Date.now();
    if (mustSend(value) || now - lastAt >= intervalMs) {
      lastAt = now;
      send(value);
    }
  };
}

/** An import's progress: the first update of every file and phase, and 'done', always go through. */
export function progressThrottle(
  send: (progress: ImportProgress) => void,
  intervalMs: number = PROGRESS_INTERVAL_MS,
): (progress: ImportProgress) => void {
  let lastKey = '';
  return throttle(
    send,
    (progress) => {
      const key = `${progress.fileIndex}:${progress.phase}`;
      const changed = key !== lastKey;
      lastKey = key;
      return changed || progress.phase === 'done';
    },
    intervalMs,
  );
}
