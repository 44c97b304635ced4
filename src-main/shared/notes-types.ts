/**
 * Annotations: dated notes stored in the case, and the rules for accepting one. Node-free.
 */

// Annotations: dated notes stored in the case.

export interface Annotation {
  readonly id: number;
  /** `YYYY-MM-DD`: a calendar day (shown on that day whatever the zone). */
  readonly date: string;
  readonly text: string;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AnnotationInput {
  readonly date: string;
  readonly text: string;
}

export interface AnnotationRange {
  readonly from?: string;
  readonly to?: string;
}

/** Longest annotation text, in characters (code points) after trimming. */
export const ANNOTATION_MAX_CHARS = 500;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an existing calendar day written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why an annotation's date is not accepted, or null. */
export function annotationDateProblem(date: unknown): string | null {
  if (typeof date !== 'string' || !isCalendarDate(date)) return `the date "${String(date)}" is not a day (YYYY-MM-DD)`;
  return null;
}

/** Why an annotation's text is not accepted (after trimming), or null. */
export function annotationTextProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'the text is missing';
  const trimmed = text.trim();
  if (trimmed === '') return 'the text is empty';
  const length = [...trimmed].length;
  if (length > ANNOTATION_MAX_CHARS) return `the text has ${length} characters (at most ${ANNOTATION_MAX_CHARS})`;
  return null;
}

export interface AnnotationPatch {
  readonly id: number;
  readonly date?: string;
  readonly text?: string;
}
