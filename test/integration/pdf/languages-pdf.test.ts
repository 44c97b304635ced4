/**
 * The same case printed in each of the five languages (`report --format pdf --lang`), read back
 * with poppler-utils: the headings in the language, the numbers the JSON says in the language's
 * format, the tagged PDF's /Lang, a structure tree without errors, and for Japanese an embedded
 * CJK font whose glyphs extract as text (no boxes). The built command line, a planted event log on
 * disk, a real browser; one print per language.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTL_LOCALE,
  LANGUAGES,
  sectionLabel,
  skipReasonLabel,
  translator,
  type Language,
} from '../../../src-main/shared/i18n';
import type { Report } from '../../../src-main/shared/report-types';
import { writeEventLog } from '../../helpers/event-log';
import { everyDay, plannedEvents, type Stop } from '../../helpers/findings-case';
import { pdfFonts, pdfInfo, pdfReadingText, pdfStructProblems, requirePoppler } from '../../helpers/pdf';
import { runCli } from '../../helpers/run-cli';

/** pdftotext's text with runs of white space as one space (narrow no-break spaces included). */
const flat = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ');
/** Text without any white space: a sentence wrapped anywhere (Japanese wraps between any two characters). */
const squeezed = (text: string): string => text.replace(/[\s\u00a0\u202f\u00ad]+/g, '');

describe('the PDF in five languages', () => {
  let dir = '';
  let casePath = '';
  let report: Report;
  const platformRollup: Record<string, Report['rollup']> = {};
  const printed = new Map<Language, { file: string; text: string }>();

  beforeAll(() => {
    requirePoppler();
    dir = mkdtempSync(join(tmpdir(), 'enrollscope-languages-pdf-'));
    casePath = join(dir, 'case.enrollscope');
    const ignore = (count: number): Stop => ({ action: 'iOSProfileLaunch', event: 'ignore', count });
    const decline = (count: number): Stop => ({ action: 'TermsofUse', event: 'declineall', count });
    const cancel = (count: number): Stop => ({ action: 'AndroidPermissions', event: 'cancel', count });
    // Over a thousand attempts, so the counts carry the language's thousands separator; one row of
    // an unknown platform, skipped on import, so the data-quality notes say so.
    const log = writeEventLog(join(dir, 'events.csv'), [
      ...plannedEvents(
        everyDay('2025-06-01', 14, (_date, i) => [
          { platform: 'ios', started: 50, stops: [ignore(6 + (i % 3)), decline(2)] },
          { platform: 'android', started: 40, stops: [cancel(3), decline(1 + (i % 2))] },
        ]),
      ),
      { time: '2025-06-05T12:00:00.000Z', user: 'windows-user', platform: 'Windows', event: 'start' },
    ]);
    const range = ['--from', '2025-06-01', '--to', '2025-06-14'];
    expect(runCli(['imports', log, '--db', casePath]).code).toBe(0);
    report = JSON.parse(runCli(['report', '--db', casePath, ...range]).stdout) as Report;
    for (const platform of ['ios', 'android'] as const) {
      const alone = JSON.parse(runCli(['report', '--db', casePath, ...range, '--platform', platform]).stdout) as Report;
      platformRollup[platform] = alone.rollup;
    }
    for (const language of LANGUAGES) {
      const file = join(dir, `report-${language}.pdf`);
      const result = runCli([
        'report',
        '--db',
        casePath,
        ...range,
        '--format',
        'pdf',
        '--out',
        file,
        '--lang',
        language,
        '--customer',
        'Contoso',
        '--consultant',
        'Jane Doe',
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      printed.set(language, { file, text: flat(pdfReadingText(file)) });
    }
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = (language: Language) => {
    const found = printed.get(language);
    if (!found) throw new Error(`no ${language} PDF`);
    return found;
  };

  it('the JSON is English whatever --lang says', () => {
    const german = runCli(['report', '--db', casePath, '--from', '2025-06-01', '--to', '2025-06-14', '--lang', 'de']);
    expect(JSON.parse(german.stdout)).toEqual(
      JSON.parse(JSON.stringify({ ...report, findings: (report as { findings?: unknown }).findings })),
    );
  });

  for (const language of LANGUAGES) {
    it(`${language}: headings, section names and the numbers in the language's format; /Lang ${INTL_LOCALE[language]}`, () => {
      const { file, text } = get(language);
      const { t, f } = translator(language);
      expect(report.rollup.initiated).toBeGreaterThan(1000);

      for (const id of [
        'pdf.reportName',
        'pdf.heading.summary',
        'pdf.heading.executiveSummary',
        'pdf.heading.sections',
        'pdf.methods.title',
        'pdf.sources.title',
        'pdf.dq.title',
      ] as const) {
        expect(text, id).toContain(flat(t(id)));
      }
      // The page header: the report's name and the range as the language writes days.
      expect(text).toContain(flat(`${t('pdf.reportName')} · Contoso`));
      expect(text).toContain(flat(f.range(report.range.from, report.range.to)));

      // The tiles' split: each platform's initiated, incomplete and rate, as the JSON has them.
      const ios = platformRollup.ios!;
      const android = platformRollup.android!;
      expect(text).toContain(flat(`iOS/iPadOS ${f.count(ios.initiated!)} · Android ${f.count(android.initiated!)}`));
      expect(text).toContain(flat(`iOS/iPadOS ${f.count(ios.incomplete)} · Android ${f.count(android.incomplete)}`));
      expect(text).toContain(
        flat(`iOS/iPadOS ${f.rate(ios.incompleteRate)} · Android ${f.rate(android.incompleteRate)}`),
      );
      // Each section table's total, under its translated name.
      for (const table of report.sections) {
        expect(text).toContain(flat(sectionLabel(t, table.section)));
        expect(text).toContain(flat(t('pdf.section.total', { count: f.count(table.incomplete) })));
      }

      // The engine's data-quality note (English in the JSON) in the language, its count in the locale's digits.
      expect(report.dataQuality.notes).toContain('1 row was skipped on import (see imports).');
      const skippedNote = t('common.dqNote.skippedRows', { count: 1 });
      if (language === 'en') expect(skippedNote).toBe('1 row was skipped on import (see imports).');
      expect(squeezed(text)).toContain(squeezed(skippedNote));
      // The appendix's skip reason (the JSON's `unknown platform`) in the language.
      expect(Object.keys(report.imports[0]!.skipped)).toEqual(['unknown platform']);
      expect(text).toContain(flat(skipReasonLabel(t, 'unknown platform')));

      const bytes = readFileSync(file).toString('latin1');
      expect(bytes).toContain(`/Lang (${INTL_LOCALE[language]})`);
      expect(pdfInfo(file).tagged).toBe(true);
      expect(pdfStructProblems(file)).toEqual([]);
    }, 60_000);
  }

  it('German and French separate thousands their own way; English keeps its own', () => {
    const initiated = report.rollup.initiated!;
    expect(get('de').text).toContain(`iOS/iPadOS ${translator('de').f.count(platformRollup.ios!.initiated!)}`);
    expect(translator('de').f.count(initiated)).toMatch(/^\d\.\d{3}$/);
    expect(get('en').text).toContain(`Android ${platformRollup.android!.initiated!.toLocaleString('en-US')}`);
    expect(get('de').text).toContain('Wo Benutzer abgebrochen haben, nach Abschnitt');
    expect(get('fr').text).toContain('Où les utilisateurs se sont arrêtés, par section');
    expect(get('es').text).toContain('Dónde se detuvieron los usuarios, por sección');
  });

  it('ja: a CJK font is embedded and the Japanese text extracts, no boxes', () => {
    const { file, text } = get('ja');
    expect(text).toContain('不完全なユーザー登録');
    expect(text).toContain('ユーザーが中断した箇所 (セクション別)');
    expect(text).toContain('方法と定義');
    // The funnel's durations (each abandoned attempt stopped 20 s after it began) in Japanese words.
    expect(text).toContain(flat(translator('ja').t('app.duration.seconds', { s: 20 })));
    expect(text).toContain('20 秒');
    expect(text).not.toMatch(/[\ufffd\u25a1\u25af]/);
    // Skia embeds a CFF-outline font (Noto Sans CJK) as Type 3 glyphs with a ToUnicode map; the
    // fonts' descriptors name it. The English PDF needs none of them.
    const fonts = pdfFonts(file);
    expect(fonts.some((font) => font.type === 'Type 3' && font.embedded && font.unicode)).toBe(true);
    expect(pdfFonts(get('en').file).some((font) => font.type === 'Type 3')).toBe(false);
    expect(readFileSync(file).toString('latin1')).toMatch(
      /\/FontName \/[A-Z]{6}\+(NotoSansCJK|NotoSansJP|YuGothic|Meiryo|HiraginoSans)/,
    );
  });
});
