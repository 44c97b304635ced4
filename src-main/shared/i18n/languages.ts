/**
 * The languages the product speaks (the app, the PDF, `--format text` and CSV headers) and the
 * choices that follow a locale: which of them a system's preferred languages pick, the default
 * paper, the first day of the week. The JSON output stays English: it is the machine interface.
 * Node-free: the renderer imports it too.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's name in itself, for the pickers. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  ja: '日本語',
};

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The language of a BCP 47 tag (`de-AT` -> `de`); undefined when the product does not speak it. */
export function languageOfTag(tag: string): Language | undefined {
  const primary =
    tag
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? '';
  return isLanguage(primary) ? primary : undefined;
}

/** The first of the system's preferred languages (most preferred first) the product speaks; else English. */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

/** The region of a tag (`en-US` -> `US`), or undefined. */
function regionOfTag(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag.replace(/_/g, '-').split('.')[0]!).maximize().region;
  } catch {
    return undefined;
  }
}

/** Letter in the US and Canada (and where they set the habit), A4 everywhere else. */
export function defaultPaperFor(tag: string): 'Letter' | 'A4' {
  const region = regionOfTag(tag);
  return region === 'US' || region === 'CA' || region === 'MX' || region === 'PH' ? 'Letter' : 'A4';
}

/** First day of the week (1 = Monday ... 7 = Sunday) for a locale tag, from Intl where it knows. */
export function firstDayOfWeek(tag: string): number {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info) return info.firstDay;
  } catch {
    // An unknown tag: fall through to the region rule.
  }
  const region = regionOfTag(tag);
  return region && ['US', 'CA', 'JP', 'MX', 'BR', 'PH', 'IL'].includes(region) ? 7 : 1;
}
