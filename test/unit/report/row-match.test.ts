/**
 * Which row an attempt counts on (spec 5, revision 2): screen texts compared on their letters and
 * digits, the single catalog row of an (action name, user action) pair, rows 7 and 8, rows the
 * platform filter hides, trimmed observed screens; and the bound on observed rows shown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listAttempts } from '../../../src-main/drilldown/attempts';
import { computeReport } from '../../../src-main/report/compute-report';
import { catalogRowOf, screenLetters } from '../../../src-main/report/row-match';
import { MAX_OBSERVED_ROWS } from '../../../src-main/report/section-tables';
import type { Report, SectionTable } from '../../../src-main/shared/report-types';
import { CATALOG, type ActionName, type UserAction } from '../../../src-main/shared/taxonomy';
import { importRows, removeTempCases, tempCase, type DetailsInput } from '../../helpers/case-builder';

afterEach(removeTempCases);

const RANGE = { from: '2025-06-01', to: '2025-06-01' };
let n = 0;
const at = (
  action: ActionName,
  userAction: UserAction,
  screen?: string,
  platform: 'ios' | 'android' = 'ios',
): DetailsInput => ({
  user: `u${n++}`,
  time: '2025-06-01T10:00:00Z',
  action,
  userAction,
  platform,
  ...(screen === undefined ? {} : { screen }),
});
const table = (report: Report, section: string): SectionTable => report.sections.find((s) => s.section === section)!;
const row6 = CATALOG[5]!;
const row7 = CATALOG[6]!;
const row8 = CATALOG[7]!;

describe('screenLetters', () => {
  it('keeps Unicode letters and digits, drops case, spaces, punctuation and quotes', () => {
    expect(screenLetters('Prompt to "show" a configuration-profile!')).toBe('prompttoshowaconfigurationprofile');
    expect(screenLetters('“Prompt to show a configuration profile”')).toBe('prompttoshowaconfigurationprofile');
    expect(screenLetters('Größe: Geräte-Kategorie')).toBe('größegerätekategorie');
    expect(screenLetters('プロファイル「インストール」画面')).toBe('プロファイルインストール画面');
    // NFKC: full-width letters and digits are the ASCII ones; a decomposed é is the composed one.
    expect(screenLetters('Ｓｃｒｅｅｎ １')).toBe('screen1');
    expect(screenLetters('Activation de l’appareil (e\u0301tape 2)')).toBe(
      screenLetters('activation de l appareil étape 2'),
    );
  });
});

describe('catalogRowOf', () => {
  it('rows 7 and 8 share iOSProfileLaunch and Cancel: a third wording is no catalog row', () => {
    expect(catalogRowOf('iOSProfileLaunch', 'INSTALLING profile screen.', 'Cancel')).toBe(row7);
    expect(
      catalogRowOf('iOSProfileLaunch', 'Prompt to trust the profiles source, to enroll the device', 'Cancel'),
    ).toBe(row8);
    expect(catalogRowOf('iOSProfileLaunch', 'Profil wird installiert', 'Cancel')).toBeUndefined();
  });

  it('a pair with one catalog row takes any wording; a pair without one takes none', () => {
    expect(catalogRowOf('iOSProfileLaunch', 'Profil anzeigen?', 'Ignore')).toBe(row6);
    expect(catalogRowOf('TermsofUse', '利用規約', 'Decline All')).toBe(CATALOG[13]);
    expect(
      catalogRowOf('DeviceCategory', 'Device Category selection (if admin configured) until click Done', 'Cancel'),
    ).toBeUndefined();
  });
});

describe('section tables: which row an attempt counts on', () => {
  it('screen texts differing only in quotes, case and punctuation count on the catalog row', () => {
    const db = tempCase();
    importRows(db, {
      details: [
        at('iOSProfileLaunch', 'Ignore', 'Prompt to "show" a configuration profile'),
        at('iOSProfileLaunch', 'Ignore', 'PROMPT TO SHOW A CONFIGURATION-PROFILE.'),
        at('iOSProfileLaunch', 'Ignore', '  “Prompt to show a configuration profile”  ', 'android'),
      ],
    });
    const rows = table(computeReport(db, RANGE), 'Platform Screens').rows;
    expect(rows.find((r) => r.screen === row6.screen)).toMatchObject({
      count: 3,
      byPlatform: { 'iOS/iPadOS': 2, Android: 1 },
      catalog: true,
    });
    expect(rows.filter((r) => !r.catalog)).toEqual([]);
    // The drill-down of the row lists all three, each with its own screen text.
    const page = listAttempts(db, {
      ...RANGE,
      actionName: row6.actionName,
      screen: row6.screen,
      userAction: row6.userAction,
    });
    expect(page.rows.map((r) => r.screen).sort()).toEqual(
      [
        '  “Prompt to show a configuration profile”  ',
        'PROMPT TO SHOW A CONFIGURATION-PROFILE.',
        'Prompt to "show" a configuration profile',
      ].sort(),
    );
  });

  it('rows 7 and 8 with a third wording: an observed row with its own (trimmed) text; theirs stay exact', () => {
    const db = tempCase();
    importRows(db, {
      details: [
        at('iOSProfileLaunch', 'Cancel', 'installing profile screen'),
        at('iOSProfileLaunch', 'Cancel', "Prompt to trust the profile's source to enroll the device"),
        at('iOSProfileLaunch', 'Cancel', '  Profil wird installiert '),
        at('iOSProfileLaunch', 'Cancel', 'Profil wird installiert'),
        // No screen: the first catalog row of the pair (row 7), spec 4.
        at('iOSProfileLaunch', 'Cancel'),
      ],
    });
    const report = computeReport(db, RANGE);
    const rows = table(report, 'Platform Screens').rows;
    expect(rows.find((r) => r.screen === row7.screen)?.count).toBe(2);
    expect(rows.find((r) => r.screen === row8.screen)?.count).toBe(1);
    expect(rows.filter((r) => !r.catalog).map((r) => [r.actionName, r.screen, r.userAction, r.count])).toEqual([
      ['iOSProfileLaunch', 'Profil wird installiert', 'Cancel', 2],
    ]);
    const page = listAttempts(db, {
      ...RANGE,
      actionName: 'iOSProfileLaunch',
      screen: 'Profil wird installiert',
      userAction: 'Cancel',
    });
    expect(page.rows.map((r) => r.screen).sort()).toEqual(['  Profil wird installiert ', 'Profil wird installiert']);
  });

  it('observed screens are grouped as they are after trimming: case differences stay apart', () => {
    const db = tempCase();
    importRows(db, {
      details: [
        at('DeviceCategory', 'Cancel', ' Kategorie '),
        at('DeviceCategory', 'Cancel', 'Kategorie'),
        at('DeviceCategory', 'Cancel', 'kategorie'),
      ],
    });
    const rows = table(computeReport(db, RANGE), 'Setup Checklist').rows.filter((r) => !r.catalog);
    expect(rows.map((r) => [r.screen, r.count])).toEqual([
      ['Kategorie', 2],
      ['kategorie', 1],
    ]);
  });

  it('an attempt whose catalog row the platform filter hides is an observed row with its own screen text', () => {
    const db = tempCase();
    importRows(db, {
      details: [at('iOSProfileLaunch', 'Ignore', 'prompt to show a configuration profile!', 'android')],
    });
    const android = table(computeReport(db, { ...RANGE, platforms: ['Android'] }), 'Platform Screens');
    expect(android.rows.filter((r) => !r.catalog)).toEqual([
      expect.objectContaining({ screen: 'prompt to show a configuration profile!', platform: 'Android', count: 1 }),
    ]);
    expect(android.incomplete).toBe(1);
    // Both platforms shown: the catalog row counts it.
    const both = table(computeReport(db, RANGE), 'Platform Screens');
    expect(both.rows.find((r) => r.screen === row6.screen)?.count).toBe(1);
    const page = listAttempts(db, {
      ...RANGE,
      platforms: ['Android'],
      actionName: 'iOSProfileLaunch',
      screen: 'prompt to show a configuration profile!',
      userAction: 'Ignore',
    });
    expect(page.total).toBe(1);
  });
});

describe('observed rows shown per section', () => {
  it(`at most ${MAX_OBSERVED_ROWS}, then one "other wordings" row that keeps the total exact; exports get all`, () => {
    const db = tempCase();
    const details: DetailsInput[] = [];
    // 60 distinct wordings of a pair without a catalog row: 1..60 attempts, some on Android.
    for (let i = 1; i <= 60; i++) {
      for (let k = 0; k < i; k++)
        details.push(at('EnrollmentWrapUp', 'Postpone', `Wording ${i}`, k % 3 === 0 ? 'android' : 'ios'));
    }
    importRows(db, { details });
    const report = computeReport(db, RANGE);
    const setup = table(report, 'Setup Checklist');
    const observed = setup.rows.filter((r) => !r.catalog);
    expect(observed).toHaveLength(MAX_OBSERVED_ROWS + 1);
    expect(observed[0]).toMatchObject({ screen: 'Wording 60', count: 60 });
    const other = observed.at(-1)!;
    // Wordings 1..10 folded: 55 attempts.
    expect(other).toMatchObject({
      actionName: '',
      userAction: '',
      screen: '10 other wordings',
      otherWordings: 10,
      count: 55,
      catalog: false,
    });
    expect(other.byPlatform['iOS/iPadOS'] + other.byPlatform.Android).toBe(55);
    expect(setup.incomplete).toBe((60 * 61) / 2);
    expect(setup.rows.reduce((s, r) => s + r.count, 0)).toBe(setup.incomplete);
    const all = table(computeReport(db, RANGE, { observedRows: 'all' }), 'Setup Checklist');
    expect(all.rows.filter((r) => !r.catalog)).toHaveLength(60);
    expect(all.rows.some((r) => r.otherWordings !== undefined)).toBe(false);
  });
});
