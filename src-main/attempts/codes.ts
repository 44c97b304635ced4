/**
 * Numeric codes the attempt builder works with, derived once from the taxonomy so that the hot
 * loop compares small integers instead of strings. Node-free and side-effect free.
 */
import {
  ACTION_NAMES,
  SECTIONS,
  SECTION_OF_ACTION,
  eventCode,
  userActionCode,
  type ActionName,
  type Section,
} from '../shared/taxonomy';

/** attempts.outcome values (see migrations.ts). */
export const OUTCOME = { inProgress: 0, complete: 1, incomplete: 2 } as const;
export type Outcome = (typeof OUTCOME)[keyof typeof OUTCOME];

/** attempts.source values (see migrations.ts). */
export const SOURCE = { events: 0, details: 1 } as const;

export const EV_START = eventCode('start');
export const EV_COMPLETE = eventCode('complete');

export const UA_EXCEEDED = userActionCode('Exceeded 30 minutes');
export const UA_CLOSED_APP = userActionCode('Closed app');

/** Spec 4 rule 2: a gap of strictly more than this ends the open attempt. */
export const GAP_MS = 30 * 60 * 1000;

/**
 * User action code of each ending event code (spec 4 rules 5 and 6), 0 for the others. Indexed by
 * event code; built from the taxonomy so a reordering there cannot silently break the mapping.
 */
export const ENDING_USER_ACTION: readonly number[] = (() => {
  const table = new Array<number>(16).fill(0);
  const pairs = [
    ['cancel', 'Cancel'],
    ['postpone', 'Postpone'],
    ['ignore', 'Ignore'],
    ['declineall', 'Decline All'],
    ['appclosed', 'Closed app'],
  ] as const;
  for (const [event, userAction] of pairs) table[eventCode(event)] = userActionCode(userAction);
  return table;
})();

/** Every section bit: a completed attempt passed through all sections (spec 7). */
export const ALL_SECTIONS_MASK = (1 << SECTIONS.length) - 1;

/** Index in SECTIONS of an action name's section. */
export const sectionIndexOfAction = (name: ActionName): number => SECTIONS.indexOf(SECTION_OF_ACTION[name]);

/**
 * Reached-mask contribution of an action code, indexed by code (0 = none → 0): naming an action of
 * section i means sections 0..i were reached (spec 7: an admin may not configure a section, and a
 * skipped section counts as passed through).
 */
export const REACHED_BY_ACTION: readonly number[] = [
  0,
  ...ACTION_NAMES.map((name) => (1 << (sectionIndexOfAction(name) + 1)) - 1),
];

/** The section of an action code, or null for 0 / unknown codes (an unclassified attempt). */
export function sectionOfActionCode(code: number): Section | null {
  const name = ACTION_NAMES[code - 1];
  return name === undefined ? null : SECTION_OF_ACTION[name];
}
