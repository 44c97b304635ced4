import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { INSERT_CHUNK, Interner } from '../../../src-main/store/intern';
import { useTempDir } from '../../helpers/temp-dir';

const names = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}@contoso.example`);

/** Every user's id as the table holds it. */
function idsInTable(db: CaseDb): Map<string, number> {
  const rows = db.prepare('SELECT name, id FROM users').raw().all() as [string, number][];
  return new Map(rows);
}

describe('Interner.lookupMany', () => {
  const tempDir = useTempDir();

  it('gives new strings, inserted a chunk at a time (the last one padded with repeats), the ids the table holds', () => {
    const db = openCase(join(tempDir(), 'case.enrollscope'));
    try {
      const interner = new Interner(db, 'users');
      const texts = names('new', 2 * INSERT_CHUNK + 7);
      const into = new Float64Array(texts.length + 3);
      db.transaction(() => interner.lookupMany(texts, into, 3))();
      const table = idsInTable(db);
      expect(table.size).toBe(texts.length);
      expect([...into.subarray(3)]).toEqual(texts.map((text) => table.get(text)));
      expect([...into.subarray(0, 3)]).toEqual([0, 0, 0]);
    } finally {
      db.close();
    }
  });

  it('keeps the ids of strings an earlier import stored, in a chunk where the others are new', () => {
    const db = openCase(join(tempDir(), 'case.enrollscope'));
    try {
      const earlier = new Interner(db, 'users');
      const old = names('old', 5);
      // Ids that new strings inserted in order could not get: the table already holds 1000 rows.
      db.transaction(() => {
        for (const text of names('filler', 1000)) earlier.lookup(text);
        for (const text of old) earlier.lookup(text);
      })();
      const before = idsInTable(db);

      const interner = new Interner(db, 'users');
      // A whole chunk, then a short one (padded to 8 rows) that also holds an earlier string.
      const texts = [...names('new', INSERT_CHUNK - 5), ...old.reverse(), ...names('more', 6), old[0]!];
      const into = new Float64Array(texts.length);
      db.transaction(() => interner.lookupMany(texts, into, 0))();
      const after = idsInTable(db);
      expect(after.size).toBe(before.size + INSERT_CHUNK - 5 + 6);
      for (const text of old) expect(after.get(text)).toBe(before.get(text));
      expect([...into]).toEqual(texts.map((text) => after.get(text)));

      // Strings sent again (a coder's restart): the chunk starts with a known one.
      const again = [old[1]!, 'late1@contoso.example', old[2]!, 'late2@contoso.example'];
      const intoAgain = new Float64Array(again.length);
      const inserts = vi.spyOn(interner as unknown as { insertStatement: () => unknown }, 'insertStatement');
      db.transaction(() => interner.lookupMany(again, intoAgain, 0))();
      expect(inserts).not.toHaveBeenCalled();
      const last = idsInTable(db);
      expect(last.size).toBe(after.size + 2);
      expect([...intoAgain]).toEqual(again.map((text) => last.get(text)));
    } finally {
      db.close();
    }
  });
});
