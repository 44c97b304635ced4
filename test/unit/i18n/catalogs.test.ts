/**
 * The catalogs: English is the source; every other language has exactly its keys, and each
 * message parses as ICU MessageFormat with the same placeholders (names and kinds) as English.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS, NAMESPACES } from '../../../src-main/shared/i18n/messages';
import { LANGUAGES } from '../../../src-main/shared/i18n/languages';

/** `name:kind` of every placeholder of a message, nested ones included. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== TYPE.literal) {
        found.add(`${element.value}:${TYPE[element.type]}`);
      }
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) {
        found.add(`${element.value}:tag`);
        walk(element.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe('message catalogs', () => {
  for (const language of LANGUAGES) {
    for (const namespace of NAMESPACES) {
      const source = CATALOGS.en[namespace];
      const catalog = CATALOGS[language][namespace];
      it(`${language}/${namespace} has exactly the English keys`, () => {
        expect(Object.keys(catalog).sort()).toEqual(Object.keys(source).sort());
      });
      it(`${language}/${namespace}: every message parses with the English placeholders`, () => {
        for (const [key, message] of Object.entries(catalog)) {
          expect(message.trim(), `${language}/${namespace}:${key} is empty`).not.toBe('');
          const english = source[key as keyof typeof source] as string | undefined;
          if (english === undefined) continue; // reported by the key test
          expect(placeholders(message), `${language}/${namespace}:${key}`).toEqual(placeholders(english));
        }
      });
    }
  }

  it('the placeholder check tells a renamed placeholder from the English one', () => {
    expect(placeholders('{count, plural, one {# file} other {# files}}')).toEqual(['count:plural']);
    expect(placeholders('{n, plural, one {# file} other {# files}}')).not.toEqual(['count:plural']);
    expect(placeholders('From {from} to <b>{to}</b>')).toEqual(['b:tag', 'from:argument', 'to:argument']);
  });
});
