/**
 * The user's own settings (today: the app's language), kept as JSON in the user data folder beside
 * the recent cases. A missing or damaged file means the defaults (the system's language); it is
 * rewritten, atomically, on the next change. Settings the file has that this version does not know
 * are dropped on that write.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { LANGUAGE_CHOICES, type PreferencesState, type UserPreferences } from '../shared/ipc-contract';
import { matchLanguage } from '../shared/i18n/languages';
import { writeFileAtomic } from '../files/write-file-atomic';

export const PREFERENCES_FILE = 'preferences.json';
export const DEFAULT_PREFERENCES: UserPreferences = { language: 'system' };

/** Each setting on its own: one bad value falls back to its default without losing the others. */
const fileSchema = z.object({
  language: z.enum(LANGUAGE_CHOICES).catch(DEFAULT_PREFERENCES.language),
});

export class PreferenceStore {
  private current: UserPreferences;

  constructor(private readonly file: string) {
    this.current = PreferenceStore.read(file);
  }

  private static read(file: string): UserPreferences {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
    } catch {
      return DEFAULT_PREFERENCES;
    }
  }

  get preferences(): UserPreferences {
    return this.current;
  }

  /** Changes the given settings, keeps the others, and writes the file (temp file, then rename). */
  update(patch: Partial<UserPreferences>): UserPreferences {
    this.current = { ...this.current, ...patch };
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, `${JSON.stringify(this.current, null, 2)}\n`);
    return this.current;
  }
}

/**
 * The state the renderer gets: the settings and the language "system" stands for, read from the
 * system's preferred languages at each call (Electron: app.getPreferredSystemLanguages()).
 */
export function preferencesState(store: PreferenceStore, systemLanguages: () => readonly string[]): PreferencesState {
  return { preferences: store.preferences, systemLanguage: matchLanguage(systemLanguages()) };
}
