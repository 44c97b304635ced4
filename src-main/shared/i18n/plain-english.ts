/**
 * English messages written exactly as FormatJS writes them, without Intl where that is certain:
 * the JSON's machine texts (findings, guidance) are English with fixed formats, and ICU's first
 * use (FormatJS's locale checks, a number format) costs a command-line process 10-15 ms of CPU.
 * Covered: literals, `{arg}`, `{n, number}`, `{n, plural, ...}` (cardinal, no offset) with `#`,
 * and `{key, select, ...}`, with integers for every number. Anything else (a fraction, a number
 * style, a date, a tag, a missing value) is handed to FormatJS (as the translator sets it up, over
 * the English catalogs only), so the text is always FormatJS's. Node-free.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { IntlShape } from '@formatjs/intl';
import { englishMessages, type MessageId } from './english-catalogs';
import { messageIntl } from './message-intl';
import type { MessageValues } from './translator';

/** The element tree of each English message, parsed once by FormatJS's own parser. */
const parsed = new Map<string, MessageFormatElement[] | null>();

function elementsOfText(message: string): MessageFormatElement[] | null {
  // Without braces, quotes or tags a message is its own text (most guidance texts): no parse needed.
  if (!/[{}'<]/.test(message)) return [{ type: TYPE.literal, value: message }];
  try {
    return IntlMessageFormat.__parse!(message);
  } catch {
    return null;
  }
}

function elementsOf(id: string): MessageFormatElement[] | null {
  const known = parsed.get(id);
  if (known !== undefined) return known;
  const messages = englishMessages();
  const message = Object.prototype.hasOwnProperty.call(messages, id) ? messages[id] : undefined;
  const elements = message === undefined ? null : elementsOfText(message);
  parsed.set(id, elements);
  return elements;
}

/** Thrown inside the walk for what only FormatJS can write; caught once, at the top. */
class NeedsFormatJs {}

/** An integer as `Intl.NumberFormat('en')` writes it (`12,345`); a fraction or -0 is FormatJS's. */
function integerText(n: unknown): string {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || Object.is(n, -0)) throw new NeedsFormatJs();
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** English's cardinal rule (CLDR: one when the integer is 1 and no fraction is shown). */
const englishPlural = (n: number): 'one' | 'other' => (Math.abs(n) === 1 ? 'one' : 'other');

function write(elements: readonly MessageFormatElement[], values: MessageValues, pound: number | undefined): string {
  let text = '';
  for (const element of elements) {
    switch (element.type) {
      case TYPE.literal:
        text += element.value;
        continue;
      case TYPE.pound:
        // FormatJS writes `#` only inside a plural's branch (a select's branch forgets the number).
        if (pound !== undefined) text += integerText(pound);
        continue;
      default:
        break;
    }
    if (!('value' in element) || !(element.value in values)) throw new NeedsFormatJs();
    const value = values[element.value];
    switch (element.type) {
      case TYPE.argument:
        if (value instanceof Date) throw new NeedsFormatJs();
        text += typeof value === 'string' || typeof value === 'number' ? String(value) : '';
        continue;
      case TYPE.number:
        if (element.style) throw new NeedsFormatJs();
        text += integerText(value);
        continue;
      case TYPE.select: {
        const key = String(value);
        const option =
          (Object.prototype.hasOwnProperty.call(element.options, key) ? element.options[key] : undefined) ??
          element.options.other;
        if (!option) throw new NeedsFormatJs();
        text += write(option.value, values, undefined);
        continue;
      }
      case TYPE.plural: {
        if (element.pluralType !== 'cardinal' || element.offset) throw new NeedsFormatJs();
        integerText(value);
        const n = value as number;
        const exact = `=${n}`;
        const option =
          (Object.prototype.hasOwnProperty.call(element.options, exact) ? element.options[exact] : undefined) ??
          (Object.prototype.hasOwnProperty.call(element.options, englishPlural(n))
            ? element.options[englishPlural(n)]
            : undefined) ??
          element.options.other;
        if (!option) throw new NeedsFormatJs();
        text += write(option.value, values, n);
        continue;
      }
      default:
        throw new NeedsFormatJs();
    }
  }
  return text;
}

/** FormatJS for English, made on the first text it alone can write. */
let formatJs: IntlShape | undefined;

/** The English message `id` with its placeholders filled: FormatJS's text, Intl only when needed. */
export function plainEnglish(id: MessageId, values?: MessageValues): string {
  const elements = elementsOf(id);
  if (elements !== null) {
    try {
      return write(elements, values ?? {}, undefined);
    } catch (error) {
      if (!(error instanceof NeedsFormatJs)) throw error;
    }
  }
  formatJs ??= messageIntl('en', englishMessages());
  return formatJs.formatMessage({ id }, values as Record<string, string | number | Date>) as string;
}
