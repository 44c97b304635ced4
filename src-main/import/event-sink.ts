/** Event-log rows (spec 3, input 1) -> EventBatch. */
import { eventCode, parseEventType } from '../shared/taxonomy';
import { EventBatchBuilder } from './batch-builders';
import { CodedEventBatchBuilder } from './coded-event-builder';
import type { ColumnPlan, EnrollmentField } from './columns';
import { EventRowSink } from './event-row-sink';
import type { CodesKept } from './records';
import { EMPTY_CODE, enumCodes, excerpt, fieldCode, fieldShown, type Row } from './values';

export const STEP = eventCode('step');
/** Shared by every file's sink (see PLATFORM_CODES). */
export const EVENT_CODES = enumCodes(parseEventType, eventCode);

export class EventSink extends EventRowSink {
  private readonly events = EVENT_CODES;

  constructor(
    plan: ColumnPlan<EnrollmentField>,
    protected readonly batch: EventBatchBuilder | CodedEventBatchBuilder = new EventBatchBuilder(),
  ) {
    super(plan);
  }

  protected codedRow(row: Row, line: number, time: number, user: string, platform: number): void {
    const f = this.plan.fields;
    const event = fieldCode(row, f.event, this.events);
    if (event <= 0) return this.skip(line, 'unknown event', () => fieldShown(row, f.event) || '(empty)');
    const action = fieldCode(row, f.action, this.actions);
    if (action === 0) return this.skip(line, 'unknown action name', () => fieldShown(row, f.action));
    if (action === EMPTY_CODE && event === STEP) return this.skip(line, 'step without action name', () => excerpt(row));
    this.append(row, line, time, user, platform, event, action > 0 ? action : 0);
  }
}

/** An event-log sink whose batches come out coded; it also takes rows the byte scanner read. */
export class CodedEventSink extends EventSink {
  private readonly coded: CodedEventBatchBuilder;

  /** `kept`: the distinct strings each column's coder remembers (CodedEventBatchBuilder). */
  constructor(plan: ColumnPlan<EnrollmentField>, kept: CodesKept) {
    const coded = new CodedEventBatchBuilder(kept);
    super(plan, coded);
    this.coded = coded;
  }

  /** A row fast-event-lines.ts read and checked from its bytes: appended as `row` would append it. */
  appendBytes(
    line: number,
    time: number,
    platform: number,
    event: number,
    action: number,
    buf: Uint8Array,
    ranges: Int32Array,
  ): void {
    this.appended(this.coded.pushBytes(line, time, platform, event, action, buf, ranges));
  }
}
