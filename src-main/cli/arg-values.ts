/**
 * Checks of single option values shared by every command (`--from`, `--platform`, `--section`,
 * `--tz`, `--format`). Each problem is a UsageError with a one-line message naming the option.
 */
import { isDate, isZone } from '../shared/calendar-day';
import { SECTIONS, parsePlatform, parseSection, type Platform, type Section } from '../shared/taxonomy';
import { DEFAULT_LANGUAGE, LANGUAGES, languageOfTag, type Language } from '../shared/i18n/languages';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** A real calendar day `YYYY-MM-DD`, or undefined when the option was not given. */
export function checkDay(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isDate(value)) throw new UsageError(`--${flag} ${value}: not a date (YYYY-MM-DD)`);
  return value;
}

/** An IANA zone; UTC when the option was not given (spec 6: the command line defaults to UTC). */
export function checkZone(value: string | undefined): string {
  const tz = value ?? 'UTC';
  if (!isZone(tz)) throw new UsageError(`--tz ${tz}: not an IANA time zone (e.g. Europe/Berlin)`);
  return tz;
}

export function platformOf(value: string): Platform {
  const platform = parsePlatform(value);
  if (!platform) throw new UsageError(`--platform ${value}: expected ios or android`);
  return platform;
}

const SECTION_NAMES = SECTIONS.map((section) => `"${section}"`).join(', ');

/** A section by its spec name; `alsoAccepted` names what else the command takes, for the message. */
export function sectionOf(value: string, alsoAccepted = ''): Section {
  const section = parseSection(value);
  if (!section) throw new UsageError(`--section ${value}: expected one of ${SECTION_NAMES}${alsoAccepted}`);
  return section;
}

export function formatOf<F extends string>(value: string | undefined, allowed: readonly F[]): F {
  const format = (value ?? allowed[0]) as F;
  if (!allowed.includes(format)) throw new UsageError(`--format ${value}: expected ${allowed.join(' or ')}`);
  return format;
}

/** The options every reading command takes: the case, the days, the zone, the output. */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  tz: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

/** COMMON_OPTIONS and the report's platform and section filters (each may be given more than once). */
export const FILTER_OPTIONS = {
  ...COMMON_OPTIONS,
  platform: { type: 'string', multiple: true },
  section: { type: 'string', multiple: true },
} as const;

/** `--lang en|de|fr|es|ja` (a region is accepted and dropped: `de-AT` is German); English when absent. */
export function languageOf(value: string | undefined): Language {
  if (value === undefined) return DEFAULT_LANGUAGE;
  const language = languageOfTag(value);
  if (!language) throw new UsageError(`--lang ${value}: expected ${LANGUAGES.join(', ')}`);
  return language;
}
