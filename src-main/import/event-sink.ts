/** Event-log rows (spec 3, input 1) -> EventBatch. */
import {
  actionCode,
  eventCode,
  parseActionName,
  parseEventType,
  parsePlatform,
  PLATFORM_CODE,
} from '../shared/taxonomy';
import { EventBatchBuilder } from './batch-builders';
import type { ColumnPlan, EnrollmentField } from './columns';
import type { RecordBatch } from './records';
import { RowSink } from './row-sink';
import { CodeCache, EMPTY_CODE, excerpt, fieldCode, fieldShown, fieldText, type Row } from './values';

export const platformCodes = (): CodeCache =>
  new CodeCache((text) => {
    const platform = parsePlatform(text);
    return platform ? PLATFORM_CODE[platform] : 0;
  });

export const actionCodes = (): CodeCache =>
  new CodeCache((text) => {
    const name = parseActionName(text);
    return name ? actionCode(name) : 0;
  });

const eventCodes = (): CodeCache =>
  new CodeCache((text) => {
    const type = parseEventType(text);
    return type ? eventCode(type) : 0;
  });

const STEP = eventCode('step');

export class EventSink extends RowSink {
  private readonly batch = new EventBatchBuilder();
  private readonly platforms = platformCodes();
  private readonly events = eventCodes();
  private readonly actions = actionCodes();

  constructor(private readonly plan: ColumnPlan<EnrollmentField>) {
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
    const event = fieldCode(row, f.event, this.events);
    if (event <= 0) return this.skip(line, 'unknown event', () => fieldShown(row, f.event) || '(empty)');
    const action = fieldCode(row, f.action, this.actions);
    if (action === 0) return this.skip(line, 'unknown action name', () => fieldShown(row, f.action));
    if (action === EMPTY_CODE && event === STEP) return this.skip(line, 'step without action name', () => excerpt(row));
    this.appended(
      this.batch.push(
        line,
        time,
        platform,
        event,
        action > 0 ? action : 0,
        user,
        fieldText(row, f.device),
        fieldText(row, f.screen),
      ),
    );
  }

  protected pending(): number {
    return this.batch.count;
  }

  protected takeBatch(): RecordBatch {
    return this.batch.take();
  }
}
