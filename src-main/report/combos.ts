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

export function loadCombos(db: Database.Database, ids: Iterable<number>): Map<number, ComboInfo> {
  const rows = db
    .prepare(
      `SELECT id, action, screen, user_action, section FROM combos
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify([...ids])) as [number, string, string, string, string | null][];
  const combos = new Map<number, ComboInfo>();
  for (const [id, actionName, screen, userAction, section] of rows) {
    combos.set(id, {
      actionName,
      screen,
      userAction: userAction as UserAction,
      section: SECTIONS.find((s) => s === section) ?? null,
    });
  }
  return combos;
}
