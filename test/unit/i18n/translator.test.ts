/** The translator and the locale formats: real catalogs, real Intl. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-main/shared/i18n/translator';
import { defaultPaperFor, firstDayOfWeek, matchLanguage } from '../../../src-main/shared/i18n/languages';

describe('translator', () => {
  it('fills ICU plurals per language', () => {
    expect(translator('en').t('pdf.files.count', { count: 1 })).toBe('1 file');
    expect(translator('de').t('pdf.files.count', { count: 1234 })).toBe('1.234 Dateien');
    expect(translator('ja').t('pdf.files.count', { count: 2 })).toBe('2 ファイル');
  });

  it('formats rates, counts and days as the locale writes them', () => {
    expect(translator('en').f.rate(0.1234)).toBe('12.3%');
    expect(translator('de').f.rate(0.1234)).toBe('12,3\u00a0%');
    expect(translator('en').f.rate(null)).toBe('—');
    expect(translator('fr').f.count(1234567)).toBe('1\u202f234\u202f567');
    expect(translator('en').f.day('2025-05-15')).toBe('May 15, 2025');
    expect(translator('de').f.day('2025-05-15')).toBe('15. Mai 2025');
    expect(translator('ja').f.day('2025-05-15')).toBe('2025年5月15日');
    expect(translator('en').f.dayRuns(['2025-06-03', '2025-06-04', '2025-06-09'])).toBe(
      'Jun 3, 2025 – Jun 4, 2025, Jun 9, 2025',
    );
  });

  it('matches system languages, paper and the week start', () => {
    expect(matchLanguage(['nl-NL', 'de-AT', 'en-US'])).toBe('de');
    expect(matchLanguage(['pt-BR'])).toBe('en');
    expect(matchLanguage(['ja'])).toBe('ja');
    expect(defaultPaperFor('en-US')).toBe('Letter');
    expect(defaultPaperFor('fr-CA')).toBe('Letter');
    expect(defaultPaperFor('en-GB')).toBe('A4');
    expect(defaultPaperFor('de')).toBe('A4');
    expect(firstDayOfWeek('en-US')).toBe(7);
    expect(firstDayOfWeek('de-DE')).toBe(1);
  });
});
