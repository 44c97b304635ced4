/**
 * Properties over random event groups (fast-check): the spec 5 invariants, order independence,
 * and incremental refreshes agreeing with a single import and with a full rebuild.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { rebuildAllAttempts } from '../../../src-main/attempts/refresh';
import { computeReport } from '../../../src-main/report/compute-report';
import type { Report } from '../../../src-main/shared/report-types';
import {
  ACTION_NAMES,
  EVENT_TYPES,
  PLATFORMS,
  SECTIONS,
  USER_ACTIONS,
  type Platform,
  type Section,
} from '../../../src-main/shared/taxonomy';
import {
  attemptViews,
  bucketViews,
  bucketsVersusAttempts,
  importRows,
  removeTempCases,
  tempCase,
  type DetailsInput,
  type EventInput,
  type SummaryInput,
} from '../../helpers/case-builder';

afterEach(removeTempCases);

const T0 = Date.UTC(2025, 5, 1, 20, 0, 0);
const MINUTE = 60_000;
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kathmandu', 'Pacific/Chatham'];
const RANGE = { from: '2025-05-31', to: '2025-06-04' };
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 40) };

/** Offsets in ms from T0 that cluster near the 30-minute boundary now and then. */
const offset = fc.oneof(
  fc.integer({ min: 0, max: 3 * 24 * 60 }).map((m) => m * MINUTE),
  fc.integer({ min: 0, max: 3 * 24 * 60 * 60 }).map((s) => s * 1000),
  fc.constantFrom(30 * MINUTE, 30 * MINUTE + 1, 60 * MINUTE, 60 * MINUTE + 2),
);

const eventArb: fc.Arbitrary<EventInput> = fc.record({
  user: fc.constantFrom('ann', 'bob', 'cy', 'di'),
  platform: fc.constantFrom('ios' as const, 'android' as const),
  time: offset.map((o) => T0 + o),
  event: fc.constantFrom(...EVENT_TYPES),
  action: fc.option(fc.constantFrom(...ACTION_NAMES), { nil: undefined }),
  screen: fc.option(fc.constantFrom('Installing profile screen', 'installing profile screen ', 'Other screen'), {
    nil: undefined,
  }),
  device: fc.option(fc.constantFrom('dev-1', 'dev-2'), { nil: undefined }),
});

const detailsArb: fc.Arbitrary<DetailsInput> = fc.record({
  user: fc.constantFrom('ann', 'eve'),
  platform: fc.constantFrom('ios' as const, 'android' as const),
  time: offset.map((o) => T0 + o),
  userAction: fc.constantFrom(...USER_ACTIONS),
  action: fc.option(fc.constantFrom(...ACTION_NAMES), { nil: undefined }),
});

const summaryArb: fc.Arbitrary<SummaryInput> = fc.record({
  day: fc.constantFrom('2025-05-31', '2025-06-01', '2025-06-02', '2025-06-04'),
  platform: fc.constantFrom('ios' as const, 'android' as const, null),
  initiated: fc.integer({ min: 0, max: 9 }),
  incomplete: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
});

const subset = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.subarray([...items], { minLength: 1 });

function checkInvariants(report: Report, withSummaries = false): void {
  const { rollup } = report;
  let sectionsTotal = 0;
  for (const table of report.sections) {
    const daily = report.daily.reduce((sum, day) => sum + Number(day[table.section] ?? 0), 0);
    const rows = table.rows.reduce((sum, row) => sum + row.count, 0);
    expect(daily).toBe(table.incomplete);
    expect(rows).toBe(table.incomplete);
    for (const row of table.rows) expect(row.byPlatform['iOS/iPadOS'] + row.byPlatform.Android).toBe(row.count);
    sectionsTotal += table.incomplete;
  }
  expect(sectionsTotal).toBe(rollup.incomplete - rollup.unclassified);
  // Revision 2: Initiated sums the known cells only; the rate is what Incomplete counted there.
  if (rollup.initiated === null) {
    expect(rollup.incompleteRate).toBeNull();
  } else {
    const inKnownCells = rollup.incomplete - report.dataQuality.incompleteOutsideRate;
    if (rollup.initiated > 0) expect(rollup.incompleteRate! * rollup.initiated).toBeCloseTo(inKnownCells, 9);
    if (!withSummaries && report.coverage.unknownInitiatedDays.length === 0) {
      expect(rollup.initiated).toBeGreaterThanOrEqual(rollup.incomplete + rollup.inProgress);
    }
  }
  expect(report.daily).toHaveLength(5);
}

/** The report without the imports list (file names and hashes differ between cases). */
const withoutImports = (report: Report): Omit<Report, 'imports'> => {
  const { imports: _imports, ...rest } = report;
  return rest;
};

describe('report properties', () => {
  it('hold the spec 5 invariants for any events, details, zone and filter', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.array(detailsArb, { maxLength: 8 }),
        fc.array(summaryArb, { maxLength: 4 }),
        fc.constantFrom(...ZONES),
        subset<Platform>(PLATFORMS),
        subset<Section>(SECTIONS),
        (events, details, summaries, tz, platforms, sections) => {
          const db = tempCase();
          importRows(db, { events, details, summaries });
          const report = computeReport(db, { ...RANGE, tz, platforms, sections });
          checkInvariants(report, summaries.length > 0);
          // Summary-only counts are unclassified, and nothing of them counts under a section filter.
          expect(report.rollup.fromSummary).toBeLessThanOrEqual(report.rollup.unclassified);
          if (sections.length < SECTIONS.length)
            expect(report.rollup).toMatchObject({ fromSummary: 0, unclassified: 0 });
          const { buckets, expected } = bucketsVersusAttempts(db);
          expect(buckets).toEqual(expected);
          db.close();
        },
      ),
      RUNS,
    );
  });

  it('do not depend on the insertion order of events with distinct times', () => {
    const distinct = fc
      .uniqueArray(eventArb, { maxLength: 40, selector: (e) => e.time })
      .chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })));
    fc.assert(
      fc.property(distinct, fc.constantFrom(...ZONES), ([events, shuffled], tz) => {
        const one = tempCase();
        importRows(one, { events });
        const two = tempCase();
        importRows(two, { events: shuffled });
        expect(withoutImports(computeReport(two, { ...RANGE, tz }))).toEqual(
          withoutImports(computeReport(one, { ...RANGE, tz })),
        );
        expect(attemptViews(two)).toEqual(attemptViews(one));
        one.close();
        two.close();
      }),
      RUNS,
    );
  });

  it('split into two imports with incremental refreshes, give the same attempts as one import and as a full rebuild', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.nat(),
        fc.array(detailsArb, { maxLength: 4 }),
        (events, cut, details) => {
          const at = events.length === 0 ? 0 : cut % (events.length + 1);
          // Lines keep file order across the split: the second import's rows follow the first's.
          const lined = events.map((e, i) => ({ ...e, line: i + 2 }));
          const single = tempCase();
          importRows(single, { events: lined, details });
          const split = tempCase();
          importRows(split, { events: lined.slice(0, at), details: details.slice(0, 2) });
          importRows(split, { events: lined.slice(at), details: details.slice(2) });
          const expected = attemptViews(single);
          expect(attemptViews(split)).toEqual(expected);
          expect(bucketViews(split)).toEqual(bucketViews(single));
          const { buckets, expected: grouped } = bucketsVersusAttempts(split);
          expect(buckets).toEqual(grouped);
          split.transaction(() => rebuildAllAttempts(split))();
          expect(attemptViews(split)).toEqual(expected);
          single.close();
          split.close();
        },
      ),
      RUNS,
    );
  });
});
