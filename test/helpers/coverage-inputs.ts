/**
 * Small exports whose data covers less than the whole range (spec 5, revision 2), written as a
 * consultant receives them, for the e2e and PDF tests of the coverage caveats:
 * - an abandonment details export alone (initiated unknown),
 * - an abandonment summary export alone (incomplete from Intune's summary, no sections),
 * - an event log whose last day ends at 06:05 (a partial day).
 * Each writer returns the file and what it holds, so tests can name the expected numbers.
 */
import { writeFileSync } from 'node:fs';

const pad = (n: number): string => String(n).padStart(2, '0');
const day = (first: string, offset: number): string => {
  const date = new Date(`${first}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};

/** Catalog rows the details export uses: [platform, section, action name, screen, user action]. */
const DETAIL_ROWS = [
  ['iOS', 'Platform Screens', 'iOSProfileLaunch', 'Installing profile screen', 'Cancel'],
  ['Android', 'Platform Screens', 'AndroidPermissions', 'Device administrator activation screen', 'Cancel'],
  ['iOS', 'Terms of Use', 'TermsofUse', 'Terms of use (if admin configured)', 'Decline All'],
  ['Android', 'Setup Checklist', 'EnrollmentWrapUp', 'Prompt to open page in Company Portal', 'Cancel'],
] as const;

/**
 * Intune's abandonment details rows alone, `days` days from `first`: 2 + (day index) rows a day.
 * The first row is at 00:10 of the first day and the last at 23:50 of the last, so no day is partial.
 */
export function writeDetailsOnly(path: string, first: string, days: number): { rows: number; last: string } {
  const lines = [
    'abandonmentDateTime,userPrincipalName,deviceName,platform,enrollmentSection,actionName,screenOrFlow,userAction',
  ];
  for (let d = 0; d < days; d++) {
    const perDay = 2 + d;
    for (let k = 0; k < perDay; k++) {
      const [platform, section, action, screen, userAction] = DETAIL_ROWS[(d + k) % DETAIL_ROWS.length]!;
      const time =
        d === 0 && k === 0
          ? '00:10'
          : d === days - 1 && k === perDay - 1
            ? '23:50'
            : `${pad(8 + k)}:${pad((d * 7 + k * 11) % 60)}`;
      lines.push(
        [
          `${day(first, d)}T${time}:00Z`,
          `user${d}${k}@contoso.example`,
          `DEV-${d}-${k}`,
          platform,
          section,
          action,
          `"${screen}"`,
          userAction,
        ].join(','),
      );
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { rows: lines.length - 1, last: day(first, days - 1) };
}

/**
 * Intune's abandonment summary alone: per day and platform, initiated and incomplete counts; with
 * `bothPlatforms`, one row a day for both platforms together (no Platform column); with
 * `platforms`, rows of those platforms only.
 */
export function writeSummaryOnly(
  path: string,
  first: string,
  days: number,
  options: { bothPlatforms?: boolean; platforms?: readonly string[] } = {},
): { initiated: number; incomplete: number; rows: number; last: string } {
  const both = options.bothPlatforms === true;
  const lines = [
    both
      ? 'Date,InitiatedEnrollments,IncompleteEnrollments'
      : 'Date,Platform,InitiatedEnrollments,IncompleteEnrollments',
  ];
  let initiated = 0;
  let incomplete = 0;
  for (let d = 0; d < days; d++) {
    for (const [p, platform] of (both ? [''] : (options.platforms ?? ['iOS', 'Android'])).entries()) {
      const began = 40 + d * 3 + p * 11;
      const stopped = 9 + ((d * 5 + p * 3) % 7);
      initiated += began;
      incomplete += stopped;
      lines.push((both ? [day(first, d), began, stopped] : [day(first, d), platform, began, stopped]).join(','));
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { initiated, incomplete, rows: lines.length - 1, last: day(first, days - 1) };
}

/**
 * An event log from 00:05 of `first` to 06:05 of its last day (`days` days): each day, attempts on
 * both platforms that complete or stop at a catalog screen; the last day's data ends at 06:05, so
 * that day is partial (18 hours outside the data) while the first (5 minutes outside) is whole.
 */
export function writePartialDayLog(path: string, first: string, days: number): { last: string; lastWhole: string } {
  const lines = ['timestamp,user,device,platform,event,actionName,screen'];
  const add = (
    date: string,
    time: string,
    user: string,
    platform: string,
    event: string,
    action = '',
    screen = '',
  ): void => {
    lines.push(
      [`${date}T${time}:00Z`, user, `${user}-device`, platform, event, action, screen ? `"${screen}"` : ''].join(','),
    );
  };
  for (let d = 0; d < days; d++) {
    const date = day(first, d);
    const lastDay = d === days - 1;
    // The last day holds two attempts, at 05:00 and 05:50, the second ending at 06:05; the others six spread over the day.
    const hours = lastDay ? [5, 5] : [0, 3, 8, 11, 15, 20];
    hours.forEach((hour, k) => {
      const user = `u${d}-${k}@contoso.example`;
      const platform = k % 2 === 0 ? 'iOS' : 'Android';
      const start = lastDay
        ? `05:${pad(k * 50)}`
        : d === 0 && k === 0
          ? '00:05'
          : `${pad(hour)}:${pad((d * 3 + k) % 50)}`;
      const [h, m] = start.split(':').map(Number) as [number, number];
      const at = (minutes: number): string => `${pad(h + Math.floor((m + minutes) / 60))}:${pad((m + minutes) % 60)}`;
      add(date, start, user, platform, 'start', 'EnrollmentWrapUp');
      if (k % 3 === 0) {
        // Stops at the profile or permissions screen.
        const [action, screen] =
          platform === 'iOS'
            ? ['iOSProfileLaunch', 'Installing profile screen']
            : ['AndroidPermissions', 'Device administrator activation screen'];
        add(date, at(2), user, platform, 'step', action, screen);
        add(date, lastDay && k === hours.length - 1 ? '06:05' : at(4), user, platform, 'cancel', action, screen);
      } else {
        add(date, at(2), user, platform, 'step', 'TermsofUse');
        add(date, lastDay && k === hours.length - 1 ? '06:05' : at(5), user, platform, 'complete');
      }
    });
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { last: day(first, days - 1), lastWhole: day(first, days - 2) };
}
