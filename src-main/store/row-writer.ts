/**
 * Writes one input's validated batches into the case, inside the caller's transaction.
 * Identical rows are stored once (the tables' keys are the rows' identity, spec 3): what the
 * database ignores is counted as a duplicate.
 */
import { createHash } from 'node:crypto';
import type { DetailsBatch, EventBatch, FailureRow, SummaryRow } from '../import/records';
import { BulkInserter } from './bulk-insert';
import { EventWindow, eventInserter } from './event-window';
import type { CaseDb } from './case-file';
import {
  isCoded,
  type CodedDetailsBatch,
  type CodedEventBatch,
  type CodedStrings,
  type StoreBatch,
} from './coded-batch';
import { GroupSet } from '../attempts/group-set';
import type { HeldEvents } from '../attempts/held-events';
import type { StreamedAttempts } from '../attempts/streamed-attempts';
import type { AttemptsFromWorker } from '../attempts/attempts-from-worker';
import { Interner } from './intern';
import type { ColumnCodes, GroupCodes } from './group-codes';

/** Interners shared by every input of one import call. */
export interface Interners {
  readonly users: Interner;
  readonly devices: Interner;
  readonly screens: Interner;
}

export function createInterners(db: CaseDb): Interners {
  return {
    users: new Interner(db, 'users'),
    devices: new Interner(db, 'devices'),
    screens: new Interner(db, 'screens'),
  };
}

/** seq orders rows by import, then by line: equal times keep file order (spec 4). */
export const seqOf = (importId: number, line: number): number => importId * 2 ** 32 + line;

/** A column's case ids by string code: extend(column) interns what the batch needs, returns the ids by code. */
interface IdsByCode {
  extend(column: CodedStrings): Float64Array;
  /** The ids by code interned so far, for the attempts the parse worker walked (input codes only). */
  readonly current: Float64Array;
}

/** A column's case ids by the input's string codes (coded-batch.ts), filled as codes appear. */
class CodeIds implements IdsByCode {
  private ids = new Float64Array(64);
  private size = 0;

  /** The ids by code of the strings interned so far (valid until the next `extend`). */
  get current(): Float64Array {
    return this.ids;
  }

  constructor(private readonly interner: Interner) {}

  /** Interns the batch's new strings; returns the ids by code (valid until the next call). */
  extend(column: CodedStrings): Float64Array {
    if (column.restart) this.size = 0;
    const needed = this.size + column.added.length;
    if (needed > this.ids.length) {
      const grown = new Float64Array(Math.max(needed, this.ids.length * 2));
      grown.set(this.ids.subarray(0, this.size));
      this.ids = grown;
    }
    this.interner.lookupMany(column.added, this.ids, this.size);
    this.size += column.added.length;
    return this.ids;
  }
}

/** The group's ids for columns coded with the group's codes, the input's own for the others (coded from bytes). */
function groupIds(codes: ColumnCodes, interner: Interner): IdsByCode {
  let own: CodeIds | undefined; // made when needed: most inputs of a group never do
  return {
    extend: (column) =>
      column.shared ? codes.idsFor(column, interner) : (own ??= new CodeIds(interner)).extend(column),
    get current(): Float64Array {
      // The worker walks only a file read alone (parse-in-worker.ts), never a group read ahead.
      throw new Error('walked attempts never come with a group of files');
    },
  };
}

/** Where an input's rows go besides the case, and what they continue (all optional). */
export interface RowWriterTaps {
  /** Shared by the inputs of a group of files stored together (import-files.ts); else the input's own. */
  readonly eventGroups?: GroupSet;
  /** Where the stored events are also kept for the attempts rebuild (into a case without events). */
  readonly held?: HeldEvents | undefined;
  /** Where the stored events are walked into attempts as they come (into a case without events). */
  readonly streamed?: StreamedAttempts | undefined;
  /** Where the attempts the parse worker walked from this input's events go (into a case without events). */
  readonly fromWorker?: AttemptsFromWorker | undefined;
  /** The group's codes its coded batches continue (store/group-codes.ts); else the input's own. */
  readonly codes?: GroupCodes | undefined;
  /** Where the events wait to be inserted in key order: shared by the inputs of an import (event-window.ts). */
  readonly window?: EventWindow;
}

const DETAILS_COLUMNS = ['user_id', 'platform', 'time_ms', 'user_action', 'action', 'screen_id', 'device_id', 'seq'];
const SUMMARIES_COLUMNS = ['day_key', 'day', 'time_ms', 'platform', 'initiated', 'incomplete', 'seq'];
const FAILURES_COLUMNS = ['key', 'time_ms', 'os', 'os_version', 'method', 'category', 'reason', 'seq'];

export class RowWriter {
  private readonly events: BulkInserter;
  // Made when an input first has such a row: an event log (a folder's every file) never does, and
  // making the three per file cost a folder of 10,000 event logs ~40 ms of the storing thread.
  private detailsInserter: BulkInserter | undefined;
  private summariesInserter: BulkInserter | undefined;
  private failuresInserter: BulkInserter | undefined;
  /** (user id, platform) pairs whose events this input touched: their attempts need a rebuild. */
  readonly eventGroups: GroupSet;
  rows = 0;
  private readonly userIds: IdsByCode;
  private readonly deviceIds: IdsByCode;
  private readonly screenIds: IdsByCode;

  private readonly held: HeldEvents | undefined;
  private readonly streamed: StreamedAttempts | undefined;
  private readonly fromWorker: AttemptsFromWorker | undefined;
  private readonly window: EventWindow;

  constructor(
    private readonly db: CaseDb,
    private readonly importId: number,
    private readonly interners: Interners,
    { eventGroups = new GroupSet(), held, streamed, fromWorker, codes, window = new EventWindow() }: RowWriterTaps = {},
  ) {
    this.held = held;
    this.streamed = streamed;
    this.fromWorker = fromWorker;
    this.window = window;
    this.eventGroups = eventGroups;
    this.userIds = codes ? groupIds(codes.users, interners.users) : new CodeIds(interners.users);
    this.deviceIds = codes ? groupIds(codes.devices, interners.devices) : new CodeIds(interners.devices);
    this.screenIds = codes ? groupIds(codes.screens, interners.screens) : new CodeIds(interners.screens);
    this.events = eventInserter(db);
    this.window.begin(this.events);
  }

  private get details(): BulkInserter {
    return (this.detailsInserter ??= new BulkInserter(this.db, 'details', DETAILS_COLUMNS));
  }

  private get summaries(): BulkInserter {
    return (this.summariesInserter ??= new BulkInserter(this.db, 'summaries', SUMMARIES_COLUMNS));
  }

  private get failures(): BulkInserter {
    return (this.failuresInserter ??= new BulkInserter(this.db, 'failures', FAILURES_COLUMNS));
  }

  write(batch: StoreBatch): void {
    if (batch.kind === 'walked-attempts') {
      const ids = { users: this.userIds.current, screens: this.screenIds.current, devices: this.deviceIds.current };
      return this.fromWorker?.take(batch, ids, seqOf(this.importId, 0));
    }
    if (isCoded(batch)) {
      return batch.kind === 'event-log' ? this.writeCodedEvents(batch) : this.writeCodedDetails(batch);
    }
    switch (batch.kind) {
      case 'event-log':
        return this.writeEvents(batch);
      case 'details':
        return this.writeDetails(batch);
      case 'summary':
        return batch.rows.forEach((row) => this.writeSummary(row));
      case 'failures':
        return batch.rows.forEach((row) => this.writeFailure(row));
    }
  }

  private writeEvents(batch: EventBatch): void {
    const { users, devices, screens } = this.interners;
    const window = this.window;
    const seqBase = seqOf(this.importId, 0);
    for (let i = 0; i < batch.count; i++) {
      const userId = users.id(batch.user[i]!);
      const platform = batch.platform[i]!;
      this.eventGroups.add(userId, platform);
      const screenId = screens.id(batch.screen[i]!);
      const deviceId = devices.id(batch.device[i]!);
      const seq = seqBase + batch.line[i]!;
      window.add(userId, platform, batch.time[i]!, batch.event[i]!, batch.action[i]!, screenId, deviceId, seq);
      this.held?.add(userId, platform, batch.time[i]!, batch.event[i]!, batch.action[i]!, screenId, deviceId, seq);
      this.streamed?.add(userId, platform, batch.time[i]!, batch.event[i]!, batch.action[i]!, screenId, deviceId, seq);
    }
    this.rows += batch.count;
  }

  /** The same rows as writeEvents, with ids looked up by code. */
  private writeCodedEvents(batch: CodedEventBatch): void {
    const userIds = this.userIds.extend(batch.user);
    const screenIds = this.screenIds.extend(batch.screen);
    const deviceIds = this.deviceIds.extend(batch.device);
    const { codes: userCodes } = batch.user;
    const { codes: screenCodes } = batch.screen;
    const { codes: deviceCodes } = batch.device;
    const { platform: platforms, time, event, action, line } = batch;
    const window = this.window;
    const seqBase = seqOf(this.importId, 0);
    for (let i = 0; i < batch.count; i++) {
      const userId = userIds[userCodes[i]!]!;
      const platform = platforms[i]!;
      this.eventGroups.add(userId, platform);
      const screenId = screenIds[screenCodes[i]!]!;
      const deviceId = deviceIds[deviceCodes[i]!]!;
      const seq = seqBase + line[i]!;
      window.add(userId, platform, time[i]!, event[i]!, action[i]!, screenId, deviceId, seq);
      this.held?.add(userId, platform, time[i]!, event[i]!, action[i]!, screenId, deviceId, seq);
      this.streamed?.add(userId, platform, time[i]!, event[i]!, action[i]!, screenId, deviceId, seq);
    }
    this.rows += batch.count;
  }

  private writeDetails(batch: DetailsBatch): void {
    const { users, devices, screens } = this.interners;
    const details = this.details;
    for (let i = 0; i < batch.count; i++) {
      details.add(
        users.id(batch.user[i]!),
        batch.platform[i]!,
        batch.time[i]!,
        batch.userAction[i]!,
        batch.action[i]!,
        screens.id(batch.screen[i]!),
        devices.id(batch.device[i]!),
        seqOf(this.importId, batch.line[i]!),
      );
    }
    this.rows += batch.count;
  }

  private writeCodedDetails(batch: CodedDetailsBatch): void {
    const userIds = this.userIds.extend(batch.user);
    const screenIds = this.screenIds.extend(batch.screen);
    const deviceIds = this.deviceIds.extend(batch.device);
    const details = this.details;
    for (let i = 0; i < batch.count; i++) {
      details.add(
        userIds[batch.user.codes[i]!]!,
        batch.platform[i]!,
        batch.time[i]!,
        batch.userAction[i]!,
        batch.action[i]!,
        screenIds[batch.screen.codes[i]!]!,
        deviceIds[batch.device.codes[i]!]!,
        seqOf(this.importId, batch.line[i]!),
      );
    }
    this.rows += batch.count;
  }

  private writeSummary(row: SummaryRow): void {
    const dayKey = row.day ?? String(row.time);
    this.summaries.add(
      dayKey,
      row.day,
      row.time,
      row.platform,
      row.initiated,
      row.incomplete,
      seqOf(this.importId, row.line),
    );
    this.rows++;
  }

  private writeFailure(row: FailureRow): void {
    // Failures without an id of their own are identified by their content (spec 8: de-duplicated).
    const key =
      row.id !== ''
        ? `id:${row.id.toLowerCase()}`
        : `row:${createHash('sha256')
            .update(
              JSON.stringify([
                row.time,
                row.user,
                row.device,
                row.os,
                row.osVersion,
                row.method,
                row.category,
                row.reason,
                row.details,
              ]),
            )
            .digest('hex')}`;
    // The user, the device and the details only tell duplicates apart (in the key): not stored.
    this.failures.add(
      key,
      row.time,
      row.os,
      row.osVersion,
      row.method,
      row.category,
      row.reason,
      seqOf(this.importId, row.line),
    );
    this.rows++;
  }

  /** Flushes buffered rows; returns how many were new (the rest were duplicates). */
  finish(): { stored: number; duplicates: number } {
    this.window.finish();
    let stored = 0;
    for (const inserter of [this.events, this.detailsInserter, this.summariesInserter, this.failuresInserter]) {
      inserter?.flush();
      stored += inserter?.inserted ?? 0;
    }
    // An event SQLite ignored was walked all the same: the walk no longer matches the stored events.
    if (this.events.inserted < this.events.added) this.streamed?.abandon();
    this.fromWorker?.inputStored(this.events.added, this.events.added - this.events.inserted);
    return { stored, duplicates: this.rows - stored };
  }
}
