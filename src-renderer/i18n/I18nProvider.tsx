/**
 * The renderer's language: react-intl's provider (for `<FormattedMessage>` with rich text) and the
 * shared translator (`useT()`: `t(id, values)` and the locale's formats `f`) for one language. The
 * app window wraps itself in the user's language; the print route in the job's.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { messagesFor, INTL_LOCALE, translator, type Language, type Translator } from '../../src-main/shared/i18n';

const TranslatorContext = createContext<Translator>(translator('en'));

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <IntlProvider
      locale={INTL_LOCALE[language]}
      defaultLocale="en-US"
      messages={messagesFor(language)}
      // A missing translation falls back to English (messagesFor); ids are checked by the compiler.
      onError={() => undefined}
    >
      <TranslatorContext.Provider value={translator(language)}>{children}</TranslatorContext.Provider>
    </IntlProvider>
  );
}

/** The current language's translator: `const { t, f } = useT();`. */
export const useT = (): Translator => useContext(TranslatorContext);
