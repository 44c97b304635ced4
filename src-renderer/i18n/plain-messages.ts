/**
 * The window's translator: the shared one, with each message that takes no values formatted once.
 * A report renders a few hundred labels per filter change (a row's platform, screen, action and
 * headers), each a FormatJS lookup keyed by a serialisation of its arguments; the text of a message
 * without values depends only on its id and the language, so it is kept.
 */
import { translator, type Language, type Translator } from '../../src-main/shared/i18n';
import type { MessageId } from '../../src-main/shared/i18n/messages';

const made = new Map<Language, Translator>();

export function windowTranslator(language: Language): Translator {
  const known = made.get(language);
  if (known) return known;
  const shared = translator(language);
  const plain = new Map<MessageId, string>();
  const t: Translator['t'] = (id, values) => {
    if (values !== undefined) return shared.t(id, values);
    let text = plain.get(id);
    if (text === undefined) {
      text = shared.t(id);
      plain.set(id, text);
    }
    return text;
  };
  const mine: Translator = { ...shared, t };
  made.set(language, mine);
  return mine;
}
