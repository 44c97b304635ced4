import { describe, expect, it } from 'vitest';
import { FRAME_FALLBACK_MS, afterNextFrame, type FrameScheduler } from '../../../src-renderer/print/after-frame';

/** A scheduler driven by hand: frames, queued tasks and timers run only when the test says. */
function manualScheduler() {
  let next = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { callback: () => void; ms: number }>();
  const tasks: (() => void)[] = [];
  const scheduler: FrameScheduler = {
    requestAnimationFrame: (callback) => {
      frames.set(next, callback);
      return next++;
    },
    cancelAnimationFrame: (handle) => void frames.delete(handle),
    setTimeout: (callback, ms) => {
      timers.set(next, { callback, ms });
      return next++;
    },
    clearTimeout: (handle) => void timers.delete(handle),
    afterQueuedTasks: (callback) => void tasks.push(callback),
  };
  return {
    scheduler,
    frame: () => [...frames.values()].splice(0).forEach((callback) => callback()),
    drainTasks: () => tasks.splice(0).forEach((callback) => callback()),
    fireTimers: () => [...timers.values()].forEach(({ callback }) => callback()),
    timers,
    frames,
  };
}

describe('afterNextFrame', () => {
  it('a frame that comes marks ready once, by the frame, and stops the fallback', () => {
    const clock = manualScheduler();
    const calls: string[] = [];
    afterNextFrame((by) => calls.push(by), clock.scheduler);
    clock.drainTasks();
    expect(clock.timers.size).toBe(1);
    expect([...clock.timers.values()][0]!.ms).toBe(FRAME_FALLBACK_MS);
    clock.frame();
    expect(calls).toEqual(['frame']);
    expect(clock.timers.size).toBe(0);
    clock.fireTimers();
    expect(calls).toEqual(['frame']);
  });

  it('a hidden window that never produces a frame is marked ready by the fallback, after the queued tasks', () => {
    const clock = manualScheduler();
    const calls: string[] = [];
    afterNextFrame((by) => calls.push(by), clock.scheduler);
    // No timer before the tasks queued with the chart's render have run.
    expect(clock.timers.size).toBe(0);
    clock.drainTasks();
    clock.fireTimers();
    expect(calls).toEqual(['fallback']);
    // The frame request was withdrawn; a late frame changes nothing.
    expect(clock.frames.size).toBe(0);
  });

  it('a frame before the queued tasks ran: no fallback timer is ever started', () => {
    const clock = manualScheduler();
    const calls: string[] = [];
    afterNextFrame((by) => calls.push(by), clock.scheduler);
    clock.frame();
    clock.drainTasks();
    expect(clock.timers.size).toBe(0);
    expect(calls).toEqual(['frame']);
  });
});
