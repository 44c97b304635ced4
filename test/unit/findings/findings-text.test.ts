/**
 * The findings' sentences in the reader's language: the JSON keeps the English machine text (fixed
 * month names, comma separators) while the app, the PDF and `--format text` render the same
 * finding in the translator's words and formats. Findings computed from a real case file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reportWithFindings } from '../../../src-main/findings/gather';
import { findingText, renderFindingText } from '../../../src-main/shared/findings-text';
import type { Finding } from '../../../src-main/shared/findings-types';
import { translator } from '../../../src-main/shared/i18n';
import { removeTempCases, tempCase } from '../../helpers/case-builder';
import { everyDay, importPlanned, type Stop } from '../../helpers/findings-case';

afterEach(removeTempCases);

const ignore = (count: number): Stop => ({ action: 'iOSProfileLaunch', event: 'ignore', count });
const decline = (count: number): Stop => ({ action: 'TermsofUse', event: 'declineall', count });

/** 1-28 May 2025, 20 attempts a day per platform; the rate rises in the second half on iOS. */
function findings(): readonly Finding[] {
  const db = tempCase();
  importPlanned(
    db,
    everyDay('2025-05-01', 28, (_date, i) => [
      { platform: 'ios', started: 20, stops: [ignore(i < 14 ? 4 : 7), decline(1)] },
      { platform: 'android', started: 20, stops: [decline(1)] },
    ]),
  );
  return reportWithFindings(db, { from: '2025-05-15', to: '2025-05-28', tz: 'UTC' }).findings ?? [];
}

const ofKind = <K extends Finding['kind']>(all: readonly Finding[], kind: K): Extract<Finding, { kind: K }> => {
  const found = all.find((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
  if (!found) throw new Error(`no ${kind} finding among ${all.map((f) => f.kind).join(', ')}`);
  return found;
};

describe('findings text', () => {
  it('the JSON text stays English with fixed formats; the reader sees the language and its formats', () => {
    const all = findings();
    const stop = ofKind(all, 'where-users-stop');
    const change = ofKind(all, 'rate-change');

    expect(stop.text).toBe(renderFindingText(stop));
    expect(stop.text).toMatch(
      /^Where users stop #1: iOSProfileLaunch, Ignore at "Prompt to show a configuration profile" \(Platform Screens\), 98 incomplete enrollments/,
    );
    expect(change.text).toContain('(1 May 2025 – 14 May 2025)');

    const en = findingText(translator('en'), change);
    expect(en).toContain('(May 1, 2025 – May 14, 2025)');

    const de = translator('de');
    expect(findingText(de, stop)).toMatch(
      /^Abbruchstelle Nr\. 1: iOSProfileLaunch, Ignorieren bei „Aufforderung, ein Konfigurationsprofil anzuzeigen“ \(Plattformbildschirme\), 98 unvollständige Registrierungen, /,
    );
    expect(findingText(de, stop)).toContain(de.f.rate(stop.numbers.share as number));
    expect(findingText(de, change)).toContain('(1. Mai 2025 – 14. Mai 2025)');
    expect(findingText(de, change)).toMatch(/^Die Abbruchquote stieg von \d+,\d\s%/);

    const ja = findingText(translator('ja'), stop);
    expect(ja).toContain('離脱箇所 第 1 位');
    expect(ja).toContain('「構成プロファイルの表示を求めるプロンプト」');
    expect(ja).toContain('不完全な登録 98 件');
  });

  it('every finding has a sentence in every language, none left in English words', () => {
    const all = findings();
    for (const language of ['de', 'fr', 'es', 'ja'] as const) {
      for (const finding of all) {
        const text = findingText(translator(language), finding);
        expect(text, `${language} ${finding.kind}`).not.toBe(finding.text);
        expect(text, `${language} ${finding.kind}`).not.toMatch(/incomplete enrollments|fares worse|Where users stop/);
      }
    }
  });
});
