/**
 * FormatJS over one language's messages: the translator's, and plainEnglish's for what only
 * FormatJS can write. Node-free.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';

const cache = createIntlCache();

/** A FormatJS object for `locale` over `messages` (English the default locale). */
export function messageIntl(locale: string, messages: Record<string, string>): IntlShape {
  return createIntl(
    {
      locale,
      defaultLocale: 'en',
      messages,
      // A missing id is a build error (MessageId); a missing translation falls back to English.
      onError: () => undefined,
    },
    cache,
  );
}
