/** The section funnel (spec 7): a hand-computed case, percentiles, and the generator's ground truth. */
import { afterEach, describe, expect, it } from 'vitest';
import { computeFunnel, percentile } from '../../../src-main/funnel/funnel';
import { computeReport, ReportInputError } from '../../../src-main/report/compute-report';
import { SECTIONS } from '../../../src-main/shared/taxonomy';
import { syntheticAttempts, syntheticEvents, type SyntheticOptions } from '../../../src-main/tools/synthetic-log';
import { attemptFrom, importRows, removeTempCases, tempCase } from '../../helpers/case-builder';
import { insertSyntheticEvents } from '../../helpers/generate-case';
import { funnelAttempts, referenceFunnel } from '../../helpers/reference-funnel';
import { rebuildAllAttempts } from '../../../src-main/attempts/refresh';

afterEach(removeTempCases);

const MIN = 60_000;

function handCase() {
  const db = tempCase();
  const a = attemptFrom('a', 'ios', '2025-06-01T09:00:00');
  const b = attemptFrom('b', 'ios', '2025-06-01T10:00:00');
  const c = attemptFrom('c', 'ios', '2025-06-01T11:00:00');
  const d = attemptFrom('d', 'ios', '2025-06-02T08:00:00');
  const e = attemptFrom('e', 'ios', '2025-06-02T09:00:00');
  const f = attemptFrom('f', 'ios', '2025-06-02T10:00:00');
  const h = attemptFrom('h', 'android', '2025-06-03T09:00:00');
  const i = attemptFrom('i', 'android', '2025-06-02T13:00:00');
  importRows(db, {
    events: [
      // A completes (reached every section).
      a(0, 'start'),
      a(1, 'step', 'PreEnrollmentWizard'),
      a(2, 'step', 'iOSProfileLaunch'),
      a(3, 'complete'),
      // B ignores the profile after 5 minutes: reached Setup Checklist and Platform Screens.
      b(0, 'start'),
      b(1, 'step', 'PreEnrollmentWizard'),
      b(3, 'step', 'iOSProfileLaunch'),
      b(5, 'ignore'),
      // C jumps to the terms (earlier sections not configured: passed through) and declines at 12 minutes.
      c(0, 'start'),
      c(10, 'step', 'TermsofUse'),
      c(12, 'declineall'),
      // D and E stop in Setup Checklist after 2 and 4 minutes.
      d(0, 'start'),
      d(1, 'step', 'EnrollmentWrapUp'),
      d(2, 'cancel'),
      e(0, 'start'),
      e(1, 'step', 'EnrollmentWrapUp'),
      e(4, 'appclosed'),
      // F closes the app before any action name: unclassified, reached nothing.
      f(0, 'start'),
      f(1, 'appclosed'),
      // I cancels device administrator after 9 minutes; H is still in progress at the case's end.
      i(0, 'start'),
      i(1, 'step', 'AndroidPermissions'),
      i(9, 'cancel'),
      h(0, 'start'),
      h(5, 'step', 'AndroidPermissions'),
    ],
  });
  // G: a details row at Compliance reached the sections up to its own; its start is its time.
  importRows(db, {
    details: [{ user: 'g', time: '2025-06-02T12:00:00', userAction: 'Postpone', action: 'Compliance' }],
  });
  return db;
}

describe('computeFunnel', () => {
  it('counts a hand-computed case', () => {
    const db = handCase();
    const funnel = computeFunnel(db, { from: '2025-06-01', to: '2025-06-03' });
    expect(funnel).toEqual({
      range: { from: '2025-06-01', to: '2025-06-03', tz: 'UTC' },
      platforms: ['iOS/iPadOS', 'Android'],
      initiated: 9,
      attempts: 9,
      caveats: [],
      caveatItems: [],
      completed: 1,
      inProgress: 1,
      incomplete: 7,
      unclassified: 1,
      completionRate: 1 / 9,
      sections: [
        {
          section: 'Setup Checklist',
          reached: 8,
          incomplete: 2,
          stepConversion: 6 / 8,
          overallConversion: 8 / 9,
          medianMs: 2 * MIN,
          p75Ms: 4 * MIN,
        },
        {
          section: 'Platform Screens',
          reached: 6,
          incomplete: 2,
          stepConversion: 3 / 6,
          overallConversion: 6 / 9,
          medianMs: 5 * MIN,
          p75Ms: 9 * MIN,
        },
        {
          section: 'Terms of Use',
          reached: 3,
          incomplete: 1,
          stepConversion: 2 / 3,
          overallConversion: 3 / 9,
          medianMs: 12 * MIN,
          p75Ms: 12 * MIN,
        },
        {
          section: 'Compliance/Activation',
          reached: 2,
          incomplete: 1,
          stepConversion: null,
          overallConversion: 2 / 9,
          medianMs: 0,
          p75Ms: 0,
        },
      ],
    });
    // The funnel's stops add up to the report's incomplete count.
    const report = computeReport(db, { from: '2025-06-01', to: '2025-06-03' });
    expect(funnel.sections.reduce((s, x) => s + x.incomplete, 0) + funnel.unclassified).toBe(report.rollup.incomplete);
    expect(funnel.initiated).toBe(report.rollup.initiated);
  });

  it('follows the platform and date filters; the section filter does not apply', () => {
    const db = handCase();
    const android = computeFunnel(db, { from: '2025-06-01', to: '2025-06-03', platforms: ['Android'] });
    expect(android.initiated).toBe(2);
    expect(android.sections.map((s) => [s.reached, s.incomplete, s.stepConversion])).toEqual([
      [2, 0, 1],
      [2, 1, 0],
      [0, 0, null],
      [0, 0, null],
    ]);
    const later = computeFunnel(db, { from: '2025-06-02', to: '2025-06-03', sections: ['Terms of Use'] });
    expect(later.initiated).toBe(6);
    expect(later.sections.map((s) => s.section)).toEqual([...SECTIONS]);
    // Berlin: A..C still on June 1, D..I on June 2 and 3.
    expect(computeFunnel(db, { from: '2025-06-01', to: '2025-06-01', tz: 'Europe/Berlin' }).initiated).toBe(3);
  });

  it('is empty but well formed without attempts, and refuses a bad filter', () => {
    const funnel = computeFunnel(tempCase(), { from: '2025-06-01', to: '2025-06-14' });
    // Revision 2: no cell is known in an empty case, so the base is unknown (null), not 0.
    expect(funnel.initiated).toBeNull();
    expect(funnel.attempts).toBe(0);
    expect(funnel.completionRate).toBeNull();
    expect(funnel.sections.every((s) => s.reached === 0 && s.stepConversion === null && s.medianMs === null)).toBe(
      true,
    );
    expect(() => computeFunnel(tempCase(), { tz: 'Nowhere/City' })).toThrow(ReportInputError);
  });
});

describe('percentile (nearest rank)', () => {
  it('returns an observed value at rank ceil(p * n)', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([7], 0.75)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.75)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 0.75)).toBe(4);
  });
});

describe('computeFunnel against an independent reading of spec 7 over generated logs', () => {
  it.each<SyntheticOptions>([
    { seed: 3, events: 15_000, days: 12, endDay: '2025-06-30' },
    { seed: 21, events: 6_000, days: 4, endDay: '2025-02-28', users: 60 },
  ])('seed $seed', (options) => {
    const db = tempCase();
    insertSyntheticEvents(db, options);
    db.transaction(() => rebuildAllAttempts(db))();
    const reference = funnelAttempts(syntheticEvents(options));
    for (const [from, to] of [
      ['2025-01-01', options.endDay],
      [options.endDay, options.endDay],
    ] as const) {
      const funnel = computeFunnel(db, { from, to });
      const expected = referenceFunnel(
        reference,
        Date.parse(`${from}T00:00:00Z`),
        Date.parse(`${to}T00:00:00Z`) + 86_400_000,
      );
      expect(funnel).toMatchObject(expected);
    }
    // The generator's own ground truth agrees on outcomes and where attempts stopped.
    const truth = syntheticAttempts(options);
    const all = computeFunnel(db, { from: '2025-01-01', to: options.endDay });
    expect(all.initiated).toBe(truth.length);
    expect(all.completed).toBe(truth.filter((a) => a.outcome === 'complete').length);
    expect(all.inProgress).toBe(truth.filter((a) => a.outcome === 'in progress').length);
    for (const step of all.sections) {
      expect(step.incomplete).toBe(
        truth.filter((a) => a.outcome === 'incomplete' && a.section === step.section).length,
      );
    }
  });
});
