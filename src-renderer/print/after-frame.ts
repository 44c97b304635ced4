/**
 * "After the next frame", for the print route's ready mark. The frame is the primary signal: once
 * it has come, layout and paint of what React committed with the chart are done. A window that is
 * never shown may not produce frames (its compositor can be throttled or stopped), and the printer
 * would then wait for its whole timeout; so a fallback also runs `done` once the page's task queue
 * has drained past the chart's render (a MessageChannel round-trip) and a short grace has passed.
 * printToPDF lays the page out itself, so ready without a painted frame is still a correct print.
 */

export interface FrameScheduler {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  /** Calls back after the tasks already queued (a MessageChannel message). */
  afterQueuedTasks(callback: () => void): void;
}

/** The grace after the queued tasks before the fallback fires (frames come every ~16 ms when they come). */
export const FRAME_FALLBACK_MS = 250;

export const browserScheduler = (): FrameScheduler => ({
  requestAnimationFrame: (callback) => window.requestAnimationFrame(callback),
  cancelAnimationFrame: (handle) => window.cancelAnimationFrame(handle),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle),
  afterQueuedTasks: (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
  },
});

/** Runs `done` exactly once: after the next frame, or by the fallback if no frame comes. Reports which. */
export function afterNextFrame(
  done: (by: 'frame' | 'fallback') => void,
  scheduler: FrameScheduler = browserScheduler(),
  fallbackMs: number = FRAME_FALLBACK_MS,
): void {
  let finished = false;
  let timer: number | null = null;
  const finish = (by: 'frame' | 'fallback'): void => {
    if (finished) return;
    finished = true;
    if (by === 'frame' && timer !== null) scheduler.clearTimeout(timer);
    if (by === 'fallback') scheduler.cancelAnimationFrame(frame);
    done(by);
  };
  const frame = scheduler.requestAnimationFrame(() => finish('frame'));
  scheduler.afterQueuedTasks(() => {
    if (!finished) timer = scheduler.setTimeout(() => finish('fallback'), fallbackMs);
  });
}
