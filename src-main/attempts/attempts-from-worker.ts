/**
 * The storing thread's side of attempts walked in the parse worker (workers/walk-in-worker.ts), for
 * an import into a case without events: each run is written as it comes, its codes turned into
 * case ids, in the order the worker sorted it (by user code, which for a first import follows the
 * case's user ids). The walk's attempts stand for the case's only when it walked exactly the event
 * rows stored: it is given up (its attempts deleted, the caller rebuilds after the store) when the
 * worker gave it up, when SQLite ignored a row as a duplicate, when its rows are not the input's
 * rows, when more than one input brought events (each input's codes are its own), or when a file
 * is rolled back.
 */
import type Database from 'better-sqlite3';
import { AttemptWriter } from './attempt-writer';
import { forEachEnded } from './ended-attempts';
import type { WalkedAttemptsBatch } from '../store/coded-batch';
import { discardEventAttempts, type SettledWalk } from './streamed-attempts';

/** An input's case ids by code, per column, as the storing thread interned them (valid for the batch at hand). */
export interface CodeIdColumns {
  readonly users: ArrayLike<number>;
  readonly screens: ArrayLike<number>;
  readonly devices: ArrayLike<number>;
}

type End = NonNullable<WalkedAttemptsBatch['end']>;

export class AttemptsFromWorker implements SettledWalk {
  abandoned = false;
  latestMs = -Infinity;
  earliestMs = Infinity;
  private groups = 0;
  private writer: AttemptWriter | undefined;
  /** The walk's end for the input being stored, once told. */
  private end: End | undefined;
  /** Inputs whose events were walked and stored. */
  private inputsWithEvents = 0;

  constructor(private readonly db: Database.Database) {
    this.writer = new AttemptWriter(db);
  }

  get groupCount(): number {
    return this.groups;
  }

  /** Every stored event's attempts are written (call after the store). */
  get usable(): boolean {
    return !this.abandoned && this.inputsWithEvents === 1;
  }

  /** A batch of walked attempts, of the input whose ids are `ids`; seq = seqBase + the line the worker gave. */
  take(batch: WalkedAttemptsBatch, ids: CodeIdColumns, seqBase: number): void {
    if (this.abandoned) return;
    if (batch.givenUp) return this.abandon();
    if (batch.end) this.end = batch.end;
    const run = batch.run;
    if (!run) return;
    const writer = this.writer!;
    const { users, screens, devices } = ids;
    forEachEnded(run, (code, platform, a) => {
      if (a.screenId !== 0) a.screenId = screens[a.screenId - 1]!;
      if (a.deviceId !== 0) a.deviceId = devices[a.deviceId - 1]!;
      a.firstSeq += seqBase;
      writer.writeEventAttempt(users[code]!, platform, a);
    });
  }

  /**
   * An input was stored: `eventRows` event rows sent to SQLite, `ignored` of them ignored as
   * duplicates. The walk holds on only if it walked exactly those rows, into a case whose events
   * are all this input's.
   */
  inputStored(eventRows: number, ignored: number): void {
    const end = this.end;
    this.end = undefined;
    if (this.abandoned || eventRows === 0) return;
    if (ignored > 0 || end === undefined || end.walked !== eventRows || ++this.inputsWithEvents > 1)
      return this.abandon();
    this.groups = end.groups;
    this.latestMs = end.latestMs;
    this.earliestMs = end.earliestMs;
  }

  /** A file was rolled back: whatever it walked went with it, and the walk can no longer stand. */
  rolledBack(): void {
    this.abandon();
  }

  abandon(): void {
    if (this.abandoned) return;
    this.abandoned = true;
    this.writer = undefined;
    discardEventAttempts(this.db);
  }

  /** The writer, which wrote every attempt of the walk (settled in the worker); its deltas count them. */
  settle(): AttemptWriter {
    const writer = this.writer;
    if (!this.usable || writer === undefined) throw new Error('the attempts walked in the parse worker were given up');
    this.writer = undefined;
    return writer;
  }
}
