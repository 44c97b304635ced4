/**
 * Cross-check with an independent reading of spec 4: the synthetic log generator
 * (src-main/tools/synthetic-log.ts) knows which attempts its log must produce. Its good rows go
 * into a case through the same SQL the store uses, and refreshAttempts must derive exactly those
 * attempts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticAttempts, syntheticEvents, type SyntheticOptions } from '../../../src-main/tools/synthetic-log';
import { parseActionName, parseEventType, parsePlatform } from '../../../src-main/shared/taxonomy';
import { attemptViews, importRows, removeTempCases, tempCase, type EventInput } from '../../helpers/case-builder';

afterEach(removeTempCases);

function eventInputs(options: SyntheticOptions): EventInput[] {
  const events: EventInput[] = [];
  for (const row of syntheticEvents(options)) {
    const platform = parsePlatform(row.platform);
    const event = parseEventType(row.event);
    if (platform === undefined || event === undefined) throw new Error(`unexpected row ${JSON.stringify(row)}`);
    const action = row.actionName === '' ? undefined : parseActionName(row.actionName);
    events.push({
      user: row.userId,
      platform,
      time: Date.parse(row.timestamp),
      event,
      ...(action === undefined ? {} : { action }),
      ...(row.screen === '' ? {} : { screen: row.screen }),
      ...(row.deviceId === '' ? {} : { device: row.deviceId }),
    });
  }
  return events;
}

const platformCode = { 'iOS/iPadOS': 1, Android: 2 } as const;

describe('attempts versus the synthetic generator’s ground truth', () => {
  it.each([
    { seed: 1, events: 20_000, days: 10, endDay: '2025-06-30' },
    { seed: 7, events: 8_000, days: 3, endDay: '2025-03-31', users: 40 },
  ])('derives exactly the generated attempts (seed $seed)', (options) => {
    const db = tempCase();
    importRows(db, { events: eventInputs(options), mode: 'auto' });
    const key = (a: {
      user: string;
      platform: number;
      start: string;
      outcome: string;
      action: string | null;
      userAction: string | null;
      section: string | null;
      screen: string | null;
    }) =>
      [
        a.user,
        a.platform,
        a.start,
        a.outcome,
        a.action ?? '',
        a.userAction ?? '',
        a.section ?? '',
        a.screen ?? '',
      ].join(' | ');
    const derived = attemptViews(db).map((a) =>
      key(a.outcome === 'incomplete' ? a : { ...a, action: null, userAction: null, section: null, screen: null }),
    );
    const truth = syntheticAttempts(options).map((a) =>
      key({
        user: a.userId,
        platform: platformCode[a.platform],
        start: new Date(a.startMs).toISOString(),
        outcome: a.outcome,
        action: a.actionName,
        userAction: a.userAction,
        section: a.section,
        screen: a.outcome === 'incomplete' ? a.screen : null,
      }),
    );
    expect(derived.length).toBe(truth.length);
    expect(derived.sort()).toEqual(truth.sort());
  });
});
