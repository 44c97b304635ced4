/**
 * Guidance: for the rows where users abandon, a short curated note of what they
 * saw and what an admin can change. Kept as data in the project, shown beside the section tables
 * and in the PDF. Node-free.
 *
 * One entry per catalog row (spec 2) and one "Closed app" entry per action name. An action name's
 * general entry (userAction null) covers user actions without an entry of their own (a Cancel at
 * the terms of use, say). The notes stay general on purpose: they describe the Company Portal flow
 * and the settings an Intune admin controls, without promising outcomes, and name no links.
 */
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
  /** What users saw at this point, one or two sentences. */
  readonly whatUsersSaw: string;
  /** What an admin can change or check, a few short points. */
  readonly whatAdminsCanChange: readonly string[];
}

const g = (
  actionName: ActionName,
  userAction: UserAction | null,
  whatUsersSaw: string,
  whatAdminsCanChange: readonly string[],
): Guidance => ({ actionName, userAction, whatUsersSaw, whatAdminsCanChange });

const CLOSED_APP_COMMON =
  'Closed app means the Company Portal was closed, or enrollment was started over, without an explicit choice.';

export const GUIDANCE: readonly Guidance[] = [
  // Setup Checklist
  g(
    'EnrollmentWrapUp',
    'Cancel',
    'Near the end of enrollment the device asked to open a page in the Company Portal, and the user cancelled that prompt.',
    [
      'Tell users in the enrollment instructions that this prompt appears and that they should allow it.',
      'Check whether these users retried later: a second attempt that completed shows in the drill-down.',
    ],
  ),
  g(
    'EnrollmentWrapUp',
    'Exceeded 30 minutes',
    'The Enrolling device screen stayed on Loading company resources for more than 30 minutes.',
    [
      'Check the network users enroll on (proxy, captive portal or filtering of Microsoft and Apple/Google endpoints).',
      'Review how many required apps and policies are assigned at enrollment; large required installs make this step longer.',
      'Ask users to keep the Company Portal open and the device on a stable connection until the step finishes.',
    ],
  ),
  g(
    'EnrollmentWrapUp',
    null,
    'Users were on the last Setup Checklist step (enrolling the device and loading company resources).',
    ['Check the network and the amount of content assigned at enrollment.'],
  ),
  g(
    'DeviceCategory',
    'Exceeded 30 minutes',
    'Users were asked to choose a device category (configured by the admin) and did not click Done within 30 minutes.',
    [
      'Keep the list of categories short and name them in terms users recognise.',
      'If categories only serve reporting or grouping, consider assigning them after enrollment instead of asking users.',
    ],
  ),
  g('DeviceCategory', null, 'Users were at the device category selection (configured by the admin).', [
    'Keep the list short and the names clear, or set the category after enrollment.',
  ]),
  g(
    'PreEnrollmentWizard',
    'Postpone',
    'Users had started enrollment, came back to the Set up access screen and postponed.',
    [
      'Explain up front why the device must be enrolled and how long it takes, so users set time aside.',
      'Check what triggered the enrollment (for example a Conditional Access prompt at an inconvenient moment).',
    ],
  ),
  g(
    'PreEnrollmentWizard',
    'Exceeded 30 minutes',
    "Users stayed on the Set up access screens for more than 30 minutes without clicking Next on the What's Next screen.",
    [
      "Give users short instructions with screenshots of the Set up access and What's Next screens.",
      'Customize the Company Portal branding and support contact so users know whom to ask.',
    ],
  ),
  g('PreEnrollmentWizard', null, 'Users were at the Set up access screens before device enrollment began.', [
    'Explain the steps and the time needed before users start.',
  ]),

  // Platform Screens
  g(
    'iOSProfileLaunch',
    'Ignore',
    'The Company Portal downloaded the management profile and asked the user to install it in Settings; the user did not act on that prompt.',
    [
      'Tell users that after the download they must open Settings (Profile Downloaded, or General > VPN & Device Management) and install the profile.',
      'iOS deletes a downloaded profile that is not installed within about 8 minutes; users then have to download it again from the Company Portal.',
      'For corporate-owned devices, Automated Device Enrollment (Apple Business Manager) avoids this manual step.',
    ],
  ),
  g('iOSProfileLaunch', 'Cancel', 'Users cancelled on the profile installation screens in Settings.', [
    'Explain what the management profile allows the organisation to see and do, and what it does not; the Company Portal privacy message can be customized.',
    'Give users screenshots of the Install profile screens, including the passcode prompt.',
  ]),
  g(
    'iOSProfileLaunch',
    'Exceeded 30 minutes',
    'Users left the profile installation unfinished for more than 30 minutes.',
    [
      'Remind users that the profile must be installed in Settings right after it is downloaded (iOS removes it after about 8 minutes).',
      'For corporate-owned devices, consider Automated Device Enrollment.',
    ],
  ),
  g('iOSProfileLaunch', null, 'Users were installing the management profile (Company Portal, then Settings).', [
    'Walk users through the switch to Settings and the profile installation screens.',
  ]),
  g('AndroidPermissions', 'Cancel', 'Users cancelled on the device administrator activation screen.', [
    'Android device administrator management is deprecated by Google, and Intune no longer supports it on devices with Google Mobile Services: move these users to Android Enterprise (a work profile for personally owned devices).',
    'Until then, explain why the activation is requested and what it allows.',
  ]),
  g(
    'AndroidPermissions',
    'Exceeded 30 minutes',
    'Users were asked to allow the Company Portal to make and manage phone calls and to activate device administrator, and did not finish within 30 minutes.',
    [
      'The permission prompts belong to device administrator enrollment: Android Enterprise work profile enrollment does not use device administrator.',
      'Explain the permission requests in the enrollment instructions.',
    ],
  ),
  g('AndroidPermissions', null, 'Users were at the Android permission and device administrator screens.', [
    'Plan the move from device administrator to Android Enterprise.',
  ]),
  g('KnoxActivation', 'Cancel', 'On a Samsung device, users cancelled the Knox (KLMS agent) activation prompt.', [
    'The Knox licence prompt comes from Samsung during device administrator enrollment: tell Samsung users to expect and accept it.',
    'Android Enterprise enrollment does not ask for this activation.',
  ]),
  g(
    'KnoxActivation',
    'Exceeded 30 minutes',
    'On a Samsung device, the Knox (KLMS agent) activation was not confirmed within 30 minutes.',
    [
      'Tell Samsung users to expect the Knox prompt and confirm it.',
      'Consider Android Enterprise enrollment, which does not ask for it.',
    ],
  ),
  g('KnoxActivation', null, 'Users were at Samsung Knox activation.', [
    'Tell Samsung users to expect the Knox prompt.',
  ]),

  // Terms of Use
  g(
    'TermsofUse',
    'Decline All',
    'Users were shown the terms and conditions configured by the admin and declined them, which stops enrollment.',
    [
      'Review the terms for length and clarity: say plainly what is collected and why.',
      'Check that the terms do not repeat what users already accept elsewhere (for example Microsoft Entra terms of use).',
      'Tell users before enrollment what the terms say and whom to ask about them.',
    ],
  ),
  g(
    'TermsofUse',
    'Exceeded 30 minutes',
    'Users had the terms and conditions open for more than 30 minutes without accepting them.',
    [
      'Shorten the terms and put the essentials first.',
      'Make sure a contact for questions is given in the terms or the Company Portal support information.',
    ],
  ),
  g('TermsofUse', null, 'Users were at the terms and conditions (configured by the admin).', [
    'Review the terms for length and clarity.',
  ]),

  // Compliance/Activation
  g(
    'Compliance',
    'Postpone',
    'After enrollment, the Company Portal showed the device as not yet compliant and the user postponed fixing it.',
    [
      'Review the compliance settings that need the user to act (passcode, minimum OS version, encryption) and say so in the instructions.',
      'Use the actions for noncompliance (a grace period and notification e-mails with remediation steps) rather than blocking at once.',
    ],
  ),
  g('Compliance', 'Exceeded 30 minutes', 'The device still showed as not compliant 30 minutes after enrollment.', [
    'Compliance is evaluated when the device checks in: tell users they can use Check status in the Company Portal.',
    'Check the assigned compliance policies for settings a new device cannot meet quickly.',
  ]),
  g('Compliance', null, 'Users were at the device compliance step after enrollment.', [
    'Review which compliance settings need user action and explain them.',
  ]),
  g(
    'Activation',
    'Postpone',
    'The enrollment activation step (configured by the admin) showed as incomplete and the user postponed it.',
    [
      'Review what the activation step asks of users and whether it must happen during enrollment.',
      'Explain the step in the enrollment instructions.',
    ],
  ),
  g('Activation', 'Exceeded 30 minutes', 'Device activation still showed as incomplete 30 minutes after enrollment.', [
    'Check what the activation depends on (apps or configuration that must arrive first) and how long that takes on a new device.',
  ]),
  g('Activation', null, 'Users were at the activation step after enrollment.', [
    'Review what the activation step asks of users.',
  ]),

  // Closed app, per action name
  g(
    'EnrollmentWrapUp',
    'Closed app',
    `${CLOSED_APP_COMMON} It happened while the device was being enrolled and company resources were loading.`,
    ['Ask users to keep the Company Portal open until enrollment finishes.'],
  ),
  g('DeviceCategory', 'Closed app', `${CLOSED_APP_COMMON} It happened at the device category selection.`, [
    'Keep the category list short, or set categories after enrollment.',
  ]),
  g('PreEnrollmentWizard', 'Closed app', `${CLOSED_APP_COMMON} It happened on the Set up access screens.`, [
    'Explain the steps and time needed before users start.',
  ]),
  g(
    'iOSProfileLaunch',
    'Closed app',
    `${CLOSED_APP_COMMON} It happened during the profile installation, where users must switch to Settings.`,
    [
      'Tell users to install the downloaded profile in Settings and then return to the Company Portal.',
      'For corporate-owned devices, consider Automated Device Enrollment.',
    ],
  ),
  g(
    'AndroidPermissions',
    'Closed app',
    `${CLOSED_APP_COMMON} It happened at the Android permission and device administrator screens.`,
    ['Move these users from device administrator to Android Enterprise.'],
  ),
  g('KnoxActivation', 'Closed app', `${CLOSED_APP_COMMON} It happened at Samsung Knox activation.`, [
    'Tell Samsung users to expect the Knox prompt.',
  ]),
  g('TermsofUse', 'Closed app', `${CLOSED_APP_COMMON} It happened at the terms and conditions.`, [
    'Review the terms for length and clarity.',
  ]),
  g('Compliance', 'Closed app', `${CLOSED_APP_COMMON} It happened while the device was not yet compliant.`, [
    'Explain the compliance settings users must meet; use a grace period and notifications.',
  ]),
  g('Activation', 'Closed app', `${CLOSED_APP_COMMON} It happened at the activation step.`, [
    'Review what the activation step asks of users.',
  ]),
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
