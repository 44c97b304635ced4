/**
 * Interning of (action name, screen, user action) combinations into `combos`. Incomplete
 * attempts point at a combo; the report groups by combo id and only reads this small table for the
 * texts. Complete and in-progress attempts use combo 0.
 */
import type Database from 'better-sqlite3';
import { ACTION_NAMES, UNKNOWN_ACTION, USER_ACTIONS, catalogScreen } from '../shared/taxonomy';
import { sectionOfActionCode } from './codes';

/** Combo id of attempts that are not incomplete. */
export const NO_COMBO = 0;

export class ComboCache {
  private readonly byText = new Map<string, number>();
  /** (action code, screen id, user action code) → combo id: skips the text lookups in the hot loop. */
  private readonly byCodes = new Map<number, number>();
  private readonly screenText = new Map<number, string>([[0, '']]);
  private readonly insert: Database.Statement<[string, string, string, string | null]>;
  private readonly selectScreen: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    for (const row of db.prepare('SELECT id, action, screen, user_action FROM combos').raw().iterate()) {
      const [id, action, screen, userAction] = row as [number, string, string, string];
      this.byText.set(textKey(action, screen, userAction), id);
    }
    this.insert = db.prepare('INSERT INTO combos (action, screen, user_action, section) VALUES (?, ?, ?, ?)');
    this.selectScreen = db.prepare('SELECT text FROM screens WHERE id = ?').pluck();
  }

  /**
   * The combo of an incomplete attempt from codes. Screen: the stored screen text when screenId is
   * set, else the catalog screen for (action, user action) (spec 4), else ''. Action 0 →
   * '(unknown)' with no section.
   */
  idForCodes(action: number, screenId: number, userAction: number): number {
    // Screen ids stay far below 2^40 and codes below 16, so the key is exact in a double.
    const key = (screenId * 16 + action) * 16 + userAction;
    const known = this.byCodes.get(key);
    if (known !== undefined) return known;
    const actionName = ACTION_NAMES[action - 1];
    const userActionName = USER_ACTIONS[userAction - 1];
    if (userActionName === undefined) throw new Error(`not a user action code: ${userAction}`);
    const screen = screenId !== 0 ? this.screen(screenId) : actionName ? catalogScreen(actionName, userActionName) : '';
    const id = this.idForText(actionName ?? UNKNOWN_ACTION, screen, userActionName, sectionOfActionCode(action));
    this.byCodes.set(key, id);
    return id;
  }

  idForText(action: string, screen: string, userAction: string, section: string | null): number {
    const key = textKey(action, screen, userAction);
    const known = this.byText.get(key);
    if (known !== undefined) return known;
    const id = Number(this.insert.run(action, screen, userAction, section).lastInsertRowid);
    this.byText.set(key, id);
    return id;
  }

  private screen(screenId: number): string {
    let text = this.screenText.get(screenId);
    if (text === undefined) {
      text = (this.selectScreen.get(screenId) as string | undefined) ?? '';
      this.screenText.set(screenId, text);
    }
    return text;
  }
}

const textKey = (action: string, screen: string, userAction: string): string =>
  `${action}\u0000${screen}\u0000${userAction}`;
