/**
 * Event-log and details rows (spec 3, inputs 1 and 2) are both one row per event of one user:
 * the time, the user and the platform are checked here, the same way for both; each sink checks
 * its two codes and appends the row.
 */
import { actionCode, parseActionName, parsePlatform, PLATFORM_CODE } from '../shared/taxonomy';
import type { DetailsBatchBuilder, EventBatchBuilder } from './batch-builders';
import type { ColumnPlan, EnrollmentField } from './columns';
import type { CodedEventBatchBuilder } from './coded-event-builder';
import type { ReadBatch } from './records';
import { RowSink } from './row-sink';
import { EMPTY_CODE, enumCodes, type CodeCache, excerpt, fieldCode, fieldShown, fieldText, type Row } from './values';

export const platformCodes = (): CodeCache => enumCodes(parsePlatform, (platform) => PLATFORM_CODE[platform]);
export const actionCodes = (): CodeCache => enumCodes(parseActionName, actionCode);
/**
 * One memo per thread, shared by every file's sink: a code is a pure function of the text, and a
 * folder of thousands of small files otherwise parsed the same few texts again for each file.
 */
export const PLATFORM_CODES = platformCodes();
export const ACTION_CODES = actionCodes();

export abstract class EventRowSink extends RowSink {
  protected abstract readonly batch: EventBatchBuilder | DetailsBatchBuilder | CodedEventBatchBuilder;
  private readonly platforms = PLATFORM_CODES;
  protected readonly actions = ACTION_CODES;

  constructor(protected readonly plan: ColumnPlan<EnrollmentField>) {
    super();
  }

  row(row: Row, line: number): void {
    const f = this.plan.fields;
    const time = this.timeOrSkip(row, line, f.time);
    if (time === undefined) return;
    const user = fieldText(row, f.user);
    if (user === '') return this.skip(line, 'no user', () => excerpt(row));
    const platform = fieldCode(row, f.platform, this.platforms);
    if (platform <= 0) {
      if (platform === EMPTY_CODE) return this.skip(line, 'no platform', () => excerpt(row));
      return this.skip(line, 'unknown platform', () => fieldShown(row, f.platform));
    }
    this.codedRow(row, line, time, user, platform);
  }

  /** Checks the row's own codes, then skips it or calls `append`. */
  protected abstract codedRow(row: Row, line: number, time: number, user: string, platform: number): void;

  /** `codeA` and `codeB`: the batch's two codes, in the order its builder takes them. */
  protected append(
    row: Row,
    line: number,
    time: number,
    user: string,
    platform: number,
    codeA: number,
    codeB: number,
  ): void {
    const f = this.plan.fields;
    this.appended(
      this.batch.push(line, time, platform, codeA, codeB, user, fieldText(row, f.device), fieldText(row, f.screen)),
    );
  }

  protected pending(): number {
    return this.batch.count;
  }

  protected takeBatch(): ReadBatch {
    return this.batch.take();
  }
}
