/** The texts of the combos the report counted (only those ids: the table may hold many). */
import type Database from 'better-sqlite3';
import { SECTIONS, type Section, type UserAction } from '../shared/taxonomy';

export interface ComboInfo {
  readonly actionName: string;
  readonly screen: string;
  readonly userAction: UserAction;
  /** null: unclassified (an attempt that ended before any action name was known). */
  readonly section: Section | null;
}

/** Above this many ids, one pass over the table beats a lookup per id. */
const SCAN_ABOVE = 2_000;

type ComboRow = [number, string, string, string, string | null];

export function loadCombos(db: Database.Database, ids: readonly number[]): Map<number, ComboInfo> {
  const wanted = ids.length > SCAN_ABOVE ? new Set(ids) : null;
  const rows = (
    wanted === null
      ? db
          .prepare(
            `SELECT id, action, screen, user_action, section FROM combos
             WHERE id IN (SELECT value FROM json_each(?))`,
          )
          .raw()
          .iterate(JSON.stringify(ids))
      : db.prepare('SELECT id, action, screen, user_action, section FROM combos').raw().iterate()
  ) as IterableIterator<ComboRow>;
  const combos = new Map<number, ComboInfo>();
  for (const [id, actionName, screen, userAction, section] of rows) {
    if (wanted !== null && !wanted.has(id)) continue;
    combos.set(id, {
      actionName,
      screen,
      userAction: userAction as UserAction,
      section: SECTIONS.find((s) => s === section) ?? null,
    });
  }
  return combos;
}
