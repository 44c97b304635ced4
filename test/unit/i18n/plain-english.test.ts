/**
 * plainEnglish: every English message, filled with many values, is FormatJS's text to the byte;
 * with integers it is written without any Intl use (no formatter, no locale check), and what it
 * cannot be sure of (a fraction) is handed to FormatJS. Real catalogs, real FormatJS, real Intl.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { plainEnglish } from '../../../src-main/shared/i18n/plain-english';
import { messagesFor, type MessageId } from '../../../src-main/shared/i18n/messages';
import { translator, type MessageValues } from '../../../src-main/shared/i18n/translator';
import { isZone } from '../../../src-main/shared/calendar-day';

type Kind = 'number' | 'select' | 'argument';

/** Each placeholder of a message with its kind, and the option keys of selects. */
function placeholders(message: string): Map<string, { kind: Kind; keys: string[] }> {
  const found = new Map<string, { kind: Kind; keys: string[] }>();
  const walk = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if (element.type === TYPE.plural || element.type === TYPE.number)
        found.set(element.value, { kind: 'number', keys: [] });
      if (element.type === TYPE.select)
        found.set(element.value, { kind: 'select', keys: Object.keys(element.options) });
      if (element.type === TYPE.argument && !found.has(element.value)) {
        found.set(element.value, { kind: 'argument', keys: [] });
      }
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return found;
}

const INTEGERS = [0, 1, 2, -1, 7, 999, 1000, 1234, 23308, 1_000_000, -45_678];
const ARGUMENTS: MessageValues[string][] = ['Setup Checklist', '', 1, 12345, null];

/** Value sets for a message: the n-th integer, select key and argument in turn. */
function valueSets(message: string, integers: readonly number[]): MessageValues[] {
  const slots = [...placeholders(message)];
  const sets: MessageValues[] = [];
  const rounds = Math.max(integers.length, ARGUMENTS.length, ...slots.map(([, slot]) => slot.keys.length + 1));
  for (let round = 0; round < rounds; round++) {
    const values: MessageValues = {};
    slots.forEach(([name, slot], i) => {
      if (slot.kind === 'number') values[name] = integers[(round + i) % integers.length];
      else if (slot.kind === 'select') values[name] = [...slot.keys, 'not-an-option'][round % (slot.keys.length + 1)];
      else values[name] = ARGUMENTS[(round + i) % ARGUMENTS.length];
    });
    sets.push(values);
  }
  return sets;
}

/** Counts Intl constructions and locale checks while `work` runs. */
function intlUses(work: () => void): number {
  let uses = 0;
  const originals = { NumberFormat: Intl.NumberFormat, PluralRules: Intl.PluralRules, Locale: Intl.Locale };
  const DateTimeFormat = Intl.DateTimeFormat;
  const counted = <T extends object>(target: T): T =>
    new Proxy(target, {
      construct: (t, args) => (uses++, Reflect.construct(t as never, args)),
      get: (t, key) => {
        const value: unknown = Reflect.get(t, key);
        if (key !== 'supportedLocalesOf' || typeof value !== 'function') return value;
        return (...args: unknown[]) => (uses++, Reflect.apply(value, t, args));
      },
    });
  Object.assign(Intl, {
    NumberFormat: counted(originals.NumberFormat),
    PluralRules: counted(originals.PluralRules),
    Locale: counted(originals.Locale),
    DateTimeFormat: counted(DateTimeFormat),
  });
  try {
    work();
  } finally {
    Object.assign(Intl, { ...originals, DateTimeFormat });
  }
  return uses;
}

const english = messagesFor('en');
const ids = Object.keys(english) as MessageId[];

describe('plainEnglish', () => {
  it('writes every English message as FormatJS does, for integers, select keys and text', () => {
    let compared = 0;
    for (const id of ids) {
      for (const values of valueSets(english[id]!, INTEGERS)) {
        expect(plainEnglish(id, values), `${id} ${JSON.stringify(values)}`).toBe(translator('en').t(id, values));
        compared++;
      }
      expect(plainEnglish(id), id).toBe(translator('en').t(id));
    }
    expect(compared).toBeGreaterThan(ids.length * 10);
  });

  it('hands fractions and missing values to FormatJS, with the same text', () => {
    for (const id of ids) {
      for (const values of valueSets(english[id]!, [1.5, 0.1234, 1234.5678, -0])) {
        expect(plainEnglish(id, values), `${id} ${JSON.stringify(values)}`).toBe(translator('en').t(id, values));
      }
    }
    // The branch that asks FormatJS ran: only Intl rounds a fraction to three digits with separators.
    expect(plainEnglish('common.findings.notePartialDays', { count: 1234.5678 })).toBe(
      'the two periods hold 1,234.568 partial days',
    );
  });

  it('uses no Intl at all for integers (no formatter, no locale check)', () => {
    const uses = intlUses(() => {
      for (const id of ids) for (const values of valueSets(english[id]!, INTEGERS)) plainEnglish(id, values);
    });
    expect(uses).toBe(0);
    expect(
      plainEnglish('common.findings.whereUsersStop', {
        rank: '1',
        row: 'R',
        section: 'S',
        count: 1234,
        share: '10.0%',
        incomplete: '7,728',
        details: '',
      }),
    ).toBe('Where users stop #1: R (S), 1,234 incomplete enrollments, 10.0% of 7,728.');
  });
});

describe('isZone', () => {
  it('knows UTC without building a formatter, and checks other zones with Intl', () => {
    expect(intlUses(() => expect(isZone('UTC')).toBe(true))).toBe(0);
    expect(intlUses(() => expect(isZone('Pacific/Chatham')).toBe(true))).toBeGreaterThan(0);
    expect(isZone('Mars/Olympus')).toBe(false);
  });
});
