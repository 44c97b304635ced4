/**
 * Guidance: for the rows where users abandon, a short curated note of what they
 * saw and what an admin can change. Kept as data in the project, shown beside the section tables
 * and in the PDF. Node-free.
 *
 * One entry per catalog row (spec 2) and one "Closed app" entry per action name. An action name's
 * general entry (userAction null) covers user actions without an entry of their own (a Cancel at
 * the terms of use, say). The notes stay general on purpose: they describe the Company Portal flow
 * and the settings an Intune admin controls, without promising outcomes, and name no links.
 * The texts are messages of the common catalog (English the source, in every language); an entry
 * holds its English texts for the exports and the tests, `guidanceText` gives the reader's.
 */
import { plainEnglish } from './i18n/plain-english';
import type { Translator } from './i18n/translator';
import type { MessageId } from './i18n/messages';
import type { Report, SectionRow } from './report-types';
import {
  SECTION_OF_ACTION,
  parseActionName,
  parseUserAction,
  type ActionName,
  type Section,
  type UserAction,
} from './taxonomy';

export interface Guidance {
  readonly actionName: ActionName;
  /** null: the action name's general note, for user actions without a note of their own. */
  readonly userAction: UserAction | null;
  /** The note's messages: `common.guidance.<key>.saw` and `.change1` ... `.change<changes>`. */
  readonly key: string;
  /** What users saw at this point, one or two sentences (English; `guidanceText` translates). */
  readonly whatUsersSaw: string;
  /** What an admin can change or check, a few short points (English). */
  readonly whatAdminsCanChange: readonly string[];
}

/** `Exceeded 30 minutes` -> `exceeded30Minutes`, `TermsofUse` -> `termsofUse`: the message key's parts. */
const keyPart = (text: string): string =>
  text.replace(/[^A-Za-z0-9]+(.)/g, (_match, next: string) => next.toUpperCase()).replace(/^./, (c) => c.toLowerCase());

const sawId = (key: string): MessageId => `common.guidance.${key}.saw` as MessageId;
const changeId = (key: string, n: number): MessageId => `common.guidance.${key}.change${n}` as MessageId;

/** A note's texts in the reader's language (the app, the PDF). */
export function guidanceText(
  t: Translator['t'],
  entry: Guidance,
): { whatUsersSaw: string; whatAdminsCanChange: string[] } {
  return {
    whatUsersSaw: t(sawId(entry.key)),
    whatAdminsCanChange: entry.whatAdminsCanChange.map((_point, i) => t(changeId(entry.key, i + 1))),
  };
}

// FormatJS's English text, without starting Intl when the module loads.
const english = plainEnglish;

/** One note: its texts are the catalog's (English here), `changes` points of what admins can change. */
function g(actionName: ActionName, userAction: UserAction | null, changes: number): Guidance {
  const key = `${keyPart(actionName)}.${userAction === null ? 'general' : keyPart(userAction)}`;
  const whatAdminsCanChange = Array.from({ length: changes }, (_point, i) => english(changeId(key, i + 1)));
  return { actionName, userAction, key, whatUsersSaw: english(sawId(key)), whatAdminsCanChange };
}

/**
 * The notes, by action name and user action; the number is how many points of what admins can
 * change each has (the texts live in the common catalog, English the source).
 */
export const GUIDANCE: readonly Guidance[] = [
  // Setup Checklist
  g('EnrollmentWrapUp', 'Cancel', 2),
  g('EnrollmentWrapUp', 'Exceeded 30 minutes', 3),
  g('EnrollmentWrapUp', null, 1),
  g('DeviceCategory', 'Exceeded 30 minutes', 2),
  g('DeviceCategory', null, 1),
  g('PreEnrollmentWizard', 'Postpone', 2),
  g('PreEnrollmentWizard', 'Exceeded 30 minutes', 2),
  g('PreEnrollmentWizard', null, 1),
  // Platform Screens
  g('iOSProfileLaunch', 'Ignore', 3),
  g('iOSProfileLaunch', 'Cancel', 2),
  g('iOSProfileLaunch', 'Exceeded 30 minutes', 2),
  g('iOSProfileLaunch', null, 1),
  g('AndroidPermissions', 'Cancel', 2),
  g('AndroidPermissions', 'Exceeded 30 minutes', 2),
  g('AndroidPermissions', null, 1),
  g('KnoxActivation', 'Cancel', 2),
  g('KnoxActivation', 'Exceeded 30 minutes', 2),
  g('KnoxActivation', null, 1),
  // Terms of Use
  g('TermsofUse', 'Decline All', 3),
  g('TermsofUse', 'Exceeded 30 minutes', 2),
  g('TermsofUse', null, 1),
  // Compliance/Activation
  g('Compliance', 'Postpone', 2),
  g('Compliance', 'Exceeded 30 minutes', 2),
  g('Compliance', null, 1),
  g('Activation', 'Postpone', 2),
  g('Activation', 'Exceeded 30 minutes', 1),
  g('Activation', null, 1),
  // Closed app, per action name
  g('EnrollmentWrapUp', 'Closed app', 1),
  g('DeviceCategory', 'Closed app', 1),
  g('PreEnrollmentWizard', 'Closed app', 1),
  g('iOSProfileLaunch', 'Closed app', 2),
  g('AndroidPermissions', 'Closed app', 1),
  g('KnoxActivation', 'Closed app', 1),
  g('TermsofUse', 'Closed app', 1),
  g('Compliance', 'Closed app', 1),
  g('Activation', 'Closed app', 1),
];

/** The note for an action name and user action (matched leniently), else the action's general note. */
export function guidanceFor(actionName: string, userAction: string): Guidance | undefined {
  const action = parseActionName(actionName);
  if (action === undefined) return undefined;
  const user = parseUserAction(userAction);
  return (
    GUIDANCE.find((entry) => entry.actionName === action && user !== undefined && entry.userAction === user) ??
    GUIDANCE.find((entry) => entry.actionName === action && entry.userAction === null)
  );
}

export interface GuidedRow {
  readonly section: Section;
  readonly row: SectionRow;
  readonly guidance: Guidance;
}

/**
 * The `n` largest abandonment rows of a report (count > 0) with their notes: by count descending,
 * ties in section order, then table order. Rows without a note (none today) are passed over.
 */
export function topGuidance(report: Report, n = 3): GuidedRow[] {
  const candidates: { section: Section; row: SectionRow; order: number }[] = [];
  let order = 0;
  for (const table of report.sections) {
    for (const row of table.rows) if (row.count > 0) candidates.push({ section: table.section, row, order: order++ });
  }
  candidates.sort((a, b) => b.row.count - a.row.count || a.order - b.order);
  const out: GuidedRow[] = [];
  for (const { section, row } of candidates) {
    if (out.length >= n) break;
    const guidance = guidanceFor(row.actionName, row.userAction);
    if (guidance !== undefined) out.push({ section, row, guidance });
  }
  return out;
}

/** The section a note is about. */
export const sectionOfGuidance = (entry: Guidance): Section => SECTION_OF_ACTION[entry.actionName];
