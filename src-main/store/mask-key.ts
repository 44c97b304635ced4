/**
 * The case's masking key (privacy): 128 random bits kept in the case's settings, made when the
 * case is created or, for an older case, by its first write (an import, inside its transaction;
 * or the first masked output of a writable connection). Opening a case never writes it. Pseudonyms (shared/mask.ts) are keyed with it, so they are
 * stable within the case (view, drill-down, exports, PDF) and cannot be recomputed from a guessed
 * user name by whoever holds a masked PDF or export but not the case. It never leaves the machine
 * except inside the case file itself.
 */
import { randomBytes } from 'node:crypto';
import type { MaskKey } from '../shared/mask';
import type { CaseDb } from './case-file';
import { caseProblemOf } from './case-errors';

export const MASK_KEY_SETTING = 'mask-key';

/** Keys of read-only connections to cases made before keys existed: stable for that connection only. */
const ephemeral = new WeakMap<CaseDb, MaskKey>();

/** Makes the key if the case has none (a writable connection, outside any other transaction). */
export function ensureMaskKey(db: CaseDb): void {
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(
    MASK_KEY_SETTING,
    randomBytes(16).toString('hex'),
  );
}

/** Keys read, per connection (a case's key never changes once made). */
const known = new WeakMap<CaseDb, MaskKey>();

/** The case's key. */
export function maskKeyOf(db: CaseDb): MaskKey {
  const cached = known.get(db);
  if (cached) return cached;
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(MASK_KEY_SETTING) as
    { value: string } | undefined;
  if (row && /^[0-9a-f]{32}$/i.test(row.value)) {
    const key = row.value.toLowerCase();
    known.set(db, key);
    return key;
  }
  if (!db.readonly && !db.inTransaction) {
    try {
      ensureMaskKey(db);
      return maskKeyOf(db);
    } catch (error) {
      // An import holds the write lock (it makes the key itself): a key for this output only.
      if (caseProblemOf(error) === 'busy') return randomBytes(16).toString('hex');
      if (caseProblemOf(error) !== 'read-only') throw error;
    }
  }
  let key = ephemeral.get(db);
  if (!key) ephemeral.set(db, (key = randomBytes(16).toString('hex')));
  return key;
}
