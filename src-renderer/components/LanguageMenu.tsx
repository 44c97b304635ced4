/**
 * The window's language: "System (…)" (the system's preferred language, the default) or one of the
 * product's languages, each named in itself. The choice is remembered for this user by main.
 */
import { LANGUAGE_NAMES, LANGUAGES } from '../../src-main/shared/i18n/languages';
import type { LanguageChoice } from '../../src-main/shared/ipc-contract';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store';
import { useMenu } from './use-menu';

export function LanguageMenu() {
  const { t } = useT();
  const choice = useApp((s) => s.languageChoice);
  const system = useApp((s) => s.systemLanguage);
  const language = useApp((s) => s.language);
  const chooseLanguage = useApp((s) => s.chooseLanguage);
  const { ref, open, setOpen } = useMenu();
  const choices: { value: LanguageChoice; label: string; lang?: string }[] = [
    { value: 'system', label: t('app.language.system', { language: LANGUAGE_NAMES[system] }) },
    ...LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value], lang: value })),
  ];

  return (
    <details
      className="menu language-menu"
      ref={ref}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="language-menu"
    >
      <summary className="button ghost" title={`${t('app.language.label')}: ${LANGUAGE_NAMES[language]}`}>
        <svg className="language-icon" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
        </svg>
        {/* The name a screen reader says contains what is on screen ("Language: DE"). */}
        <span className="visually-hidden">{t('app.language.label')}: </span>
        <span className="language-code">{language.toUpperCase()}</span>
      </summary>
      <div className="menu-list language-list" role="menu" aria-label={t('app.language.label')}>
        {choices.map((item) => (
          <button
            key={item.value}
            role="menuitemradio"
            aria-checked={choice === item.value}
            className="menu-item"
            lang={item.lang}
            onClick={() => {
              setOpen(false);
              void chooseLanguage(item.value);
            }}
          >
            <span>{item.label}</span>
          </button>
        ))}
      </div>
    </details>
  );
}
