/**
 * `funnel --format text --lang`: the funnel's words, section names, counts, rates, durations and
 * caveats in the language, from a real funnel of a real case file; English, the default, is the
 * text as it always was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src-main/cli/args';
import type { FunnelArgs } from '../../../src-main/cli/view-args';
import { formatFunnelText } from '../../../src-main/funnel/format-text';
import { computeFunnel } from '../../../src-main/funnel/funnel';
import { translator } from '../../../src-main/shared/i18n';
import { removeTempCases, tempCase } from '../../helpers/case-builder';
import { everyDay, importPlanned } from '../../helpers/findings-case';

afterEach(removeTempCases);

/** 1,200 attempts over two days; 30 a day stopped 20 s into the terms of use. */
function bigFunnel() {
  const db = tempCase();
  importPlanned(
    db,
    everyDay('2025-06-01', 2, () => ({
      platform: 'ios',
      started: 600,
      stops: [{ action: 'TermsofUse', event: 'declineall', count: 30 }],
    })),
  );
  return computeFunnel(db, { from: '2025-06-01', to: '2025-06-02' });
}

describe('funnel --lang', () => {
  it('takes --lang like report (English by default)', () => {
    expect((parseCliArgs(['funnel', 'a.csv']) as FunnelArgs).language).toBe('en');
    expect((parseCliArgs(['funnel', 'a.csv', '--format', 'text', '--lang', 'de-AT']) as FunnelArgs).language).toBe(
      'de',
    );
    expect(() => parseCliArgs(['funnel', 'a.csv', '--lang', 'pt'])).toThrow('--lang pt: expected en, de, fr, es, ja');
  });

  it('English is the text as it was: plain digits, English words', () => {
    const funnel = bigFunnel();
    const text = formatFunnelText(funnel);
    expect(text).toBe(formatFunnelText(funnel, translator('en')));
    expect(text).toMatch(
      /^Section funnel\nRange: {5}2025-06-01 to 2025-06-02 \(UTC\)\nPlatforms: iOS\/iPadOS, Android\n/,
    );
    expect(text).toMatch(/Initiated \(known\) +1200\n/);
    expect(text).toMatch(/Terms of Use +\d+ +[\d.]+% +60 +[\d.]+% +20 s +20 s\n/);
  });

  it('German: words, section names, counts and durations as German writes them', () => {
    const text = formatFunnelText(bigFunnel(), translator('de'));
    expect(text).toMatch(
      /^Abschnittstrichter\nZeitraum: {4}2025-06-01 bis 2025-06-02 \(UTC\)\nPlattformen: iOS\/iPadOS, Android\n/,
    );
    expect(text).toMatch(/Begonnen \(bekannt\) +1\.200\n/);
    expect(text).toMatch(/Nutzungsbedingungen +[\d.]+ +[\d,]+\s% +60 +[\d,]+\s% +20 s +20 s\n/);
    expect(text).toContain('Zeiten: vom Beginn des Versuchs bis zu seinem Abbruch');
  });

  it('Japanese: words and durations in Japanese, the columns aligned by their width', () => {
    const text = formatFunnelText(bigFunnel(), translator('ja'));
    expect(text).toMatch(/^セクション ファネル\n/);
    expect(text).toMatch(/開始 \(判明分\) +1,200\n/);
    expect(text).toMatch(/利用規約 +[\d,]+ +[\d.]+% +60 +[\d.]+% +20 秒 +20 秒\n/);
  });
});
