/**
 * The user's preferences on disk (preferences.json in the user data folder) and the channels that
 * read and change them, through the real backend's invoker (zod schema, handlers, file).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREFERENCES_FILE, PreferenceStore } from '../../../src-main/app/preferences';
import type { PreferencesState } from '../../../src-main/shared/ipc-contract';
import { useTempDir } from '../../helpers/temp-dir';
import { APP_SENDER, testBackend } from '../../helpers/test-backend';

const tempDir = useTempDir('enrollscope-preferences-');

describe('PreferenceStore', () => {
  it('starts with the system language when there is no file, and writes none until a change', () => {
    const file = join(tempDir(), 'user', PREFERENCES_FILE);
    const store = new PreferenceStore(file);
    expect(store.preferences).toEqual({ language: 'system' });
    expect(existsSync(file)).toBe(false);
  });

  it('writes a change as JSON (no temp file left) and a new store reads it back', () => {
    const file = join(tempDir(), 'user', PREFERENCES_FILE);
    new PreferenceStore(file).update({ language: 'ja' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'ja' });
    expect(readdirSync(join(tempDir(), 'user'))).toEqual([PREFERENCES_FILE]);
    expect(new PreferenceStore(file).preferences).toEqual({ language: 'ja' });
  });

  it('tolerates a damaged file, an unknown language and a wrong shape: the defaults, rewritten on change', () => {
    const dir = tempDir();
    const cases: [string, string][] = [
      ['not json', '{"language": "de"'],
      ['a list', '["de"]'],
      ['unknown language', '{"language": "klingon"}'],
      ['a number', '{"language": 7}'],
      ['empty', ''],
    ];
    for (const [name, content] of cases) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, content);
      const store = new PreferenceStore(file);
      expect(store.preferences, name).toEqual({ language: 'system' });
      store.update({ language: 'fr' });
      expect(JSON.parse(readFileSync(file, 'utf8')), name).toEqual({ language: 'fr' });
    }
  });

  it('a file that cannot be read (a folder in its place) is the defaults, not a crash', () => {
    const file = join(tempDir(), PREFERENCES_FILE);
    mkdirSync(file);
    expect(new PreferenceStore(file).preferences).toEqual({ language: 'system' });
  });
});

describe('preferences channels', () => {
  it('answer the choice and the system language, remember a change on disk, and refuse unknown values', async () => {
    const userData = join(tempDir(), 'user');
    const backend = testBackend(userData, { systemLanguages: () => ['fr-CA', 'en-US'] });
    const get = await backend.invoke('preferences:get', undefined, APP_SENDER);
    expect(get).toEqual({ ok: true, value: { preferences: { language: 'system' }, systemLanguage: 'fr' } });

    const set = await backend.invoke('preferences:set', { language: 'de' }, APP_SENDER);
    expect(set).toEqual({ ok: true, value: { preferences: { language: 'de' }, systemLanguage: 'fr' } });
    expect(JSON.parse(readFileSync(join(userData, PREFERENCES_FILE), 'utf8'))).toEqual({ language: 'de' });

    // A new start (a new backend over the same folder) reads the choice back.
    const again = testBackend(userData, { systemLanguages: () => ['zh-CN'] });
    const reread = await again.invoke('preferences:get', undefined, APP_SENDER);
    expect((reread as { value: PreferencesState }).value).toEqual({
      preferences: { language: 'de' },
      systemLanguage: 'en',
    });

    // The window's language for main's own texts (the menu): the choice over the system's.
    expect(backend.language()).toBe('de');

    for (const bad of [{ language: 'klingon' }, { language: 'de', theme: 'dark' }, 'de', null]) {
      const refused = await backend.invoke('preferences:set', bad, APP_SENDER);
      expect(refused, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    expect(JSON.parse(readFileSync(join(userData, PREFERENCES_FILE), 'utf8'))).toEqual({ language: 'de' });
  });

  it('a change is reported (main redraws its menu), and "system" follows the system again', async () => {
    const changes: string[] = [];
    const backend = testBackend(join(tempDir(), 'user'), {
      systemLanguages: () => ['ja-JP'],
      onPreferencesChange: () => changes.push('changed'),
    });
    expect(backend.language()).toBe('ja');
    await backend.invoke('preferences:set', { language: 'es' }, APP_SENDER);
    expect(backend.language()).toBe('es');
    await backend.invoke('preferences:set', { language: 'system' }, APP_SENDER);
    expect(backend.language()).toBe('ja');
    expect(changes).toEqual(['changed', 'changed']);
    // A refused value changes nothing and reports nothing.
    await backend.invoke('preferences:set', { language: 'xx' }, APP_SENDER);
    expect(changes).toHaveLength(2);
  });
});
