/** The column plan and row sink for each file kind. */
import { ColumnPlan, ENROLLMENT_COLUMNS, FAILURE_COLUMNS, type EnrollmentField, type FailureField } from './columns';
import { DetailsSink } from './details-sink';
import { EventSink } from './event-sink';
import { FailureSink } from './failure-sink';
import type { FileKind } from './records';
import type { RowSink } from './row-sink';
import { SummarySink } from './summary-sink';

export type AnyPlan = ColumnPlan<EnrollmentField> | ColumnPlan<FailureField>;

export function planFor(kind: FileKind): AnyPlan {
  return kind === 'failures'
    ? new ColumnPlan<FailureField>(FAILURE_COLUMNS)
    : new ColumnPlan<EnrollmentField>(ENROLLMENT_COLUMNS);
}

export function sinkFor(kind: FileKind, plan: AnyPlan): RowSink {
  switch (kind) {
    case 'event-log':
      return new EventSink(plan as ColumnPlan<EnrollmentField>);
    case 'details':
      return new DetailsSink(plan as ColumnPlan<EnrollmentField>);
    case 'summary':
      return new SummarySink(plan as ColumnPlan<EnrollmentField>);
    case 'failures':
      return new FailureSink(plan as ColumnPlan<FailureField>);
  }
}
