/**
 * The guidance notes in the reader's language: every note has its texts in every language (the
 * catalog test checks the keys; this checks the notes reach them), English is the notes' own text.
 */
import { describe, expect, it } from 'vitest';
import { GUIDANCE, guidanceFor, guidanceText } from '../../../src-main/shared/guidance';
import { LANGUAGES, translator } from '../../../src-main/shared/i18n';

describe('guidance text', () => {
  it('English is the notes as the exports and the app always had them', () => {
    const en = translator('en').t;
    for (const note of GUIDANCE) {
      expect(guidanceText(en, note)).toEqual({
        whatUsersSaw: note.whatUsersSaw,
        whatAdminsCanChange: note.whatAdminsCanChange,
      });
    }
  });

  it('every note is translated in every language, point for point', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const { t } = translator(language);
      for (const note of GUIDANCE) {
        const text = guidanceText(t, note);
        expect(text.whatUsersSaw, `${language} ${note.key}`).not.toBe(note.whatUsersSaw);
        expect(text.whatAdminsCanChange).toHaveLength(note.whatAdminsCanChange.length);
        text.whatAdminsCanChange.forEach((point, i) =>
          expect(point, `${language} ${note.key} ${i + 1}`).not.toBe(note.whatAdminsCanChange[i]),
        );
      }
    }
  });

  it("uses Microsoft's names: Unternehmensportal, Portail d'entreprise, Portal de empresa, ポータル サイト", () => {
    const note = guidanceFor('EnrollmentWrapUp', 'Cancel');
    if (!note) throw new Error('no note');
    expect(guidanceText(translator('de').t, note).whatUsersSaw).toContain('Unternehmensportal');
    expect(guidanceText(translator('fr').t, note).whatUsersSaw).toContain("Portail d'entreprise");
    expect(guidanceText(translator('es').t, note).whatUsersSaw).toContain('Portal de empresa');
    expect(guidanceText(translator('ja').t, note).whatUsersSaw).toContain('ポータル サイト');
  });
});
