/**
 * The translator keeps the text of messages without values: it must say exactly what FormatJS
 * says, for every message of every language, kept or not, and fill values as before.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, messagesFor, translator, type MessageId } from '../../../src-main/shared/i18n';

describe('translator: messages without values', () => {
  it.each(LANGUAGES)('%s: every message, asked twice, reads as FormatJS formats it', (language) => {
    const mine = translator(language);
    const ids = Object.keys(messagesFor(language)) as MessageId[];
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) {
      const expected = mine.intl.formatMessage({ id });
      expect(mine.t(id)).toBe(expected);
      expect(mine.t(id)).toBe(expected);
    }
  });

  it('fills values each time (a message with values is never kept)', () => {
    const mine = translator('de');
    const first = mine.t('app.tables.versus', { previous: '1' });
    expect(first).toContain('1');
    const second = mine.t('app.tables.versus', { previous: '2' });
    expect(second).toBe(mine.intl.formatMessage({ id: 'app.tables.versus' }, { previous: '2' }));
    expect(second).not.toBe(first);
  });

  it('is one translator per language, languages apart', () => {
    expect(translator('fr')).toBe(translator('fr'));
    expect(translator('fr').t('app.tables.incomplete')).not.toBe(translator('en').t('app.tables.incomplete'));
    expect(translator('ja').language).toBe('ja');
  });
});
