/**
 * Abandonment details rows (spec 3, input 2) -> DetailsBatch. The section column is not read: a
 * details row's section is its action name's (spec 4), derived downstream.
 */
import { parseUserAction, userActionCode } from '../shared/taxonomy';
import { DetailsBatchBuilder } from './batch-builders';
import { EventRowSink } from './event-row-sink';
import { EMPTY_CODE, enumCodes, excerpt, fieldCode, fieldShown, type Row } from './values';

/** Shared by every file's sink (see PLATFORM_CODES). */
const USER_ACTION_CODES = enumCodes(parseUserAction, userActionCode);

export class DetailsSink extends EventRowSink {
  protected readonly batch = new DetailsBatchBuilder();
  private readonly userActions = USER_ACTION_CODES;

  protected codedRow(row: Row, line: number, time: number, user: string, platform: number): void {
    const f = this.plan.fields;
    const userAction = fieldCode(row, f.userAction, this.userActions);
    if (userAction <= 0) {
      if (userAction === EMPTY_CODE) return this.skip(line, 'no user action', () => excerpt(row));
      return this.skip(line, 'unknown user action', () => fieldShown(row, f.userAction));
    }
    // No action name at all is kept (the attempt is unclassified); a wrong one is not.
    const action = fieldCode(row, f.action, this.actions);
    if (action === 0) return this.skip(line, 'unknown action name', () => fieldShown(row, f.action));
    this.append(row, line, time, user, platform, action > 0 ? action : 0, userAction);
  }
}
