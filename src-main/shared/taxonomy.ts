/**
 * The report's vocabulary (spec section 2): platforms, sections, action names, user actions and
 * the catalog of known table rows. Node-free: the renderer imports it too.
 */

export const PLATFORMS = ['iOS/iPadOS', 'Android'] as const;
export type Platform = (typeof PLATFORMS)[number];
/** Platform codes as stored in the case file. */
export const PLATFORM_CODE = { 'iOS/iPadOS': 1, Android: 2 } as const satisfies Record<Platform, number>;
export type PlatformCode = (typeof PLATFORM_CODE)[Platform];
export const platformOfCode = (code: number): Platform => (code === 1 ? 'iOS/iPadOS' : 'Android');

/** Sections in the order of the enrollment flow (spec section 7). */
export const SECTIONS = ['Setup Checklist', 'Platform Screens', 'Terms of Use', 'Compliance/Activation'] as const;
export type Section = (typeof SECTIONS)[number];
/**
 * "All sections selected" is the list naming all four, from the app's store to the engine; it is
 * no section filter (spec 5: unclassified attempts count only then).
 */
export const namesEverySection = (sections: readonly Section[]): boolean => SECTIONS.every((s) => sections.includes(s));

/** Action names in taxonomy order; the stored action code is the index + 1 (0 = none). */
export const ACTION_NAMES = [
  'EnrollmentWrapUp',
  'DeviceCategory',
  'PreEnrollmentWizard',
  'iOSProfileLaunch',
  'AndroidPermissions',
  'KnoxActivation',
  'TermsofUse',
  'Compliance',
  'Activation',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];
/** The action name of an attempt that ended before any action name was known. */
export const UNKNOWN_ACTION = '(unknown)';

export const SECTION_OF_ACTION: Record<ActionName, Section> = {
  EnrollmentWrapUp: 'Setup Checklist',
  DeviceCategory: 'Setup Checklist',
  PreEnrollmentWizard: 'Setup Checklist',
  iOSProfileLaunch: 'Platform Screens',
  AndroidPermissions: 'Platform Screens',
  KnoxActivation: 'Platform Screens',
  TermsofUse: 'Terms of Use',
  Compliance: 'Compliance/Activation',
  Activation: 'Compliance/Activation',
};

/** User actions that end an attempt as incomplete; the stored code is the index + 1. */
export const USER_ACTIONS = [
  'Cancel',
  'Postpone',
  'Ignore',
  'Decline All',
  'Exceeded 30 minutes',
  'Closed app',
] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** Event types of an enrollment event log; the stored code is the index + 1. */
export const EVENT_TYPES = [
  'start',
  'step',
  'cancel',
  'postpone',
  'ignore',
  'declineall',
  'appclosed',
  'complete',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The platform text of a catalog row. */
export type CatalogPlatform = 'iOS/Android' | 'iOS/iPadOS' | 'Android';

export interface CatalogRow {
  readonly actionName: ActionName;
  readonly screen: string;
  readonly platform: CatalogPlatform;
  readonly userAction: UserAction;
}

const row = (
  actionName: ActionName,
  screen: string,
  platform: CatalogPlatform,
  userAction: UserAction,
): CatalogRow => ({
  actionName,
  screen,
  platform,
  userAction,
});

/** The catalog of known rows, in the spec's order (spec section 2). */
export const CATALOG: readonly CatalogRow[] = [
  row('EnrollmentWrapUp', 'Prompt to open page in Company Portal', 'iOS/Android', 'Cancel'),
  row(
    'EnrollmentWrapUp',
    'Enrolling device screen until finish of Loading company resources',
    'iOS/Android',
    'Exceeded 30 minutes',
  ),
  row(
    'DeviceCategory',
    'Device Category selection (if admin configured) until click Done',
    'iOS/Android',
    'Exceeded 30 minutes',
  ),
  row(
    'PreEnrollmentWizard',
    'Set up access screen when having started enrollment but returned to Set up access',
    'iOS/Android',
    'Postpone',
  ),
  row(
    'PreEnrollmentWizard',
    "Set up access screen until clicking Next on the What's Next screen",
    'iOS/Android',
    'Exceeded 30 minutes',
  ),
  row('iOSProfileLaunch', 'Prompt to show a configuration profile', 'iOS/iPadOS', 'Ignore'),
  row('iOSProfileLaunch', 'Installing profile screen', 'iOS/iPadOS', 'Cancel'),
  row('iOSProfileLaunch', "Prompt to trust the profile's source to enroll the device", 'iOS/iPadOS', 'Cancel'),
  row('iOSProfileLaunch', 'Install profile screen until profile is installed', 'iOS/iPadOS', 'Exceeded 30 minutes'),
  row('AndroidPermissions', 'Device administrator activation screen', 'Android', 'Cancel'),
  row(
    'AndroidPermissions',
    'From prompt for approval to make and manage phone calls until device administrator Activate',
    'Android',
    'Exceeded 30 minutes',
  ),
  row('KnoxActivation', 'KLMS agent activation (Samsung only)', 'Android', 'Cancel'),
  row('KnoxActivation', 'KLMS agent activation until Confirm', 'Android', 'Exceeded 30 minutes'),
  row('TermsofUse', 'Terms of use (if admin configured)', 'iOS/Android', 'Decline All'),
  row('TermsofUse', 'Terms of use until Accept all', 'iOS/Android', 'Exceeded 30 minutes'),
  row(
    'Compliance',
    'Device compliance (if admin configured) shows as incomplete on access setup post enrollment',
    'iOS/Android',
    'Postpone',
  ),
  row(
    'Compliance',
    'Device compliance shows as incomplete until updated to show complete',
    'iOS/Android',
    'Exceeded 30 minutes',
  ),
  row(
    'Activation',
    'Enrollment activation (if admin configured) shows as incomplete on access setup',
    'iOS/Android',
    'Postpone',
  ),
  row(
    'Activation',
    'Device activation shows as incomplete until updated to show complete',
    'iOS/Android',
    'Exceeded 30 minutes',
  ),
];

/** Lower-cases and drops spaces, `_` and `-`: how column names and enum values are compared. */
export const squash = (text: string): string => text.toLowerCase().replace(/[\s_-]+/g, '');

const ACTION_BY_KEY = new Map<string, ActionName>(ACTION_NAMES.map((name) => [name.toLowerCase(), name]));
ACTION_BY_KEY.set('termsofuse', 'TermsofUse');

/** Action name from input text, matched case-insensitively (spec 2); undefined outside the taxonomy. */
export function parseActionName(text: string): ActionName | undefined {
  return ACTION_BY_KEY.get(text.trim().toLowerCase());
}

const PLATFORM_BY_KEY = new Map<string, Platform>([
  ['ios', 'iOS/iPadOS'],
  ['ipados', 'iOS/iPadOS'],
  ['iphone', 'iOS/iPadOS'],
  ['ipad', 'iOS/iPadOS'],
  ['ios/ipados', 'iOS/iPadOS'],
  ['android', 'Android'],
  ['androidforwork', 'Android'],
  ['androidenterprise', 'Android'],
  ['android (device administrator)', 'Android'],
]);

/** Platform from input text (spec 3, case-insensitive); undefined when outside the report. */
export function parsePlatform(text: string): Platform | undefined {
  const key = text.trim().toLowerCase();
  return PLATFORM_BY_KEY.get(key) ?? PLATFORM_BY_KEY.get(key.replace(/\s+/g, ''));
}

const EVENT_BY_KEY = new Map<string, EventType>([
  ...EVENT_TYPES.map((type) => [type, type] as const),
  ['decline', 'declineall'],
  ['closed', 'appclosed'],
  ['completed', 'complete'],
  ['enrolled', 'complete'],
]);

/** Event type from input text (spec 3: case-insensitive, ignoring spaces, `_` and `-`). */
export function parseEventType(text: string): EventType | undefined {
  return EVENT_BY_KEY.get(squash(text));
}

const USER_ACTION_BY_KEY = new Map<string, UserAction>([
  ['cancel', 'Cancel'],
  ['postpone', 'Postpone'],
  ['ignore', 'Ignore'],
  ['declineall', 'Decline All'],
  ['exceeded30minutes', 'Exceeded 30 minutes'],
  ['took>30minutes', 'Exceeded 30 minutes'],
  ['timeout', 'Exceeded 30 minutes'],
  ['closedapp', 'Closed app'],
]);

/** User action of a details row (spec 3); undefined when not one of the six. */
export function parseUserAction(text: string): UserAction | undefined {
  return USER_ACTION_BY_KEY.get(squash(text));
}

const SECTION_BY_KEY = new Map<string, Section>(SECTIONS.map((section) => [squash(section), section]));

/** Section from its name as written in spec section 2 (case-insensitive, spaces and `_`/`-` ignored). */
export function parseSection(text: string): Section | undefined {
  return SECTION_BY_KEY.get(squash(text));
}

/** The screen of the first catalog row with this action name and user action (spec 4), else ''. */
export function catalogScreen(actionName: string, userAction: UserAction): string {
  return CATALOG.find((r) => r.actionName === actionName && r.userAction === userAction)?.screen ?? '';
}

/** The user action an ending event type stands for (spec 4, rules 5 and 6). */
export const USER_ACTION_OF_EVENT: Partial<Record<EventType, UserAction>> = {
  cancel: 'Cancel',
  postpone: 'Postpone',
  ignore: 'Ignore',
  declineall: 'Decline All',
  appclosed: 'Closed app',
};

export const actionCode = (name: ActionName): number => ACTION_NAMES.indexOf(name) + 1;
export const actionOfCode = (code: number): ActionName | undefined => ACTION_NAMES[code - 1];
export const eventCode = (type: EventType): number => EVENT_TYPES.indexOf(type) + 1;
export const eventOfCode = (code: number): EventType | undefined => EVENT_TYPES[code - 1];
export const userActionCode = (action: UserAction): number => USER_ACTIONS.indexOf(action) + 1;
export const userActionOfCode = (code: number): UserAction | undefined => USER_ACTIONS[code - 1];
