/**
 * The report's vocabulary as a reader sees it: section names, platforms, user actions and the
 * catalog's screen texts, translated at display time. The engine keeps its English values (they
 * are data: filters, JSON, IPC); only what is shown goes through here. A screen text the catalog
 * does not know (an observed row's own wording) is shown as the data wrote it. Node-free.
 */
import { SECTIONS, UNKNOWN_ACTION, USER_ACTIONS, type Section, type UserAction } from '../taxonomy';
import type { MessageId } from './messages';
import type { Translator } from './translator';

/** Only the message function: what the app's `useT()`, the PDF and the CLI all have. */
type T = Translator['t'];

export const SECTION_MESSAGE: Record<Section, MessageId> = {
  'Setup Checklist': 'common.section.setupChecklist',
  'Platform Screens': 'common.section.platformScreens',
  'Terms of Use': 'common.section.termsOfUse',
  'Compliance/Activation': 'common.section.complianceActivation',
};

const SECTION_SHORT_MESSAGE: Record<Section, MessageId> = {
  'Setup Checklist': 'common.sectionShort.setupChecklist',
  'Platform Screens': 'common.sectionShort.platformScreens',
  'Terms of Use': 'common.sectionShort.termsOfUse',
  'Compliance/Activation': 'common.sectionShort.complianceActivation',
};

export const USER_ACTION_MESSAGE: Record<UserAction, MessageId> = {
  Cancel: 'common.userAction.cancel',
  Postpone: 'common.userAction.postpone',
  Ignore: 'common.userAction.ignore',
  'Decline All': 'common.userAction.declineAll',
  'Exceeded 30 minutes': 'common.userAction.exceeded30Minutes',
  'Closed app': 'common.userAction.closedApp',
};

const PLATFORM_MESSAGE: Record<string, MessageId> = {
  'iOS/iPadOS': 'common.platform.ios',
  Android: 'common.platform.android',
  'iOS/Android': 'common.platform.both',
};

/**
 * Each catalog screen text (as the engine and the spec write it) and its message. Two rows share
 * an action name and user action (iOSProfileLaunch, Cancel), so the text, not the pair, is the key.
 */
export const SCREEN_MESSAGE: Readonly<Record<string, MessageId>> = {
  'Prompt to open page in Company Portal': 'common.screen.enrollmentWrapUp.cancel',
  'Enrolling device screen until finish of Loading company resources':
    'common.screen.enrollmentWrapUp.exceeded30Minutes',
  'Device Category selection (if admin configured) until click Done': 'common.screen.deviceCategory.exceeded30Minutes',
  'Set up access screen when having started enrollment but returned to Set up access':
    'common.screen.preEnrollmentWizard.postpone',
  "Set up access screen until clicking Next on the What's Next screen":
    'common.screen.preEnrollmentWizard.exceeded30Minutes',
  'Prompt to show a configuration profile': 'common.screen.iOSProfileLaunch.ignore',
  'Installing profile screen': 'common.screen.iOSProfileLaunch.cancel',
  "Prompt to trust the profile's source to enroll the device": 'common.screen.iOSProfileLaunch.cancelTrust',
  'Install profile screen until profile is installed': 'common.screen.iOSProfileLaunch.exceeded30Minutes',
  'Device administrator activation screen': 'common.screen.androidPermissions.cancel',
  'From prompt for approval to make and manage phone calls until device administrator Activate':
    'common.screen.androidPermissions.exceeded30Minutes',
  'KLMS agent activation (Samsung only)': 'common.screen.knoxActivation.cancel',
  'KLMS agent activation until Confirm': 'common.screen.knoxActivation.exceeded30Minutes',
  'Terms of use (if admin configured)': 'common.screen.termsOfUse.declineAll',
  'Terms of use until Accept all': 'common.screen.termsOfUse.exceeded30Minutes',
  'Device compliance (if admin configured) shows as incomplete on access setup post enrollment':
    'common.screen.compliance.postpone',
  'Device compliance shows as incomplete until updated to show complete': 'common.screen.compliance.exceeded30Minutes',
  'Enrollment activation (if admin configured) shows as incomplete on access setup':
    'common.screen.activation.postpone',
  'Device activation shows as incomplete until updated to show complete': 'common.screen.activation.exceeded30Minutes',
};

const isSection = (value: string): value is Section => (SECTIONS as readonly string[]).includes(value);
const isUserAction = (value: string): value is UserAction => (USER_ACTIONS as readonly string[]).includes(value);

/** A section's name in the reader's language; any other text as it is. */
export const sectionLabel = (t: T, section: string): string =>
  isSection(section) ? t(SECTION_MESSAGE[section]) : section;

/** A section's short name, for narrow places (legends, chips). */
export const sectionShortLabel = (t: T, section: string): string =>
  isSection(section) ? t(SECTION_SHORT_MESSAGE[section]) : section;

/** A user action in the reader's language (the Company Portal's button words); any other text as it is. */
export const userActionLabel = (t: T, action: string): string =>
  isUserAction(action) ? t(USER_ACTION_MESSAGE[action]) : action;

/** A platform text (`iOS/iPadOS`, `Android`, a catalog row's `iOS/Android`); any other text as it is. */
export function platformLabel(t: T, platform: string): string {
  const id = PLATFORM_MESSAGE[platform];
  return id === undefined ? platform : t(id);
}

/**
 * A screen text in the reader's language when it is one of the catalog's; an observed row's own
 * wording (from the data) is shown as written, since no one translated it.
 */
export function screenLabel(t: T, screen: string): string {
  const id = SCREEN_MESSAGE[screen.trim()];
  return id === undefined ? screen : t(id);
}

/** An action name as shown: the taxonomy's identifiers stay as Intune wrote them; `(unknown)` is translated. */
export const actionNameLabel = (t: T, actionName: string | undefined): string =>
  actionName === undefined || actionName === UNKNOWN_ACTION ? t('common.action.unknown') : actionName;

/**
 * Why the import skipped a row (the keys of an import's `skipped`, as the engine and the JSON
 * write them) and its message. test/unit/i18n/skip-reasons.test.ts checks that every reason of
 * the import has one.
 */
export const SKIP_REASON_MESSAGE: Readonly<Record<string, MessageId>> = {
  'no time': 'common.skipReason.noTime',
  'bad time': 'common.skipReason.badTime',
  'time out of range': 'common.skipReason.timeOutOfRange',
  'no user': 'common.skipReason.noUser',
  'no platform': 'common.skipReason.noPlatform',
  'unknown platform': 'common.skipReason.unknownPlatform',
  'unknown event': 'common.skipReason.unknownEvent',
  'unknown action name': 'common.skipReason.unknownActionName',
  'step without action name': 'common.skipReason.stepWithoutActionName',
  'no user action': 'common.skipReason.noUserAction',
  'unknown user action': 'common.skipReason.unknownUserAction',
  'bad count': 'common.skipReason.badCount',
  'unreadable row': 'common.skipReason.unreadableRow',
};

/** A skipped row's reason in the reader's language; a reason this build does not know, as it is. */
export function skipReasonLabel(t: T, reason: string): string {
  const id = SKIP_REASON_MESSAGE[reason];
  return id === undefined ? reason : t(id);
}
