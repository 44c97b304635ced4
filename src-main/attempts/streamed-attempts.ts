/**
 * Attempts built while an import stores its events, for a case that had no events before.
 *
 * A log exported in time order gives each (user, platform) group its rows in time order, mixed with
 * other groups' rows. Walking each group as its rows are stored (one open attempt per group) builds
 * the same attempts as the full rebuild after the store, without reading or regrouping the events:
 * what is left after the last insert is settling each group's open attempt (rule 8, once the
 * case's latest time is known) and writing the buckets.
 *
 * The walk is only right when every stored event was walked, in spec order, and nothing else was:
 * it is given up (its attempts deleted, the caller falls back to the full rebuild) when a group's
 * rows come out of time order, when SQLite ignored a row as a duplicate, when a file is rolled
 * back, or past GROUPS_WALKED groups (memory per group, whatever the number of users).
 */
import type Database from 'better-sqlite3';
import { AttemptWriter } from './attempt-writer';
import { SOURCE } from './codes';
import { GroupWalk } from './group-walk';

/** A walk done with the store: what settleStreamedAttempts needs of it. */
export interface SettledWalk {
  readonly groupCount: number;
  readonly latestMs: number;
  readonly earliestMs: number;
  /** The writer that took every attempt of the walk (open ones settled). */
  settle(): AttemptWriter;
}

/** Deletes the case's event-log attempts (a walk given up, into a case that had none before it). */
export function discardEventAttempts(db: Database.Database): void {
  // Outside the import's transaction (rolled back whole) there is nothing of the walk left.
  if (db.inTransaction) db.prepare(`DELETE FROM attempts WHERE source = ${SOURCE.events}`).run();
}

/** The walk in the storing thread, by case ids, written into the case as it goes. */
export class StreamedAttempts extends GroupWalk<AttemptWriter> implements SettledWalk {
  constructor(
    private readonly db: Database.Database,
    /** Tests reach the limits with small ones. */
    limits: { readonly groups?: number; readonly ended?: number } = {},
  ) {
    super(new AttemptWriter(db), limits);
  }

  /** A file was rolled back: the walk is given up if it walked any of the file's events (walked past `walkedBefore`). */
  rolledBack(walkedBefore: number): void {
    if (this.walked !== walkedBefore) this.abandon();
  }

  /** Its attempts written so far are deleted (the case had no event attempts before it began). */
  protected override discard(): void {
    discardEventAttempts(this.db);
  }
}
