/**
 * Writes one input's validated batches into the case, inside the caller's transaction.
 * Identical rows are stored once (the tables' keys are the rows' identity, spec 3): what the
 * database ignores is counted as a duplicate.
 */
import { createHash } from 'node:crypto';
import type { DetailsBatch, EventBatch, FailureRow, RecordBatch, SummaryRow } from '../import/records';
import { BulkInserter } from './bulk-insert';
import type { CaseDb } from './case-file';
import { Interner } from './intern';

/** Interners shared by every input of one import call. */
export interface Interners {
  readonly users: Interner;
  readonly devices: Interner;
  readonly screens: Interner;
}

export function createInterners(db: CaseDb): Interners {
  return { users: new Interner(db, 'users'), devices: new Interner(db, 'devices'), screens: new Interner(db, 'screens') };
}

/** seq orders rows by import, then by line: equal times keep file order (spec 4). */
export const seqOf = (importId: number, line: number): number => importId * 2 ** 32 + line;

export class RowWriter {
  private readonly events: BulkInserter;
  private readonly details: BulkInserter;
  private readonly summaries: BulkInserter;
  private readonly failures: BulkInserter;
  /** (user id, platform) pairs whose events this input touched: their attempts need a rebuild. */
  readonly eventGroups = new Map<number, [number, number]>();
  rows = 0;

  constructor(
    db: CaseDb,
    private readonly importId: number,
    private readonly interners: Interners,
  ) {
    this.events = new BulkInserter(db, 'events', ['user_id', 'platform', 'time_ms', 'event', 'action', 'screen_id', 'device_id', 'seq']);
    this.details = new BulkInserter(db, 'details', ['user_id', 'platform', 'time_ms', 'user_action', 'action', 'screen_id', 'device_id', 'seq']);
    this.summaries = new BulkInserter(db, 'summaries', ['day_key', 'day', 'time_ms', 'platform', 'initiated', 'incomplete', 'seq']);
    this.failures = new BulkInserter(db, 'failures', [
      'key', 'time_ms', 'user', 'device', 'os', 'os_version', 'method', 'category', 'reason', 'details', 'seq',
    ]);
  }

  write(batch: RecordBatch): void {
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
    for (let i = 0; i < batch.count; i++) {
      const userId = users.id(batch.user[i]!);
      const platform = batch.platform[i]!;
      const groupKey = userId * 4 + platform;
      if (!this.eventGroups.has(groupKey)) this.eventGroups.set(groupKey, [userId, platform]);
      this.events.add(
        userId,
        platform,
        batch.time[i]!,
        batch.event[i]!,
        batch.action[i]!,
        screens.id(batch.screen[i]!),
        devices.id(batch.device[i]!),
        seqOf(this.importId, batch.line[i]!),
      );
    }
    this.rows += batch.count;
  }

  private writeDetails(batch: DetailsBatch): void {
    const { users, devices, screens } = this.interners;
    for (let i = 0; i < batch.count; i++) {
      this.details.add(
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

  private writeSummary(row: SummaryRow): void {
    const dayKey = row.day ?? String(row.time);
    this.summaries.add(dayKey, row.day, row.time, row.platform, row.initiated, row.incomplete, seqOf(this.importId, row.line));
    this.rows++;
  }

  private writeFailure(row: FailureRow): void {
    // Failures without an id of their own are identified by their content (spec 8: de-duplicated).
    const key =
      row.id !== ''
        ? `id:${row.id.toLowerCase()}`
        : `row:${createHash('sha256')
            .update(JSON.stringify([row.time, row.user, row.device, row.os, row.osVersion, row.method, row.category, row.reason, row.details]))
            .digest('hex')}`;
    this.failures.add(key, row.time, row.user, row.device, row.os, row.osVersion, row.method, row.category, row.reason, row.details, seqOf(this.importId, row.line));
    this.rows++;
  }

  /** Flushes buffered rows; returns how many were new (the rest were duplicates). */
  finish(): { stored: number; duplicates: number } {
    for (const inserter of [this.events, this.details, this.summaries, this.failures]) inserter.flush();
    const stored = this.events.inserted + this.details.inserted + this.summaries.inserted + this.failures.inserted;
    return { stored, duplicates: this.rows - stored };
  }
}
