/** The language the app window speaks: the user's choice, or the system's when the choice is "system". Node-free. */
import type { Language } from './i18n/languages';
import type { PreferencesState } from './ipc-contract';

export const windowLanguage = (state: PreferencesState): Language =>
  state.preferences.language === 'system' ? state.systemLanguage : state.preferences.language;
