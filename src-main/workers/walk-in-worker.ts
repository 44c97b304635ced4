/**
 * The attempts of an input walked in the parse worker, which sees every event in file order
 * already and has time to spare while the storing thread inserts rows (the slower side).
 *
 * The walk is the storing thread's (attempts/group-walk.ts GroupWalk: `walkEvent`, the
 * ended attempts buffered and sorted by group), run on the input's string codes: users by their
 * code, screens and devices by code + 1 (0 stays "none", the case's id of the empty string). Codes
 * are identities only while the coders do not restart, so while the walk lives the coders keep up
 * to WALK_KEPT strings a column (`bound`), and a batch that restarts one gives the walk up. The
 * storing thread turns codes into case ids with the ids it interned for the batches before
 * (attempts/attempts-from-worker.ts) and checks that the walk covered exactly the rows it stored.
 */
import { EndedAttempts, endedColumns, type EndedColumns } from '../attempts/ended-attempts';
import { GroupWalk } from '../attempts/group-walk';
import type { CodedEventBatch, CodedStrings } from '../import/records';
import { CODES_KEPT, type WalkedAttemptsBatch } from '../store/coded-batch';

/**
 * Strings a coder keeps per column while the walk needs its codes to be identities (the bench's
 * 5M-event log has 122,217 users and 144,880 devices), and groups walked at most.
 */
export const WALK_KEPT = 1 << 18;

/**
 * Files walked at most. The walk's memory follows the distinct users and devices, which grow with
 * the file: the bench's 5M-event logs (442 and 742 MB) hold up to 144,880 devices, its 25M-event
 * log (3.7 GB) 611,059 users and 724,912 devices, past WALK_KEPT. Walked until its coders would
 * restart (~3.5M events), that log took peak RSS from 240 to 299 MB and its import from 114 to
 * 131 s (the attempts written, then deleted, then rebuilt after the store): past this size the
 * attempts are rebuilt after the store, as before.
 */
export const WALK_BYTES = 1024 * 1024 * 1024;

/**
 * Past this many groups or strings a column, the walk goes on only while the input has at least
 * EVENTS_PER_STRING events walked for each: its memory (and the coders' kept strings) then stays a
 * small share of what the store holds. A million one-event users give up at 2^15 groups, where
 * the coders would have restarted anyway; the 5M-event log has ~11 events a device when it passes
 * 2^15 devices (~370,000 events), ~35 a group at its end.
 */
const FREE_STRINGS = CODES_KEPT;
const EVENTS_PER_STRING = 8;

/**
 * Ended attempts the worker's walk buffers before it sorts them by group into a run (~3 MB): half
 * the storing thread's walk's buffer, for the worker's share of the 5M-event peak (its coders keep
 * ~15 MB more strings while it walks); that log's ~540,000 attempts go in ~9 sorted runs.
 */
const WALK_ENDED = 1 << 16;

/** Attempts posted at most in one run (~800 KB of columns). */
const RUN_ATTEMPTS = 1 << 14;

/** A column's codes as walk ids: code + 1, the empty string 0. */
class WalkIds {
  size = 0;
  private empty = -1;

  /** Takes in a batch's column; false when its codes restarted (codes no longer identities). */
  extend(column: CodedStrings): boolean {
    if (column.restart) return false;
    if (this.empty < 0) {
      const at = column.added.indexOf('');
      if (at >= 0) this.empty = this.size + at;
    }
    this.size += column.added.length;
    return true;
  }

  idOf(code: number): number {
    return code === this.empty ? 0 : code + 1;
  }
}

/**
 * The walk's sorted runs, cut into posts of RUN_ATTEMPTS (their order is the order written). A
 * post's columns move to the storing thread, which sends them back once written (`recycled`):
 * columns made anew for each post stayed in the storing thread until a garbage collection, ~25-40
 * MB of peak memory at 5M events.
 */
class Runs {
  readonly ready: EndedColumns[] = [];
  private readonly current: EndedAttempts;

  constructor(
    private readonly attempts: number,
    private readonly recycled: Omit<EndedColumns, 'count'>[],
  ) {
    this.current = new EndedAttempts(attempts);
  }

  writeEventAttempt(...args: Parameters<EndedAttempts['writeEventAttempt']>): void {
    if (this.current.full) this.post();
    this.current.writeEventAttempt(...args);
  }

  flush(): void {
    if (this.current.length > 0) this.post();
  }

  private post(): void {
    let next = this.recycled.pop();
    if (next !== undefined && next.user.length !== this.attempts) next = undefined;
    this.ready.push(this.current.swap(next ?? endedColumns(this.attempts)));
  }
}

export interface WalkLimits {
  /** Groups and strings a column walked at most (WALK_KEPT). */
  readonly kept?: number;
  /** The walk's buffer of ended attempts (WALK_ENDED), and at most the attempts of a post. */
  readonly ended?: number;
  /** Strings a column past which the walk checks its events per string (FREE_STRINGS). */
  readonly free?: number;
}

export class InputWalk {
  private walk: GroupWalk<Runs> | undefined;
  private readonly runs: Runs;
  private readonly users = new WalkIds();
  private readonly screens = new WalkIds();
  private readonly devices = new WalkIds();
  private readonly free: number;
  /** The walk was given up and the storing thread not told yet. */
  private untold = false;

  constructor(
    /** The coders' bound for this input: WALK_KEPT while the walk lives, CODES_KEPT after. */
    private readonly bound: { kept: number },
    limits: WalkLimits = {},
    /** Columns of runs written by the storing thread and sent back, for the next runs. */
    recycled: Omit<EndedColumns, 'count'>[] = [],
  ) {
    const kept = limits.kept ?? WALK_KEPT;
    const ended = limits.ended ?? WALK_ENDED;
    this.free = limits.free ?? FREE_STRINGS;
    this.runs = new Runs(Math.min(RUN_ATTEMPTS, ended), recycled);
    bound.kept = kept;
    this.walk = new GroupWalk(this.runs, { groups: kept, ended });
  }

  get walking(): boolean {
    return this.walk !== undefined;
  }

  /** Walks an event batch's rows (seq: the row's line; the storing thread adds the import's part). */
  add(batch: CodedEventBatch): void {
    const walk = this.walk;
    if (!walk) return;
    if (!(this.users.extend(batch.user) && this.screens.extend(batch.screen) && this.devices.extend(batch.device)))
      return this.giveUp();
    const { screens, devices } = this;
    const users = batch.user.codes;
    const screenCodes = batch.screen.codes;
    const deviceCodes = batch.device.codes;
    const { platform, time, event, action, line } = batch;
    for (let i = 0; i < batch.count; i++) {
      walk.add(
        users[i]!,
        platform[i]!,
        time[i]!,
        event[i]!,
        action[i]!,
        screens.idOf(screenCodes[i]!),
        devices.idOf(deviceCodes[i]!),
        line[i]!,
      );
    }
    if (walk.abandoned) return this.giveUp();
    const strings = Math.max(walk.groupCount, this.users.size, this.screens.size, this.devices.size);
    if (strings > this.free && walk.walked < EVENTS_PER_STRING * strings) this.giveUp();
  }

  /** What to post after a batch: the runs of attempts ended so far, or that the walk was given up. */
  take(): WalkedAttemptsBatch[] {
    if (this.untold) {
      this.untold = false;
      return [{ kind: 'walked-attempts', givenUp: true }];
    }
    return this.runs.ready.splice(0).map((run) => ({ kind: 'walked-attempts', run }));
  }

  /** After the input's last batch: the open attempts settled (rule 8), the last runs and the walk's end. */
  finish(): WalkedAttemptsBatch[] {
    const walk = this.walk;
    if (!walk) return this.take();
    const groups = walk.groupCount;
    walk.settle();
    this.runs.flush();
    this.walk = undefined;
    const end = { walked: walk.walked, groups, latestMs: walk.latestMs, earliestMs: walk.earliestMs };
    return [...this.take(), { kind: 'walked-attempts', end }];
  }

  private giveUp(): void {
    this.walk = undefined;
    this.untold = true;
    this.runs.ready.length = 0;
    // Codes need not stay identities any more: the coders go back to their usual bound.
    this.bound.kept = CODES_KEPT;
  }
}
