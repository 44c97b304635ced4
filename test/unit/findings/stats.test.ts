/** The findings' tests against reference values computed exactly (erfc of the z statistic; binomial tails as sums of exact binomial coefficients). */
import { describe, expect, it } from 'vitest';
import {
  equalPeriodCountTest,
  holmAdjust,
  normalTwoSidedP,
  robustScore,
  twoProportionTest,
} from '../../../src-main/findings/stats';

describe('normalTwoSidedP', () => {
  it('matches the normal table', () => {
    expect(normalTwoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(normalTwoSidedP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(normalTwoSidedP(0)).toBeCloseTo(1, 6);
    expect(normalTwoSidedP(Infinity)).toBe(0);
  });
});

describe('twoProportionTest', () => {
  it('30/100 against 50/100: z = -2.887, p = 0.003892 (prop.test without continuity correction)', () => {
    const test = twoProportionTest(30, 100, 50, 100)!;
    expect(test.z).toBeCloseTo(-2.886751, 5);
    expect(test.pValue).toBeCloseTo(0.003892, 5);
    expect(test.difference).toBeCloseTo(-0.2, 10);
  });

  it('70/280 against 56/280: p = 0.15656, not significant', () => {
    expect(twoProportionTest(70, 280, 56, 280)!.pValue).toBeCloseTo(0.156557, 6);
  });

  it('nothing to test without enrollments or without variance', () => {
    expect(twoProportionTest(0, 0, 5, 10)).toBeNull();
    expect(twoProportionTest(0, 10, 0, 10)).toBeNull();
    expect(twoProportionTest(10, 10, 20, 20)).toBeNull();
  });
});

describe('equalPeriodCountTest', () => {
  it('15 against 5: exact p = 0.04139 (binom.test(15, 20))', () => {
    expect(equalPeriodCountTest(15, 5)!.pValue).toBeCloseTo(0.041389, 5);
    expect(equalPeriodCountTest(5, 15)!.pValue).toBeCloseTo(0.041389, 5);
  });

  it('equal counts: p = 1; small counts: not significant', () => {
    expect(equalPeriodCountTest(10, 10)!.pValue).toBe(1);
    expect(equalPeriodCountTest(4, 1)!.pValue).toBeCloseTo(0.375, 6);
    expect(equalPeriodCountTest(0, 0)).toBeNull();
  });

  it('large counts stay exact (log-gamma cells): 5600 against 5400, p = 0.057771 (exact sum of binomial coefficients)', () => {
    expect(equalPeriodCountTest(5600, 5400)!.pValue).toBeCloseTo(0.0577715, 6);
  });
});

describe('holmAdjust', () => {
  it('step-down, monotone, capped at 1, in the given order', () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03]);
    expect(adjusted[0]).toBeCloseTo(0.03, 10);
    expect(adjusted[1]).toBeCloseTo(0.06, 10);
    expect(adjusted[2]).toBeCloseTo(0.06, 10);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});

describe('robustScore', () => {
  it('median and MAD of the baseline; the scale never below √median', () => {
    const score = robustScore(20, [4, 5, 6, 5, 4, 6, 5, 30])!;
    expect(score.median).toBe(5);
    expect(score.mad).toBe(1);
    expect(score.scale).toBeCloseTo(Math.sqrt(5), 10);
    expect(score.z).toBeCloseTo(15 / Math.sqrt(5), 10);
  });

  it('a flat baseline (MAD 0) of zeros: scale 1', () => {
    const score = robustScore(6, [0, 0, 0, 0, 0, 0, 0])!;
    expect(score.scale).toBe(1);
    expect(score.z).toBe(6);
  });

  it('a wide baseline: 1.4826 × MAD', () => {
    const score = robustScore(40, [10, 20, 30, 10, 20, 30, 20])!;
    expect(score.mad).toBe(10);
    expect(score.scale).toBeCloseTo(14.826, 10);
  });

  it('no baseline: no score', () => {
    expect(robustScore(3, [])).toBeNull();
  });
});
