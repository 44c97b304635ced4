/** Event-log rows (spec 3, input 1) -> EventBatch. */
import { eventCode, parseEventType } from '../shared/taxonomy';
import { EventBatchBuilder } from './batch-builders';
import { EventRowSink } from './event-row-sink';
import { EMPTY_CODE, enumCodes, excerpt, fieldCode, fieldShown, type Row } from './values';

const STEP = eventCode('step');
/** Shared by every file's sink (see PLATFORM_CODES). */
const EVENT_CODES = enumCodes(parseEventType, eventCode);

export class EventSink extends EventRowSink {
  protected readonly batch = new EventBatchBuilder();
  private readonly events = EVENT_CODES;

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
