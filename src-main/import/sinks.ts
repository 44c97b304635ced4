/** The column plan and row sink for each file kind. */
import {
  ColumnPlan,
  detectKind,
  ENROLLMENT_COLUMNS,
  FAILURE_COLUMNS,
  NOT_ENROLLMENT_REASON,
  type EnrollmentField,
  type FailureField,
} from './columns';
import { DetailsSink } from './details-sink';
import { EventSink } from './event-sink';
import { FailureSink } from './failure-sink';
import type { FileKind } from './records';
import { NotEnrollmentFile } from './refusal';
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

export interface RowReader {
  readonly kind: FileKind;
  readonly plan: AnyPlan;
  readonly sink: RowSink;
}

/**
 * The kind, plan and sink of a file with these column names (the plan is left empty: each format
 * adds its columns its own way). Refused, naming the file, when it has more than `maxColumns`
 * columns (when given: a JSON lines file counts its keys as it reads) or none that tells an
 * enrollment file's kind.
 */
export function rowReaderFor(name: string, columns: readonly string[], maxColumns?: number): RowReader {
  if (maxColumns !== undefined && columns.length > maxColumns) {
    throw new NotEnrollmentFile(
      name,
      `${columns.length} columns, more than the ${maxColumns} an enrollment file could have`,
    );
  }
  const kind = detectKind(columns);
  if (!kind) throw new NotEnrollmentFile(name, NOT_ENROLLMENT_REASON);
  return readerOf(kind, planFor(kind));
}

/**
 * A reader of `kind` rows by `plan`, its sink made when asked for: a reader with a sink of its own
 * (the coded event sink) never needs this one.
 */
export function readerOf(kind: FileKind, plan: AnyPlan): RowReader {
  let sink: RowSink | undefined;
  return {
    kind,
    plan,
    get sink() {
      return (sink ??= sinkFor(kind, plan));
    },
  };
}
