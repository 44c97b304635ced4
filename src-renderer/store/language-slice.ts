/**
 * The window's language: the user's choice (remembered by main in the user data folder) or, by
 * default, the system's, which main reads from the system's preferred languages. The renderer
 * never guesses from navigator.languages: main is the one source, so the menu, the app and a
 * later print job agree.
 */
import type { PreferencesState } from '../../src-main/shared/ipc-contract';
import { windowLanguage } from '../../src-main/shared/window-language';
import type { LanguageSlice, Slice } from './types';

export const createLanguageSlice: Slice<LanguageSlice> = (api) => (set) => {
  const apply = (state: PreferencesState): void =>
    set({
      languageChoice: state.preferences.language,
      systemLanguage: state.systemLanguage,
      language: windowLanguage(state),
      languageKnown: true,
    });
  return {
    languageChoice: 'system',
    systemLanguage: 'en',
    language: 'en',
    languageKnown: false,

    async loadPreferences() {
      const result = await api.getPreferences();
      if (result.ok) apply(result.value);
      else set({ notice: result.error.message, languageKnown: true });
    },

    async chooseLanguage(choice) {
      const result = await api.setPreferences({ language: choice });
      if (result.ok) apply(result.value);
      else set({ notice: result.error.message });
    },
  };
};
