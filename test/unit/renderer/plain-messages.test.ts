/**
 * The window's translator keeps the text of messages without values: it must say exactly what the
 * shared translator says, for every message of every language, kept or not, and fill values as before.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, messagesFor, translator, type MessageId } from '../../../src-main/shared/i18n';
import { windowTranslator } from '../../../src-renderer/i18n/plain-messages';

describe('windowTranslator', () => {
  it.each(LANGUAGES)('%s: every message, asked twice, reads as the shared translator has it', (language) => {
    const shared = translator(language);
    const mine = windowTranslator(language);
    const ids = Object.keys(messagesFor(language)) as MessageId[];
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) {
      const expected = shared.t(id);
      expect(mine.t(id)).toBe(expected);
      expect(mine.t(id)).toBe(expected);
    }
    expect(mine.f).toBe(shared.f);
  });

  it('fills values each time (a message with values is never kept)', () => {
    const mine = windowTranslator('de');
    const shared = translator('de');
    const first = mine.t('app.tables.versus', { previous: '1' });
    expect(first).toContain('1');
    expect(mine.t('app.tables.versus', { previous: '2' })).toBe(shared.t('app.tables.versus', { previous: '2' }));
    expect(mine.t('app.tables.versus', { previous: '2' })).not.toBe(first);
  });

  it('is one translator per language, languages apart', () => {
    expect(windowTranslator('fr')).toBe(windowTranslator('fr'));
    expect(windowTranslator('fr').t('app.tables.incomplete')).toBe(translator('fr').t('app.tables.incomplete'));
    expect(windowTranslator('ja').language).toBe('ja');
  });
});
