/**
 * Each finding opens the drill-down on exactly the attempts it counts: the app's mapping
 * (finding-drill.ts) turned into the drill-down's query (drillQuery) and run by the engine's
 * listAttempts on the planted case the findings came from.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reportWithFindings } from '../../../src-main/findings/gather';
import { listAttempts } from '../../../src-main/insights/attempts';
import type { Finding } from '../../../src-main/shared/findings-types';
import { drillOf } from '../../../src-renderer/components/findings/finding-drill';
import { drillQuery, type DrillState } from '../../../src-renderer/store/drilldown-slice';
import { importRows, removeTempCases, tempCase, type Db } from '../../helpers/case-builder';
import { everyDay, importPlanned, plantedMonth } from '../../helpers/findings-case';

afterEach(removeTempCases);

const FILTER = { from: '2025-05-15', to: '2025-05-28', tz: 'UTC' };

/** The total the drill-down shows for a finding (null: the finding opens nothing). */
function drilled(db: Db, finding: Finding): { total: number; expected: number | null } | null {
  const drill = drillOf(finding);
  if (!drill) return null;
  const state: DrillState = {
    target: drill.target,
    title: drill.title,
    expected: drill.expected,
    search: '',
    outcome: 'incomplete',
    platform: drill.platform ?? 'any',
    sort: { key: 'started', direction: 'asc' },
    offset: 0,
    page: null,
    status: 'loading',
    error: null,
  };
  return { total: listAttempts(db, { ...FILTER, ...drillQuery(state) }).total, expected: drill.expected };
}

describe('drillOf', () => {
  it('rows, the unusual day, the platform gap and the rate change open the attempts they count', () => {
    const db = tempCase();
    importPlanned(db, plantedMonth());
    const { report, findings } = reportWithFindings(db, FILTER);
    const seen = new Set<string>();
    for (const finding of findings) {
      const shown = drilled(db, finding);
      if (finding.kind.startsWith('caveat-')) {
        expect(shown).toBeNull();
        continue;
      }
      seen.add(finding.kind);
      expect(shown).not.toBeNull();
      if (shown!.expected !== null) expect(shown!.total).toBe(shown!.expected);
      if (finding.kind === 'platform-gap') {
        const ios = reportWithFindings(db, { ...FILTER, platforms: ['iOS/iPadOS'] }).report;
        expect(shown!.total).toBe(ios.rollup.incomplete);
      }
      if (finding.kind === 'rate-change') expect(shown!.total).toBe(report.rollup.incomplete);
    }
    expect([...seen].sort()).toEqual(['platform-gap', 'rate-change', 'unusual-day', 'where-users-stop']);
  });

  it('a count change (details alone) opens the incomplete attempts it counts', () => {
    const db = tempCase();
    // 1 decline a day, then 3 from 15 May; the first row just after midnight, the last just before (whole days).
    const hours = (i: number, k: number): string =>
      i === 27 && k === 2 ? '23:55' : i === 0 ? '00:05' : `${String(1 + k * 5).padStart(2, '0')}:00`;
    importRows(db, {
      details: everyDay('2025-05-01', 28, () => ({ platform: 'ios', started: 0 })).flatMap((plan, i) =>
        Array.from({ length: i < 14 ? 1 : 3 }, (_, k) => ({
          user: `u${i}-${k}`,
          platform: 'ios' as const,
          time: `${plan.date}T${hours(i, k)}:00`,
          action: 'TermsofUse' as const,
          userAction: 'Decline All' as const,
        })),
      ),
    });
    const counts = reportWithFindings(db, FILTER).findings.filter((f) => f.kind === 'count-change');
    expect(counts.length).toBeGreaterThan(0);
    for (const finding of counts) {
      const shown = drilled(db, finding)!;
      expect(shown.total).toBe(shown.expected);
    }
  });
});
