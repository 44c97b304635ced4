import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportProgress } from '../../../src-main/shared/import-types';
import { PROGRESS_INTERVAL_MS, progressThrottle, throttle } from '../../../src-main/workers/progress-throttle';

const p = (fileIndex: number, phase: ImportProgress['phase'], bytesRead: number): ImportProgress => ({
  file: `f${fileIndex}`,
  fileIndex,
  fileCount: 2,
  bytesRead,
  totalBytes: 100,
  rows: bytesRead,
  overallBytesRead: bytesRead,
  overallTotalBytes: 200,
  phase,
});

afterEach(() => vi.useRealTimers());

describe('throttle', () => {
  it('sends the first value, then one per interval, and every value that must be sent', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const sent: number[] = [];
    const send = throttle<number>(
      (n) => sent.push(n),
      (n) => n === 100,
    );
    send(1);
    send(2);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS - 1);
    send(3);
    vi.advanceTimersByTime(1);
    send(4);
    send(5);
    send(100);
    expect(sent).toEqual([1, 4, 100]);
  });
});

describe('progressThrottle', () => {
  it('passes the first event of each file and phase and every end, and thins the rest', () => {
    const sent: ImportProgress[] = [];
    const send = progressThrottle((e) => sent.push(e), 10_000);
    [
      p(0, 'reading', 1),
      p(0, 'reading', 2),
      p(0, 'reading', 3),
      p(0, 'attempts', 100),
      p(0, 'attempts', 100),
      p(0, 'done', 100),
      p(1, 'reading', 5),
    ].forEach(send);
    expect(sent.map((e) => `${e.fileIndex}:${e.phase}:${e.bytesRead}`)).toEqual([
      '0:reading:1',
      '0:attempts:100',
      '0:done:100',
      '1:reading:5',
    ]);
  });
});
