/**
 * Failures data (spec 8) -> FailureRow: Intune's DeviceEnrollmentFailures and EnrollmentActivity
 * exports and Graph's enrollmentTroubleshootingEvent. Only a time is required: failures are shown in
 * their own view, and a row without a user is still a failure worth seeing.
 */
import { failureRows } from './batch-builders';
import type { ColumnPlan, FailureField } from './columns';
import type { RecordBatch } from './records';
import { RowSink } from './row-sink';
import { fieldText, labelText, type Row } from './values';

export class FailureSink extends RowSink {
  private readonly batch = failureRows();

  constructor(private readonly plan: ColumnPlan<FailureField>) {
    super();
  }

  row(row: Row, line: number): void {
    const f = this.plan.fields;
    const time = this.timeOrSkip(row, line, f.time);
    if (time === undefined) return;
    this.appended(
      this.batch.push({
        line,
        id: fieldText(row, f.id),
        time,
        user: fieldText(row, f.user),
        device: fieldText(row, f.device),
        os: labelText(row, f.os),
        osVersion: fieldText(row, f.osVersion),
        method: labelText(row, f.method),
        category: labelText(row, f.category),
        reason: labelText(row, f.reason),
        details: labelText(row, f.details),
      }),
    );
  }

  protected pending(): number {
    return this.batch.count;
  }

  protected takeBatch(): RecordBatch {
    return this.batch.take();
  }
}
