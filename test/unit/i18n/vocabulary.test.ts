/**
 * The shared vocabulary at display time: every catalog screen, section and user action has a
 * message whose English is exactly the engine's text (so English output does not change), and the
 * other languages translate them; a screen the catalog does not know is shown as the data wrote it.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG, SECTIONS, USER_ACTIONS } from '../../../src-main/shared/taxonomy';
import {
  LANGUAGES,
  SCREEN_MESSAGE,
  actionNameLabel,
  platformLabel,
  screenLabel,
  sectionLabel,
  translator,
  userActionLabel,
} from '../../../src-main/shared/i18n';

const en = translator('en');

describe('shared vocabulary', () => {
  it('English labels are the engine values, unchanged', () => {
    for (const row of CATALOG) {
      expect(SCREEN_MESSAGE[row.screen], row.screen).toBeDefined();
      expect(screenLabel(en.t, row.screen)).toBe(row.screen);
      expect(platformLabel(en.t, row.platform)).toBe(row.platform);
    }
    for (const section of SECTIONS) expect(sectionLabel(en.t, section)).toBe(section);
    for (const action of USER_ACTIONS) expect(userActionLabel(en.t, action)).toBe(action);
    expect(actionNameLabel(en.t, '(unknown)')).toBe('(unknown)');
  });

  it('every other language translates every screen, section and user action', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const { t } = translator(language);
      for (const row of CATALOG) expect(screenLabel(t, row.screen), `${language}: ${row.screen}`).not.toBe(row.screen);
      for (const section of SECTIONS) expect(sectionLabel(t, section), `${language}: ${section}`).not.toBe(section);
      for (const action of USER_ACTIONS) expect(userActionLabel(t, action), `${language}: ${action}`).not.toBe(action);
    }
  });

  it('uses the words the brief fixes for German and Japanese', () => {
    const de = translator('de').t;
    const ja = translator('ja').t;
    expect(screenLabel(de, 'Prompt to open page in Company Portal')).toContain('Unternehmensportal');
    expect(screenLabel(ja, 'Prompt to open page in Company Portal')).toContain('ポータル サイト');
    expect(sectionLabel(de, 'Terms of Use')).toBe('Nutzungsbedingungen');
    expect(userActionLabel(translator('fr').t, 'Decline All')).toBe('Tout refuser');
  });

  it("shows an observed row's own wording, and unknown values, as written", () => {
    const de = translator('de').t;
    expect(screenLabel(de, 'A screen of its own')).toBe('A screen of its own');
    expect(screenLabel(de, ' Terms of use (if admin configured) ')).toBe(
      'Nutzungsbedingungen (sofern vom Administrator konfiguriert)',
    );
    expect(sectionLabel(de, 'Elsewhere')).toBe('Elsewhere');
    expect(userActionLabel(de, 'Shrugged')).toBe('Shrugged');
    expect(platformLabel(de, 'Windows')).toBe('Windows');
    expect(actionNameLabel(de, 'TermsofUse')).toBe('TermsofUse');
    expect(actionNameLabel(de, '(unknown)')).toBe('(unbekannt)');
  });

  it('pluralises the folded observed rows per language', () => {
    expect(en.t('common.row.otherWordings', { count: 1 })).toBe('1 other observed row');
    expect(translator('de').t('common.row.otherWordings', { count: 1234 })).toBe('1.234 weitere beobachtete Zeilen');
    expect(translator('fr').t('common.row.otherWordings', { count: 2 })).toBe('2 autres lignes observées');
  });
});
