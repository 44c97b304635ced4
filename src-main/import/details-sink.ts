/**
 * Abandonment details rows (spec 3, input 2) -> DetailsBatch. The section column is not read: a
 * details row's section is its action name's (spec 4), derived downstream.
 */
import { parseUserAction, userActionCode } from '../shared/taxonomy';
import { DetailsBatchBuilder } from './batch-builders';
import type { ColumnPlan, EnrollmentField } from './columns';
import { actionCodes, platformCodes } from './event-sink';
import type { RecordBatch } from './records';
import { RowSink } from './row-sink';
import { CodeCache, EMPTY_CODE, excerpt, fieldCode, fieldShown, fieldText, type Row } from './values';

const userActionCodes = (): CodeCache =>
  new CodeCache((text) => {
    const action = parseUserAction(text);
    return action ? userActionCode(action) : 0;
  });

export class DetailsSink extends RowSink {
  private readonly batch = new DetailsBatchBuilder();
  private readonly platforms = platformCodes();
  private readonly actions = actionCodes();
  private readonly userActions = userActionCodes();

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
    const userAction = fieldCode(row, f.userAction, this.userActions);
    if (userAction <= 0) {
      if (userAction === EMPTY_CODE) return this.skip(line, 'no user action', () => excerpt(row));
      return this.skip(line, 'unknown user action', () => fieldShown(row, f.userAction));
    }
    // No action name at all is kept (the attempt is unclassified); a wrong one is not.
    const action = fieldCode(row, f.action, this.actions);
    if (action === 0) return this.skip(line, 'unknown action name', () => fieldShown(row, f.action));
    this.appended(
      this.batch.push(
        line,
        time,
        platform,
        action > 0 ? action : 0,
        userAction,
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
