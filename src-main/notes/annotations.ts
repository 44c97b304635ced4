/**
 * Annotations: dated notes stored in the case (migration 3), drawn on the chart
 * and listed in the PDF. Not part of the Report: the UI and the print route ask for them apart.
 *
 * - date: a calendar day `YYYY-MM-DD` (no zone: a note is about a day, the chart's day axis is
 *   already in the report's zone).
 * - text: trimmed; 1 to 500 characters (code points). Line breaks are kept.
 * - Listed by date, then by id (the order they were added).
 * - A case opened read-only before migration 3 has no table: it lists none.
 */
import type Database from 'better-sqlite3';
import {
  annotationDateProblem,
  annotationTextProblem,
  type Annotation,
  type AnnotationInput,
  type AnnotationRange,
} from '../shared/notes-types';

/** An annotation that cannot be stored as asked. The message is one line. */
export class AnnotationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnotationInputError';
  }
}

interface AnnotationTuple {
  id: number;
  date: string;
  text: string;
  created_at: string;
  updated_at: string;
}

const toAnnotation = (row: AnnotationTuple): Annotation => ({
  id: row.id,
  date: row.date,
  text: row.text,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function hasTable(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'annotations'").get() !== undefined;
}

function checkDate(date: unknown): string {
  const problem = annotationDateProblem(date);
  if (problem !== null) throw new AnnotationInputError(problem);
  return date as string;
}

function checkText(text: unknown): string {
  const problem = annotationTextProblem(text);
  if (problem !== null) throw new AnnotationInputError(problem);
  return (text as string).trim();
}

function checkRangeDay(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (annotationDateProblem(value) !== null)
    throw new AnnotationInputError(`invalid ${name} date "${String(value)}" (expected YYYY-MM-DD)`);
  return value;
}

/** The annotations, all or those dated within [from, to] (either end may be left open). */
export function listAnnotations(db: Database.Database, range: AnnotationRange = {}): Annotation[] {
  const from = checkRangeDay(range.from, 'from');
  const to = checkRangeDay(range.to, 'to');
  if (!hasTable(db)) return [];
  const rows = db
    .prepare(
      `SELECT id, date, text, created_at, updated_at FROM annotations
       WHERE (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to)
       ORDER BY date, id`,
    )
    .all({ from: from ?? null, to: to ?? null }) as AnnotationTuple[];
  return rows.map(toAnnotation);
}

export function getAnnotation(db: Database.Database, id: number): Annotation | undefined {
  if (!hasTable(db)) return undefined;
  const row = db.prepare('SELECT id, date, text, created_at, updated_at FROM annotations WHERE id = ?').get(id) as
    AnnotationTuple | undefined;
  return row && toAnnotation(row);
}

const now = (): string => new Date().toISOString();

export function addAnnotation(db: Database.Database, input: AnnotationInput): Annotation {
  const date = checkDate(input?.date);
  const text = checkText(input?.text);
  const at = now();
  const id = Number(
    db
      .prepare('INSERT INTO annotations (date, text, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(date, text, at, at).lastInsertRowid,
  );
  return { id, date, text, createdAt: at, updatedAt: at };
}

function checkId(id: unknown): number {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)
    throw new AnnotationInputError(`no annotation #${String(id)}`);
  return id;
}

/** Changes the date and/or the text; throws when the annotation does not exist. */
export function updateAnnotation(
  db: Database.Database,
  id: number,
  patch: { readonly date?: string; readonly text?: string },
): Annotation {
  checkId(id);
  const date = patch?.date === undefined ? undefined : checkDate(patch.date);
  const text = patch?.text === undefined ? undefined : checkText(patch.text);
  const existing = getAnnotation(db, id);
  if (existing === undefined) throw new AnnotationInputError(`no annotation #${id}`);
  const updated: Annotation = {
    ...existing,
    date: date ?? existing.date,
    text: text ?? existing.text,
    updatedAt: now(),
  };
  db.prepare('UPDATE annotations SET date = ?, text = ?, updated_at = ? WHERE id = ?').run(
    updated.date,
    updated.text,
    updated.updatedAt,
    id,
  );
  return updated;
}

/** Removes an annotation; throws when it does not exist. */
export function removeAnnotation(db: Database.Database, id: number): void {
  checkId(id);
  const removed = hasTable(db) ? db.prepare('DELETE FROM annotations WHERE id = ?').run(id).changes : 0;
  if (removed === 0) throw new AnnotationInputError(`no annotation #${id}`);
}
