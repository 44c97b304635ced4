/**
 * The statistical tests the findings rest on, over simple-statistics (errorFunction for the normal
 * tail, binomialDistribution for the exact test, median and MAD). Plain functions of counts.
 */
import { binomialDistribution, errorFunction, median, medianAbsoluteDeviation } from 'simple-statistics';

/**
 * Two-sided p-value of a standard normal statistic: P(|Z| >= |z|) = 1 - erf(|z| / √2).
 * simple-statistics' errorFunction is accurate to about 1.2e-7, ample against a 0.05 threshold.
 */
export function normalTwoSidedP(z: number): number {
  if (!Number.isFinite(z)) return 0;
  return Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
}

export interface ProportionTest {
  readonly rate1: number;
  readonly rate2: number;
  /** rate1 - rate2. */
  readonly difference: number;
  readonly z: number;
  readonly pValue: number;
}

/**
 * Two-proportion z-test with the pooled standard error (x1 of n1 against x2 of n2); null when
 * either n is 0 or the pooled rate is 0 or 1 (no variance: nothing to test).
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): ProportionTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const rate1 = x1 / n1;
  const rate2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return null;
  const z = (rate1 - rate2) / se;
  return { rate1, rate2, difference: rate1 - rate2, z, pValue: normalTwoSidedP(z) };
}

/**
 * Two counts of periods of equal length (rates per enrollment unknown): under no change each of
 * the current + previous events falls in either period with probability ½, so the current count
 * given the sum is Binomial(sum, ½). Exact two-sided p-value: 2 × P(X <= min(k, sum - k)), capped
 * at 1 (the distribution is symmetric). null when both counts are 0.
 */
export function equalPeriodCountTest(current: number, previous: number): { pValue: number } | null {
  const total = current + previous;
  if (total <= 0) return null;
  const cells = binomialDistribution(total, 0.5);
  if (cells === undefined) {
    // Past the library's table (a million cells): the normal approximation is exact enough there.
    return { pValue: normalTwoSidedP((current - total / 2) / Math.sqrt(total / 4)) };
  }
  const low = Math.min(current, previous);
  let tail = 0;
  for (let k = 0; k <= low; k++) tail += cells[k] ?? 0;
  return { pValue: Math.min(1, 2 * tail) };
}

/**
 * Holm's step-down adjustment of p-values (same order as given): controls the chance of any false
 * finding among the tests made together at the chosen level.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(pValues.length);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (pValues.length - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

export interface RobustScore {
  readonly median: number;
  readonly mad: number;
  /** The spread the score is measured in: max(1.4826 × MAD, √max(median, 1)). */
  readonly scale: number;
  readonly z: number;
}

/**
 * How far `value` lies above a baseline, robustly: (value - median) / scale. 1.4826 × MAD
 * estimates a normal standard deviation; counts are at least Poisson-noisy, so the scale never
 * drops below √median (nor 1): a baseline of identical days (MAD 0) does not make every change
 * infinitely unusual.
 */
export function robustScore(value: number, baseline: readonly number[]): RobustScore | null {
  if (baseline.length === 0) return null;
  const mid = median([...baseline]);
  const mad = medianAbsoluteDeviation([...baseline]);
  const scale = Math.max(1.4826 * mad, Math.sqrt(Math.max(mid, 1)));
  return { median: mid, mad, scale, z: (value - mid) / scale };
}
