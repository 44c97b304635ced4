/** Annotations: stored in the case, validated, listed by date. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addAnnotation,
  AnnotationInputError,
  listAnnotations,
  removeAnnotation,
  updateAnnotation,
} from '../../../src-main/notes/annotations';
import { ANNOTATION_MAX_CHARS, annotationTextProblem, isCalendarDate } from '../../../src-main/shared/notes-types';
import { openCase } from '../../../src-main/store/case-file';
import { APPLICATION_ID, MIGRATIONS } from '../../../src-main/store/migrations';
import { removeTempCases, tempCase } from '../../helpers/case-builder';
import { useTempDir } from '../../helpers/temp-dir';

afterEach(removeTempCases);

describe('annotations', () => {
  it('adds, lists by date, edits and removes', () => {
    const db = tempCase();
    const b = addAnnotation(db, { date: '2025-06-10', text: '  Terms of use text changed  ' });
    const a = addAnnotation(db, { date: '2025-06-03', text: 'Compliance policy\nassigned to all users' });
    const c = addAnnotation(db, { date: '2025-06-10', text: 'Second note that day' });
    expect(b).toMatchObject({ date: '2025-06-10', text: 'Terms of use text changed' });
    expect(b.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(b.updatedAt).toBe(b.createdAt);
    expect(listAnnotations(db).map((n) => n.id)).toEqual([a.id, b.id, c.id]);
    expect(listAnnotations(db, { from: '2025-06-04' }).map((n) => n.id)).toEqual([b.id, c.id]);
    expect(listAnnotations(db, { from: '2025-06-01', to: '2025-06-09' }).map((n) => n.id)).toEqual([a.id]);

    const moved = updateAnnotation(db, a.id, { date: '2025-06-11' });
    expect(moved).toMatchObject({ id: a.id, date: '2025-06-11', text: a.text, createdAt: a.createdAt });
    const edited = updateAnnotation(db, b.id, { text: 'Terms shortened' });
    expect(edited).toMatchObject({ date: '2025-06-10', text: 'Terms shortened' });
    expect(listAnnotations(db).map((n) => n.id)).toEqual([b.id, c.id, a.id]);

    removeAnnotation(db, c.id);
    expect(listAnnotations(db).map((n) => n.text)).toEqual([
      'Terms shortened',
      'Compliance policy\nassigned to all users',
    ]);
    expect(() => removeAnnotation(db, c.id)).toThrow(AnnotationInputError);
    expect(() => updateAnnotation(db, 999, { text: 'x' })).toThrow('no annotation #999');
  });

  it('validates the date and the text', () => {
    const db = tempCase();
    for (const date of ['2025-02-29', '2025-13-01', '2025-6-1', '', 'yesterday']) {
      expect(() => addAnnotation(db, { date, text: 'x' }), date).toThrow(AnnotationInputError);
    }
    expect(addAnnotation(db, { date: '2024-02-29', text: 'leap day' }).date).toBe('2024-02-29');
    expect(() => addAnnotation(db, { date: '2025-06-01', text: '   ' })).toThrow('the text is empty');
    const longest = 'é'.repeat(ANNOTATION_MAX_CHARS);
    expect(addAnnotation(db, { date: '2025-06-01', text: longest }).text).toBe(longest);
    expect(() => addAnnotation(db, { date: '2025-06-01', text: `${longest}x` })).toThrow(/at most 500/);
    // Characters are code points: 500 emoji are 1,000 UTF-16 units and still fit.
    expect(addAnnotation(db, { date: '2025-06-01', text: '📈'.repeat(500) }).text).toHaveLength(1000);
    const [first] = listAnnotations(db);
    expect(() => updateAnnotation(db, first!.id, { date: '2025-02-30' })).toThrow(AnnotationInputError);
    expect(() => updateAnnotation(db, first!.id, { text: '' })).toThrow(AnnotationInputError);
    expect(() => listAnnotations(db, { from: 'June' })).toThrow(AnnotationInputError);
    expect(() => addAnnotation(db, { date: '2025-06-01', text: 5 as never })).toThrow(AnnotationInputError);
  });

  it('shared validation helpers (used by the UI)', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(annotationTextProblem('ok')).toBeNull();
  });

  const temp = useTempDir();

  it('a case opened read-only before migration 3 lists none; opening it for writing adds the table', () => {
    const path = join(temp(), 'v2.enrollscope');
    const old = new Database(path);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.exec(MIGRATIONS[0]!);
    old.exec(MIGRATIONS[1]!);
    old.pragma('user_version = 2');
    old.close();
    const readOnly = openCase(path, { readonly: true });
    expect(listAnnotations(readOnly)).toEqual([]);
    readOnly.close();
    const db = openCase(path);
    addAnnotation(db, { date: '2025-06-01', text: 'after the upgrade' });
    expect(listAnnotations(db)).toHaveLength(1);
    db.close();
  });
});
