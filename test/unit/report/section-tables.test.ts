/** Section tables (spec 5): catalog rows first, zero rows, platform filter, extra observed rows. */
import { afterEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import {
  CATALOG,
  SECTION_OF_ACTION,
  SECTIONS,
  type ActionName,
  type UserAction,
} from '../../../src-main/shared/taxonomy';
import { importRows, removeTempCases, tempCase, type DetailsInput } from '../../helpers/case-builder';

afterEach(removeTempCases);

const RANGE = { from: '2025-06-01', to: '2025-06-02' };
let n = 0;
const row = (
  action: ActionName,
  userAction: UserAction,
  screen?: string,
  platform: 'ios' | 'android' = 'ios',
  times = 1,
): DetailsInput[] =>
  Array.from({ length: times }, () => ({
    user: `u${n++}`,
    time: '2025-06-01T10:00:00Z',
    action,
    userAction,
    platform,
    ...(screen === undefined ? {} : { screen }),
  }));

const table = (report: ReturnType<typeof computeReport>, section: string) => {
  const found = report.sections.find((s) => s.section === section);
  if (!found) throw new Error(`no ${section}`);
  return found;
};

describe('section tables', () => {
  it('list every catalog row of the section in catalog order, zero counts included', () => {
    const db = tempCase();
    const report = computeReport(db, RANGE);
    expect(report.sections.map((s) => s.section)).toEqual([...SECTIONS]);
    for (const section of report.sections) {
      const expected = CATALOG.filter((c) => SECTION_OF_ACTION[c.actionName] === section.section);
      expect(section.rows.map((r) => [r.actionName, r.screen, r.platform, r.userAction])).toEqual(
        expected.map((c) => [c.actionName, c.screen, c.platform, c.userAction]),
      );
      expect(
        section.rows.every(
          (r) => r.count === 0 && r.catalog && r.byPlatform['iOS/iPadOS'] === 0 && r.byPlatform.Android === 0,
        ),
      ).toBe(true);
      expect(section.incomplete).toBe(0);
    }
  });

  it('match catalog rows on action, user action and screen (letters and digits, or from the catalog when absent)', () => {
    const db = tempCase();
    importRows(db, {
      details: [
        ...row('iOSProfileLaunch', 'Cancel', '  installing PROFILE screen '),
        ...row('iOSProfileLaunch', 'Cancel', 'Installing profile screen', 'android'),
        // No screen: the first catalog row of (iOSProfileLaunch, Cancel) is "Installing profile screen".
        ...row('iOSProfileLaunch', 'Cancel'),
        ...row('iOSProfileLaunch', 'Ignore'),
      ],
    });
    const rows = table(computeReport(db, RANGE), 'Platform Screens').rows;
    expect(rows.find((r) => r.screen === 'Installing profile screen')).toMatchObject({
      count: 3,
      byPlatform: { 'iOS/iPadOS': 2, Android: 1 },
      platform: 'iOS/iPadOS',
      catalog: true,
    });
    expect(rows.find((r) => r.userAction === 'Ignore')).toMatchObject({ count: 1, catalog: true });
    expect(rows.filter((r) => !r.catalog)).toEqual([]);
  });

  it('leave out catalog rows of a platform the filter excludes; iOS/Android rows stay', () => {
    const db = tempCase();
    const android = computeReport(db, { ...RANGE, platforms: ['Android'] });
    expect(table(android, 'Platform Screens').rows.map((r) => r.actionName)).toEqual([
      'AndroidPermissions',
      'AndroidPermissions',
      'KnoxActivation',
      'KnoxActivation',
    ]);
    expect(table(android, 'Setup Checklist').rows).toHaveLength(5);
    const ios = computeReport(db, { ...RANGE, platforms: ['iOS/iPadOS'] });
    expect(table(ios, 'Platform Screens').rows.map((r) => r.actionName)).toEqual(Array(4).fill('iOSProfileLaunch'));
    expect(table(ios, 'Terms of Use').rows).toHaveLength(2);
  });

  it('show attempts at a catalog row that the filter left out as an extra row, so the table still adds up', () => {
    const db = tempCase();
    importRows(db, { details: row('iOSProfileLaunch', 'Ignore', undefined, 'android') });
    const platformScreens = table(computeReport(db, { ...RANGE, platforms: ['Android'] }), 'Platform Screens');
    expect(platformScreens.incomplete).toBe(1);
    expect(platformScreens.rows.at(-1)).toMatchObject({
      actionName: 'iOSProfileLaunch',
      screen: 'Prompt to show a configuration profile',
      platform: 'Android',
      catalog: false,
      count: 1,
    });
  });

  it('append other observed combinations by count descending, then action name, screen, user action', () => {
    const db = tempCase();
    importRows(db, {
      details: [
        ...row('EnrollmentWrapUp', 'Closed app', undefined, 'ios', 1),
        ...row('DeviceCategory', 'Cancel', 'B screen', 'ios', 2),
        ...row('DeviceCategory', 'Cancel', 'A screen', 'android', 2),
        ...row('DeviceCategory', 'Cancel', 'a screen ', 'ios', 1),
        ...row('EnrollmentWrapUp', 'Postpone', 'Z', 'android', 3),
        ...row('DeviceCategory', 'Ignore', 'B screen', 'ios', 2),
      ],
    });
    const setup = table(computeReport(db, RANGE), 'Setup Checklist');
    const extras = setup.rows.filter((r) => !r.catalog);
    // Revision 2: observed screens are grouped as they are, trimmed ('A screen' and 'a screen ' are two rows).
    expect(extras.map((r) => [r.actionName, r.screen, r.platform, r.userAction, r.count, r.byPlatform])).toEqual([
      ['EnrollmentWrapUp', 'Z', 'Android', 'Postpone', 3, { 'iOS/iPadOS': 0, Android: 3 }],
      ['DeviceCategory', 'A screen', 'Android', 'Cancel', 2, { 'iOS/iPadOS': 0, Android: 2 }],
      ['DeviceCategory', 'B screen', 'iOS/iPadOS', 'Cancel', 2, { 'iOS/iPadOS': 2, Android: 0 }],
      ['DeviceCategory', 'B screen', 'iOS/iPadOS', 'Ignore', 2, { 'iOS/iPadOS': 2, Android: 0 }],
      ['DeviceCategory', 'a screen', 'iOS/iPadOS', 'Cancel', 1, { 'iOS/iPadOS': 1, Android: 0 }],
      ['EnrollmentWrapUp', '', 'iOS/iPadOS', 'Closed app', 1, { 'iOS/iPadOS': 1, Android: 0 }],
    ]);
    expect(setup.rows.slice(0, 5).every((r) => r.catalog)).toBe(true);
    expect(setup.incomplete).toBe(11);
  });

  it('count only the selected platforms in extra rows and leave out rows without a count', () => {
    const db = tempCase();
    importRows(db, {
      details: [...row('TermsofUse', 'Cancel', 'X', 'ios'), ...row('TermsofUse', 'Cancel', 'Y', 'android')],
    });
    const terms = table(computeReport(db, { ...RANGE, platforms: ['Android'] }), 'Terms of Use');
    expect(terms.rows.filter((r) => !r.catalog).map((r) => [r.screen, r.platform, r.count])).toEqual([
      ['Y', 'Android', 1],
    ]);
  });
});
