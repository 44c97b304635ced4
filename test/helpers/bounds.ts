/**
 * Time and memory bounds of one piece of work in this process: wall time, and how far the resident
 * set grew above where it started (sampled every few milliseconds, and at the end).
 */
export interface Bounded<T> {
  readonly value?: T;
  readonly error?: unknown;
  readonly ms: number;
  /** Peak RSS growth over the start, in MB. */
  readonly rssGrowthMb: number;
}

export async function bounded<T>(work: () => Promise<T>): Promise<Bounded<T>> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const sample = (): void => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    const value = await work();
    sample();
    return { value, ms: performance.now() - started, rssGrowthMb: (peak - start) / 1e6 };
  } catch (error) {
    sample();
    return { error, ms: performance.now() - started, rssGrowthMb: (peak - start) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

/** Rejects when `promise` takes longer than `ms` (the work itself is not stopped). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
