/**
 * An independent reading of spec 7 (the section funnel) over the synthetic generator's rows,
 * written from the spec for the tests, sharing no code with src-main/attempts or the engine's funnel:
 * rows validated as spec 3 says (reference-sessionize's validate), walked as spec 4 says (with the
 * project's documented reading that any event naming an action name moves the position), each
 * attempt's reached sections kept as a set, then counted per section.
 */
import {
  SECTIONS,
  SECTION_OF_ACTION,
  USER_ACTION_OF_EVENT,
  type ActionName,
  type Section,
} from '../../src-main/shared/taxonomy';
import type { SyntheticEvent } from '../../src-main/tools/synthetic-log';
import { validate, type ValidRow } from '../unit/tools/reference-sessionize';

const GAP = 30 * 60_000;

export interface FunnelAttempt {
  startMs: number;
  endMs: number;
  outcome: 'complete' | 'incomplete' | 'in progress';
  platform: string;
  /** Sections reached, by index in flow order. */
  reached: Set<number>;
  /** Section of an incomplete attempt; null when unclassified or not incomplete. */
  section: Section | null;
}

const sectionIndex = (action: ActionName): number => SECTIONS.indexOf(SECTION_OF_ACTION[action]);

export function funnelAttempts(rows: Iterable<SyntheticEvent>): FunnelAttempt[] {
  const valid: ValidRow[] = [];
  let line = 2;
  for (const row of rows) {
    const checked = validate(row, line++);
    if (typeof checked !== 'string') valid.push(checked);
  }
  const latest = valid.reduce((max, r) => Math.max(max, r.timeMs), -Infinity);
  const groups = new Map<string, ValidRow[]>();
  for (const row of valid) {
    const key = `${row.user}\u0000${row.platform}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  const out: FunnelAttempt[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.timeMs - b.timeMs || a.line - b.line);
    let open: { startMs: number; lastMs: number; action?: ActionName; reached: Set<number> } | undefined;
    const close = (outcome: FunnelAttempt['outcome'], endMs: number, action?: ActionName): void => {
      if (!open) return;
      const reached = outcome === 'complete' ? new Set(SECTIONS.map((_, i) => i)) : open.reached;
      out.push({
        startMs: open.startMs,
        endMs,
        outcome,
        platform: group[0]!.platform,
        reached,
        section: outcome === 'incomplete' && action !== undefined ? SECTION_OF_ACTION[action] : null,
      });
      open = undefined;
    };
    for (const ev of group) {
      if (open && ev.timeMs - open.lastMs > GAP) close('incomplete', open.lastMs, open.action);
      if (open && ev.event === 'start') close('incomplete', open.lastMs, open.action);
      if (!open) open = { startMs: ev.timeMs, lastMs: ev.timeMs, reached: new Set() };
      open.lastMs = ev.timeMs;
      if (ev.action !== undefined) {
        open.action = ev.action;
        // Naming an action of section i passes through every section before it.
        for (let i = 0; i <= sectionIndex(ev.action); i++) open.reached.add(i);
      }
      if (USER_ACTION_OF_EVENT[ev.event] !== undefined) close('incomplete', ev.timeMs, open.action);
      else if (ev.event === 'complete') close('complete', ev.timeMs);
    }
    if (open) {
      const o = open as { lastMs: number; action?: ActionName };
      close(latest - o.lastMs > GAP ? 'incomplete' : 'in progress', o.lastMs, o.action);
    }
  }
  return out;
}

const nearestRank = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1]!;
};

/** The funnel of attempts that started in [loMs, hiMs). */
export function referenceFunnel(attempts: readonly FunnelAttempt[], loMs: number, hiMs: number) {
  const inRange = attempts.filter((a) => a.startMs >= loMs && a.startMs < hiMs);
  const initiated = inRange.length;
  const reached = SECTIONS.map((_, i) => inRange.filter((a) => a.reached.has(i)).length);
  return {
    initiated,
    completed: inRange.filter((a) => a.outcome === 'complete').length,
    inProgress: inRange.filter((a) => a.outcome === 'in progress').length,
    incomplete: inRange.filter((a) => a.outcome === 'incomplete').length,
    unclassified: inRange.filter((a) => a.outcome === 'incomplete' && a.section === null).length,
    sections: SECTIONS.map((section, i) => {
      const stopped = inRange
        .filter((a) => a.outcome === 'incomplete' && a.section === section)
        .map((a) => a.endMs - a.startMs);
      const next = reached[i + 1];
      return {
        section,
        reached: reached[i]!,
        incomplete: stopped.length,
        stepConversion: next === undefined || reached[i] === 0 ? null : next / reached[i]!,
        overallConversion: initiated === 0 ? null : reached[i]! / initiated,
        medianMs: nearestRank(stopped, 0.5),
        p75Ms: nearestRank(stopped, 0.75),
      };
    }),
  };
}
