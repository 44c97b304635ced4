/**
 * Keeps `attempts` and `attempt_buckets` in step with the stored rows after an import (spec 4).
 * Called by the store inside the import's transaction, after the import's rows are inserted.
 *
 * What can change when rows are added:
 * - the import's details rows each become one incomplete attempt (source 1);
 * - a group that received events is re-walked from its first event (new events may fall anywhere
 *   in its history);
 * - when the case's latest event time moves, a group's last attempt that was in progress may now
 *   be Exceeded 30 minutes (rule 8): those groups are re-walked too.
 * When most groups are affected, one sequential pass over the whole case is cheaper than
 * primary-key seeks per group, so the refresh switches to a full rebuild.
 */
import type Database from 'better-sqlite3';
import { AttemptWriter } from './attempt-writer';
import { GroupSet } from './group-set';
import { GAP_MS, OUTCOME } from './codes';
import { earlierOf, earliestTime, latestTime, scanLatest, storeLatest, storedLatest } from './latest';
import { forEachDetailsRow } from './read-details';
import { EventReader, type GroupSource } from './read-events';
import { endOfData, sessionizeColumns, type SessionAttempt } from './sessionize';
import type { SettledWalk } from './streamed-attempts';

export interface AttemptChange {
  /** The import whose rows were just inserted (its details rows become attempts). */
  readonly importId: number;
  /** With several imports stored together: the last of them (ids importId..lastImportId). */
  readonly lastImportId?: number;
  /** The (user id, platform) groups that received events, or 'all' to rebuild everything. */
  readonly eventGroups: Iterable<readonly [userId: number, platform: number]> | 'all';
  /**
   * Every event the case holds, already in memory (an import into a case that had none keeps
   * them, attempts/held-events.ts): a full rebuild walks them instead of reading the case.
   */
  readonly storedEvents?: GroupSource;
}

export interface RefreshStats {
  /** 'streamed': built while the events were stored (settleStreamedAttempts). */
  readonly mode: 'groups' | 'all' | 'streamed';
  /** Groups re-walked (all groups with events in 'all' mode). */
  readonly groups: number;
  /** Attempts written. */
  readonly attempts: number;
  /** The case's latest event time after the refresh (null: no events). */
  readonly latestEventMs: number | null;
  /** A full rebuild had too many open attempts to hold and scanned for the latest time (OPEN_ATTEMPTS_HELD). */
  readonly latestScanned?: true;
}

/**
 * Above this share of the case's users affected, a full rebuild is used. Measured on the bench's
 * 1M-event case (`npm run bench`, the attempts probe of src-main/tools/bench-probe.ts): a full
 * rebuild takes ~0.42 s, re-walking 25% of the groups ~0.17 s and 50% ~0.32 s, so the crossover
 * sits near two thirds; half leaves a margin.
 */
const FULL_REBUILD_SHARE = 0.5;

/**
 * Open attempts (each group's last, when still in progress) a full rebuild holds until it knows the
 * case's latest event time at the end of its pass. Past this many, it scans for that time instead
 * (one pass over the events' times, ~85 ms per million events) and settles them as it goes. A
 * million one-event users held ~200 MB of open attempts; measured on that case, holding 65,536
 * still cost ~70 MB of peak RSS, 4,096 nothing measurable.
 */
const OPEN_ATTEMPTS_HELD = 4096;

export interface RefreshOptions {
  /** Share of the case's users above which a refresh rebuilds everything (tests force either path). */
  readonly fullRebuildShare?: number;
}

export function refreshAttempts(
  db: Database.Database,
  change: AttemptChange,
  options: RefreshOptions = {},
): RefreshStats {
  const share = options.fullRebuildShare ?? FULL_REBUILD_SHARE;
  const run = (): RefreshStats =>
    change.eventGroups === 'all'
      ? rebuildAllAttempts(db, change.storedEvents)
      : refreshGroups(
          db,
          [change.importId, change.lastImportId ?? change.importId],
          change.eventGroups,
          share,
          change.storedEvents,
        );
  // The store calls this inside its import transaction; standalone callers get their own.
  return db.inTransaction ? run() : db.transaction(run)();
}

function refreshGroups(
  db: Database.Database,
  importIds: readonly [first: number, last: number],
  eventGroups: Iterable<readonly [number, number]>,
  fullRebuildShare: number,
  storedEvents: GroupSource | undefined,
): RefreshStats {
  const groups = new GroupSet();
  const addGroup = (userId: number, platform: number): void => groups.add(userId, platform);
  for (const [userId, platform] of eventGroups) addGroup(userId, platform);
  const users = userCountEstimate(db);
  const mostGroups = (): boolean => groups.size > 0 && groups.size > fullRebuildShare * users;
  // Decided before looking for a new latest time: a full rebuild finds it on its own pass.
  if (mostGroups()) return rebuildAllAttempts(db, storedEvents);

  // The new latest event time: the old one, or a later event of a group that just received events.
  const stored = storedLatest(db, 'events');
  let latest: number | null;
  if (stored === undefined) {
    latest = scanLatest(db, 'events');
  } else {
    latest = stored;
    const reader = new EventReader(db);
    for (const [userId, platform] of groups.values()) {
      const groupMax = reader.groupLatest(userId, platform);
      if (groupMax !== undefined && (latest === null || groupMax > latest)) latest = groupMax;
    }
  }
  if (latest !== null && latest !== stored) {
    // Rule 8 again for attempts left in progress: those now more than 30 minutes behind change.
    // `outcome = 0` written out, not bound: a partial index `ON attempts (end_ms) WHERE outcome = 0`
    // can only serve a query whose WHERE names the same literal.
    const stale = db
      .prepare(`SELECT DISTINCT user_id, platform FROM attempts WHERE outcome = ${OUTCOME.inProgress} AND end_ms < ?`)
      .raw();
    for (const row of stale.iterate(latest - GAP_MS)) addGroup(...(row as [number, number]));
    if (mostGroups()) return rebuildAllAttempts(db, storedEvents);
  }

  const writer = new AttemptWriter(db);
  // Read (or scanned, once, on a case that never stored it) before this import's rows count.
  let earliestEvent = earliestTime(db, 'events');
  writeImportDetails(db, writer, importIds);

  const reader = new EventReader(db);
  for (const [userId, platform] of groups.values()) {
    writer.removeEventAttempts(userId, platform);
    const events = reader.readGroup(userId, platform);
    // Events come in spec order: the first is the group's earliest.
    if (events.length > 0) earliestEvent = earlierOf(earliestEvent, events.timeMs[0]!);
    for (const attempt of sessionizeColumns(events, latest ?? -Infinity)) {
      writer.writeEventAttempt(userId, platform, attempt);
    }
  }
  writer.flush();
  writer.deltas.applyTo(db);
  storeLatest(db, 'events', latest);
  storeLatest(db, 'events', earliestEvent, 'earliest');
  return { mode: 'groups', groups: groups.size, attempts: writer.written, latestEventMs: latest };
}

/**
 * The attempts of the imports' details rows (each row one incomplete attempt), and the case's
 * earliest and latest details times widened by them.
 */
function writeImportDetails(
  db: Database.Database,
  writer: AttemptWriter,
  importIds: readonly [first: number, last: number],
): void {
  let latestDetails = latestTime(db, 'details');
  let earliestDetails = earliestTime(db, 'details');
  forEachDetailsRow(db, importIds, (row) => {
    writer.writeDetails(row);
    if (latestDetails === null || row.timeMs > latestDetails) latestDetails = row.timeMs;
    earliestDetails = earlierOf(earliestDetails, row.timeMs);
  });
  storeLatest(db, 'details', latestDetails);
  storeLatest(db, 'details', earliestDetails, 'earliest');
}

/**
 * The attempts of an import into a case without events, built while its events were stored
 * (streamed-attempts.ts) or walked in the parse worker (attempts-from-worker.ts): each group's open attempt settled, the import's details rows added, the
 * buckets and times stored. The same attempts, buckets and times as a full rebuild.
 */
export function settleStreamedAttempts(
  db: Database.Database,
  importIds: readonly [first: number, last: number],
  streamed: SettledWalk,
): RefreshStats {
  const groups = streamed.groupCount;
  const writer = streamed.settle();
  writeImportDetails(db, writer, importIds);
  writer.flush();
  // A case without attempts before takes the totals in one pass; else they are added to the details attempts' buckets.
  const hadBuckets = db.prepare('SELECT EXISTS (SELECT 1 FROM attempt_buckets)').pluck().get() === 1;
  if (hadBuckets) writer.deltas.applyTo(db);
  else writer.deltas.replace(db);
  const latestEventMs = groups > 0 ? streamed.latestMs : null;
  storeLatest(db, 'events', latestEventMs);
  storeLatest(db, 'events', groups > 0 ? streamed.earliestMs : null, 'earliest');
  return { mode: 'streamed', groups, attempts: writer.written, latestEventMs };
}

/**
 * Rebuilds every attempt from the stored events and details rows in one sequential pass each, and
 * attempt_buckets from scratch. The case's latest event time is only known at the end of the
 * pass, so each group's last open attempt waits and rule 8 is applied to it afterwards.
 */
export function rebuildAllAttempts(db: Database.Database, source: GroupSource = new EventReader(db)): RefreshStats {
  db.prepare('DELETE FROM attempts').run();
  const writer = new AttemptWriter(db);

  let latestDetails: number | null = null;
  let earliestDetails: number | null = null;
  forEachDetailsRow(db, 'all', (row) => {
    writer.writeDetails(row);
    if (latestDetails === null || row.timeMs > latestDetails) latestDetails = row.timeMs;
    earliestDetails = earlierOf(earliestDetails, row.timeMs);
  });

  let latest = -Infinity;
  let earliest = Infinity;
  /** The case's latest event time once known up front (see OPEN_ATTEMPTS_HELD). */
  let known: number | undefined;
  let groups = 0;
  const open: { userId: number; platform: number; attempt: SessionAttempt }[] = [];
  source.forEachGroup((userId, platform, events) => {
    groups++;
    const last = events.timeMs[events.length - 1];
    if (last !== undefined && last > latest) latest = last;
    const first = events.timeMs[0];
    if (first !== undefined && first < earliest) earliest = first;
    for (const attempt of sessionizeColumns(events, -Infinity)) {
      if (attempt.outcome !== OUTCOME.inProgress) writer.writeEventAttempt(userId, platform, attempt);
      else if (known !== undefined) writer.writeEventAttempt(userId, platform, endOfData(attempt, known));
      else open.push({ userId, platform, attempt });
    }
    if (known === undefined && open.length >= OPEN_ATTEMPTS_HELD) {
      // Too many open attempts to hold until the pass ends: one scan for the latest time instead.
      known = scanLatest(db, 'events') ?? -Infinity;
      for (const held of open) writer.writeEventAttempt(held.userId, held.platform, endOfData(held.attempt, known));
      open.length = 0;
    }
  });
  for (const { userId, platform, attempt } of open) {
    writer.writeEventAttempt(userId, platform, endOfData(attempt, latest));
  }
  writer.flush();

  // The table was emptied first, so the deltas are the totals.
  writer.deltas.replace(db);
  const latestEventMs = groups > 0 ? latest : null;
  storeLatest(db, 'events', latestEventMs);
  storeLatest(db, 'details', latestDetails);
  storeLatest(db, 'events', groups > 0 ? earliest : null, 'earliest');
  storeLatest(db, 'details', earliestDetails, 'earliest');
  const stats: RefreshStats = { mode: 'all', groups, attempts: writer.written, latestEventMs };
  return known === undefined ? stats : { ...stats, latestScanned: true };
}

/** users.id is an INTEGER PRIMARY KEY: its maximum is a cheap stand-in for the number of users. */
function userCountEstimate(db: Database.Database): number {
  return (db.prepare('SELECT max(id) FROM users').pluck().get() as number | null) ?? 0;
}
