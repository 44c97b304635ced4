/**
 * Ordered event logs and the comparison of a case's attempts with a full rebuild's, for the tests
 * of attempts walked while an import stores its events (in the storing thread or the parse worker).
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { rebuildAllAttempts } from '../../src-main/attempts/refresh';
import { openCase, type CaseDb } from '../../src-main/store/case-file';
import { mulberry32 } from '../../src-main/tools/mulberry32';
import type { TestEvent } from './event-log';

export const KINDS: readonly Omit<TestEvent, 'time' | 'user' | 'platform'>[] = [
  { event: 'start' },
  { event: 'step', action: 'EnrollmentWrapUp' },
  { event: 'step', action: 'TermsofUse', screen: 'Terms screen' },
  { event: 'step', action: 'iOSProfileLaunch', screen: 'Install profile' },
  { event: 'step', action: 'AndroidPermissions' },
  { event: 'cancel', action: 'TermsofUse' },
  { event: 'declineall' },
  { event: 'ignore', action: 'iOSProfileLaunch', screen: 'Other screen' },
  { event: 'appclosed' },
  { event: 'postpone', action: 'Compliance' },
  { event: 'complete' },
];

/**
 * A log in time order, as exports come: each (user, platform) group's rows in time order, groups
 * interleaved. Gaps within a group of seconds to hours (rule 2), rows of one millisecond (file
 * order decides), groups whose last row is near the end (in progress) and long before it
 * (exceeded, rule 8).
 */
export function orderedEvents(
  seed: number,
  users: number,
  rows: number,
  startMs = Date.UTC(2025, 5, 2, 8),
): TestEvent[] {
  const next = mulberry32(seed);
  const seen = new Set<string>();
  const out: TestEvent[] = [];
  let now = startMs;
  for (let i = 0; i < rows; i++) {
    // The log's clock: mostly seconds apart, sometimes the same millisecond, now and then a pause.
    now += next() < 0.1 ? 0 : next() < 0.01 ? 2 * 3_600_000 : Math.floor(next() * 20_000);
    const user = Math.floor(next() * users);
    const platform = user % 7 === 0 && next() < 0.5 ? 'Android' : user % 2 ? 'iOS' : 'Android';
    const kind = KINDS[Math.floor(next() * KINDS.length)]!;
    const event: TestEvent = {
      time: new Date(now).toISOString(),
      user: `user${user}@contoso.example`,
      platform,
      device: `dev${user}-${Math.floor(next() * 2)}`,
      ...kind,
    };
    // No repeated row (the stored key): these logs hold no duplicates unless a test adds one.
    const identity = JSON.stringify(event);
    if (seen.has(identity)) continue;
    seen.add(identity);
    out.push(event);
  }
  return out;
}

export const dump = (db: CaseDb): unknown => ({
  // Attempt ids follow the order attempts were written in: compared by content (combo ids are the
  // case's own: a rebuild interns the same texts to the same ids).
  attempts: db
    .prepare(
      `SELECT user_id, platform, device_id, start_ms, end_ms, outcome, combo_id, reached, source, first_seq
         FROM attempts ORDER BY user_id, platform, start_ms, first_seq`,
    )
    .raw()
    .all(),
  buckets: db.prepare('SELECT * FROM attempt_buckets ORDER BY 1, 2, 3, 4').raw().all(),
  times: db.prepare("SELECT key, value FROM settings WHERE key LIKE '\\_%' ESCAPE '\\' ORDER BY key").raw().all(),
});

/** The case's attempts as the import left them, and as a full rebuild reading the case makes them. */
export function importedVersusRebuilt(db: CaseDb): { imported: unknown; rebuilt: unknown } {
  const imported = dump(db);
  db.exec('BEGIN');
  try {
    rebuildAllAttempts(db);
    return { imported, rebuilt: dump(db) };
  } finally {
    db.exec('ROLLBACK');
  }
}

/** A new case in `dir` for `work`, closed afterwards. */
export async function withCase(dir: string, work: (db: CaseDb) => Promise<void>): Promise<void> {
  const db = openCase(join(dir, 'case.enrollscope'));
  try {
    await work(db);
  } finally {
    db.close();
  }
}

export function expectSameAsRebuild(db: CaseDb): void {
  const { imported, rebuilt } = importedVersusRebuilt(db);
  expect(imported).toEqual(rebuilt);
}

export const attemptCount = (db: CaseDb): number => db.prepare('SELECT count(*) FROM attempts').pluck().get() as number;
