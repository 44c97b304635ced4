/**
 * A translator for one language: `t(id, values)` over the catalogs (FormatJS, ICU messages) and
 * the locale's formats (formats.ts). The command line and the main process use it directly; the
 * renderer gets the same object from its provider (src-renderer/i18n). Node-free.
 */
import type { IntlShape } from '@formatjs/intl';
import type { Language } from './languages';
import { messagesFor, type MessageId } from './messages';
import { localeFormats, type LocaleFormats } from './formats';
import { messageIntl } from './message-intl';

/** Values a message's placeholders take. */
export type MessageValues = Record<string, string | number | Date | null | undefined>;

export interface Translator {
  readonly language: Language;
  /** The message `id` with its placeholders filled; English when the language lacks it. */
  t(id: MessageId, values?: MessageValues): string;
  /** Numbers, rates, days and ranges as the language writes them. */
  readonly f: LocaleFormats;
  /** The underlying FormatJS object, for what `t` and `f` do not cover. */
  readonly intl: IntlShape;
}

const translators = new Map<Language, Translator>();

export function translator(language: Language): Translator {
  const known = translators.get(language);
  if (known) return known;
  const intl = messageIntl(language, messagesFor(language));
  // A message without values reads the same every time: kept once formatted. A report renders a
  // few hundred labels (a row's platform, screen, action, the headers), each otherwise a FormatJS
  // lookup keyed by a serialisation of its arguments.
  const plain = new Map<MessageId, string>();
  const made: Translator = {
    language,
    t: (id, values) => {
      if (values !== undefined)
        return intl.formatMessage({ id }, values as Record<string, string | number | Date>) as string;
      let text = plain.get(id);
      if (text === undefined) plain.set(id, (text = intl.formatMessage({ id }) as string));
      return text;
    },
    f: localeFormats(language),
    intl,
  };
  translators.set(language, made);
  return made;
}
