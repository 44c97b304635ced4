/**
 * The engine's shared vocabulary as displayed: section and platform names are data (English, as
 * the report and the JSON carry them) and are translated only here, at display time, through the
 * `common` messages.
 */
import type { MessageId } from '../../src-main/shared/i18n/messages';
import type { Translator } from '../../src-main/shared/i18n/translator';
import type { Platform, Section } from '../../src-main/shared/taxonomy';

export const SECTION_MESSAGE: Record<Section, MessageId> = {
  'Setup Checklist': 'common.section.setupChecklist',
  'Platform Screens': 'common.section.platformScreens',
  'Terms of Use': 'common.section.termsOfUse',
  'Compliance/Activation': 'common.section.complianceActivation',
};

export const PLATFORM_MESSAGE: Record<Platform, MessageId> = {
  'iOS/iPadOS': 'common.platform.ios',
  Android: 'common.platform.android',
};

export const sectionName = (t: Translator['t'], section: Section): string => t(SECTION_MESSAGE[section]);

/** A platform's name; a value outside the taxonomy (a row of both, `iOS/Android`) as it is. */
export function platformName(t: Translator['t'], platform: string): string {
  return platform in PLATFORM_MESSAGE ? t(PLATFORM_MESSAGE[platform as Platform]) : platform;
}
