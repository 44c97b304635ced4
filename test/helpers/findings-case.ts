/**
 * Planted data for the findings' tests: per day and platform, how many attempts started and where
 * the incomplete ones stopped. Each attempt is its own user (no 30-minute interplay); a day's
 * attempts are spread from 00:10 to 23:50 (or to `endMinute`, which makes a partial last day).
 */
import type { ActionName, EventType } from '../../src-main/shared/taxonomy';
import { importRows, type Db } from './case-builder';
import type { TestEvent } from './event-log';

export type StopEvent = 'cancel' | 'postpone' | 'ignore' | 'declineall' | 'appclosed';

export interface Stop {
  readonly action: ActionName | null;
  readonly event: StopEvent;
  readonly count: number;
}

export interface DayPlan {
  readonly date: string;
  readonly platform: 'ios' | 'android';
  readonly started: number;
  readonly stops?: readonly Stop[];
  /** The day's data ends at this minute of the day (default 1430 = 23:50). */
  readonly endMinute?: number;
}

/** One DayPlan per day from `from` for `days` days. */
export function everyDay(
  from: string,
  days: number,
  plan: (date: string, index: number) => Omit<DayPlan, 'date'> | readonly Omit<DayPlan, 'date'>[],
): DayPlan[] {
  const out: DayPlan[] = [];
  for (let i = 0; i < days; i++) {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const plans = plan(date, i);
    for (const p of Array.isArray(plans) ? plans : [plans]) out.push({ ...(p as Omit<DayPlan, 'date'>), date });
  }
  return out;
}

export function plannedEvents(plans: readonly DayPlan[]): TestEvent[] {
  const events: TestEvent[] = [];
  for (const plan of plans) {
    const first = 10;
    const last = plan.endMinute ?? 1430;
    const kinds: (Stop | null)[] = [];
    for (const stop of plan.stops ?? []) for (let i = 0; i < stop.count; i++) kinds.push(stop);
    if (kinds.length > plan.started) throw new Error(`more stops than started on ${plan.date}`);
    while (kinds.length < plan.started) kinds.push(null);
    kinds.forEach((stop, i) => {
      const minute = kinds.length === 1 ? first : first + Math.floor((i * (last - first)) / (kinds.length - 1));
      const t0 = Date.parse(`${plan.date}T00:00:00Z`) + minute * 60_000;
      const at = (seconds: number): string => new Date(t0 + seconds * 1000).toISOString();
      const user = `${plan.platform}-${plan.date}-${i}`;
      const base = { user, platform: plan.platform };
      if (stop === null) {
        events.push({ ...base, time: at(0), event: 'complete' });
      } else {
        events.push({ ...base, time: at(0), event: 'start', ...(stop.action ? { action: stop.action } : {}) });
        events.push({ ...base, time: at(20), event: stop.event, ...(stop.action ? { action: stop.action } : {}) });
      }
    });
  }
  return events;
}

/** Imports the planned attempts into a case the way the store does (one transaction, then attempts). */
export function importPlanned(db: Db, plans: readonly DayPlan[]): void {
  importRows(db, {
    events: plannedEvents(plans).map((e) => ({
      user: e.user,
      platform: e.platform as 'ios' | 'android',
      time: e.time,
      event: e.event as EventType,
      ...(e.action ? { action: e.action as ActionName } : {}),
    })),
    mode: 'auto',
  });
}

/**
 * 1-28 May 2025, 20 attempts a day on each platform: iOS about 40% incomplete against Android's
 * 20% throughout (a platform gap); iOS ignores rise from 5 to 7 a day in the second half (a rate
 * change); 12 declines on 25 May against 1 on other days (an unusual day).
 */
export function plantedMonth(): DayPlan[] {
  const ignore = (count: number): Stop => ({ action: 'iOSProfileLaunch', event: 'ignore', count });
  const decline = (count: number): Stop => ({ action: 'TermsofUse', event: 'declineall', count });
  const cancel = (count: number): Stop => ({ action: 'AndroidPermissions', event: 'cancel', count });
  return everyDay('2025-05-01', 28, (_date, i) => [
    { platform: 'ios', started: 20, stops: [ignore(i < 14 ? 5 : 7), decline(i === 24 ? 12 : 1)] },
    { platform: 'android', started: 20, stops: [cancel(3), decline(1)] },
  ]);
}
