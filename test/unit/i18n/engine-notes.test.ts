/**
 * The engine's sentences in the reader's language (data-quality notes, the funnel's caveats, the
 * comparison's caveats): each kind the engine writes has a message whose English is the engine's
 * own sentence (so the English app, PDF and JSON agree), and German and Japanese build the
 * sentence from the facts with the locale's numbers and days. Real reports, funnels and
 * comparisons of real case files go through the same path.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeComparison } from '../../../src-main/compare/compare';
import { computeFunnel, englishFunnelCaveat } from '../../../src-main/funnel/funnel';
import { computeReport, englishNote } from '../../../src-main/report/compute-report';
import type { CompareCaveat } from '../../../src-main/shared/compare-types';
import type { FunnelCaveat } from '../../../src-main/shared/funnel-types';
import {
  compareCaveatText,
  dataQualityNoteText,
  dataQualityNoteTexts,
  funnelCaveatText,
  funnelCaveatTexts,
  translator,
} from '../../../src-main/shared/i18n';
import { machineJson } from '../../../src-main/shared/machine-json';
import type { DataQualityNote, Report } from '../../../src-main/shared/report-types';
import { importRows, removeTempCases, tempCase } from '../../helpers/case-builder';

afterEach(removeTempCases);

const en = translator('en');
const de = translator('de');
const ja = translator('ja');

/** One note of every kind, with the German and Japanese sentences it must read as. */
const CASES: readonly { note: DataQualityNote; de: string; ja: string }[] = [
  {
    note: { kind: 'initiatedUnknown' },
    de: 'Die Zahl der begonnenen Registrierungen ist unbekannt: Kein Tag des Zeitraums ist durch eine Zusammenfassungszeile oder ein Ereignisprotokoll abgedeckt (Abbruchdetails enthalten nur die abgebrochenen Registrierungen), daher lässt sich die Quote nicht berechnen.',
    ja: '開始された登録数は不明です: 期間内のどの日も概要行またはイベント ログでカバーされていません (破棄の詳細には破棄された登録しか含まれません)。そのため、未完了率を計算できません。',
  },
  {
    note: { kind: 'rateCoversKnownDays', knownDays: 12, days: 14, incomplete: 1234, unknownDays: 2 },
    de: 'Die Quote umfasst nur die Tage, deren Zahl begonnener Registrierungen bekannt ist (12 von 14 Tagen): 1.234 unvollständige Versuche an 2 Tagen ohne bekannte Zahl begonnener Registrierungen sind in „Unvollständige Registrierungen“ enthalten, aber nicht in der Quote.',
    ja: '未完了率は、開始された登録数が判明している日のみを対象にしています (14 日中 12 日)。開始された登録数が不明な 2 日の未完了の試行 1,234 件は、未完了の登録には含まれますが、未完了率からは除外されます。',
  },
  {
    note: { kind: 'fromSummary', count: 1500 },
    de: '„Unvollständige Registrierungen“ enthält 1.500 aus den Intune-Zusammenfassungszeilen für Tage ohne Versuche in den Daten: Ihre Abschnitte sind unbekannt, daher werden sie als nicht zugeordnet gezählt.',
    ja: '未完了の登録には、データに試行がない日の Intune の概要行から 1,500 件が含まれます。セクションが不明なため、未分類として数えています。',
  },
  {
    note: { kind: 'fromSummaryLeftOut', count: 1 },
    de: '1 unvollständige Registrierung aus den Intune-Zusammenfassungszeilen wird nicht gezählt, weil ein Abschnittsfilter gesetzt ist (ihre Abschnitte sind unbekannt).',
    ja: 'セクション フィルターが設定されているため、Intune の概要行からの未完了の登録 1 件は数えていません (セクションが不明です)。',
  },
  {
    note: {
      kind: 'partialDay',
      date: '2025-06-14',
      dataStart: '2025-06-14T00:00:00.000Z',
      dataEnd: '2025-06-14T09:30:00.000Z',
    },
    de: '14. Juni 2025 ist ein Teiltag: Die Daten decken ihn nur von 14. Juni 2025, 00:00 bis 14. Juni 2025, 09:30 (UTC) ab, seine Zahlen umfassen also nur einen Teil des Tages.',
    ja: '2025年6月14日 は部分的な日です: データがカバーしているのは 2025年6月14日 00:00 から 2025年6月14日 09:30 (UTC) までのため、件数はその日の一部のみです。',
  },
  {
    note: { kind: 'summaryRowsLeftOut', count: 3 },
    de: '3 Zusammenfassungszeilen gelten für beide Plattformen zusammen und lassen sich unter einem Plattformfilter nicht aufteilen: ausgelassen.',
    ja: '3 行の概要行は両プラットフォームをまとめて対象としており、プラットフォーム フィルターでは分割できないため除外しました。',
  },
  {
    note: { kind: 'summaryMismatches', count: 1 },
    de: '1 Zusammenfassungszelle weicht bei der Zahl unvollständiger Registrierungen von den Versuchen ab (siehe abweichende Zusammenfassungszeilen).',
    ja: '1 件の概要セルで、未完了の件数が試行と一致しません (不一致の概要行を参照)。',
  },
  {
    note: { kind: 'unclassified', count: 2 },
    de: '2 unvollständige Versuche endeten, bevor ein Aktionsname bekannt war (nicht zugeordnet): in „Unvollständige Registrierungen“ enthalten, in keinem Abschnitt.',
    ja: '未完了の試行 2 件は、アクション名が判明する前に終了しました (未分類)。未完了の登録には含まれますが、どのセクションにも属しません。',
  },
  {
    note: { kind: 'unclassifiedLeftOut', count: 1 },
    de: '1 nicht zugeordneter unvollständiger Versuch wird nicht gezählt, weil ein Abschnittsfilter gesetzt ist.',
    ja: 'セクション フィルターが設定されているため、未分類の未完了の試行 1 件は数えていません。',
  },
  {
    note: { kind: 'daysWithoutData', count: 2, days: 30 },
    de: '2 von 30 Tagen des Zeitraums enthalten keine Daten.',
    ja: '期間の 30 日のうち 2 日にはデータがありません。',
  },
  {
    note: { kind: 'skippedRows', count: 12345 },
    de: '12.345 Zeilen wurden beim Import übersprungen (siehe Importe).',
    ja: 'インポート時に 12,345 行がスキップされました (インポートを参照)。',
  },
  {
    note: { kind: 'duplicateRows', count: 1 },
    de: '1 doppelte Zeile wurde einmal gespeichert.',
    ja: '重複する 1 行を 1 回だけ保存しました。',
  },
];

describe('data-quality notes in the reader’s language', () => {
  it('covers every kind of note once', () => {
    expect(new Set(CASES.map((c) => c.note.kind)).size).toBe(CASES.length);
    expect(CASES).toHaveLength(12);
  });

  for (const { note, de: german, ja: japanese } of CASES) {
    it(`${note.kind}: German and Japanese from the facts`, () => {
      expect(dataQualityNoteText(de, note)).toBe(german);
      expect(dataQualityNoteText(ja, note)).toBe(japanese);
    });
  }

  it('one day without data: the verb agrees with the count, not with the days of the range', () => {
    const one: DataQualityNote = { kind: 'daysWithoutData', count: 1, days: 14 };
    expect(dataQualityNoteText(de, one)).toBe('1 von 14 Tagen des Zeitraums enthält keine Daten.');
    expect(dataQualityNoteText(translator('fr'), one)).toBe('1 jour sur 14 de la période ne contient aucune donnée.');
    expect(dataQualityNoteText(translator('es'), one)).toBe('1 de 14 días del período no tiene datos.');
  });

  it('the English message of each kind is the engine’s sentence (counts below 1,000, singular and plural)', () => {
    for (const { note } of CASES) {
      if (note.kind === 'partialDay') {
        const values = { day: note.date, start: note.dataStart, end: note.dataEnd };
        expect(en.t('common.dqNote.partialDay', values)).toBe(englishNote(note));
        continue;
      }
      for (const n of [1, 2]) {
        const small = Object.fromEntries(
          Object.entries(note).map(([key, value]) => [key, typeof value === 'number' ? n : value]),
        ) as DataQualityNote;
        expect(dataQualityNoteText(en, small), small.kind).toBe(englishNote(small));
      }
    }
  });

  it('a real report: English shows the JSON notes as they are, German each note from its facts, the JSON leaves the facts out', () => {
    const db = tempCase();
    importRows(db, {
      details: [{ user: 'b', time: '2025-06-01T02:00:00', userAction: 'Postpone' }],
      events: [
        { user: 'c', time: '2025-06-01T03:00:00', event: 'start' },
        { user: 'c', time: '2025-06-01T03:01:00', event: 'appclosed' },
      ],
    });
    const report = computeReport(db, { from: '2025-06-01', to: '2025-06-03', sections: ['Setup Checklist'] });
    const quality = report.dataQuality;
    expect(quality.noteItems.map((n) => n.kind)).toContain('unclassifiedLeftOut');
    expect(quality.notes).toEqual(quality.noteItems.map(englishNote));
    expect(dataQualityNoteTexts(en, quality)).toBe(quality.notes);
    const german = dataQualityNoteTexts(de, quality);
    expect(german).toHaveLength(quality.notes.length);
    expect(german).toContain(
      '2 nicht zugeordnete unvollständige Versuche werden nicht gezählt, weil ein Abschnittsfilter gesetzt ist.',
    );
    const json = machineJson(report);
    expect(json).not.toContain('noteItems');
    expect(JSON.parse(json).dataQuality.notes).toEqual(quality.notes);
  });
});

const FUNNEL_CASES: readonly { caveat: FunnelCaveat; de: string; ja: string }[] = [
  {
    caveat: { kind: 'initiatedUnknown' },
    de: 'Die Zahl der begonnenen Registrierungen ist unbekannt: Keine Zusammenfassungszeile und kein Ereignisprotokoll deckt den Zeitraum ab (Abbruchdetails enthalten nur die abgebrochenen Registrierungen), daher lässt sich kein Anteil an den begonnenen Registrierungen angeben; die Zahlen zeigen, wo die abgebrochenen Versuche endeten.',
    ja: '開始された登録数は不明です: 概要行もイベント ログもこの期間をカバーしていません (破棄の詳細には破棄された登録しか含まれません)。そのため、開始された登録に対する割合は示せません。件数は、破棄された試行がどこで中断したかを示します。',
  },
  {
    caveat: { kind: 'initiatedFromSummary', fromSummary: 1200, initiated: 3400 },
    de: '1.200 der 3.400 begonnenen Registrierungen stammen aus den Intune-Zusammenfassungszeilen, die nicht angeben, welche Abschnitte sie erreicht haben.',
    ja: '開始された登録 3,400 件のうち 1,200 件は Intune の概要行によるもので、どのセクションに到達したかはわかりません。',
  },
  {
    caveat: { kind: 'attemptsOutside', count: 1 },
    de: '1 Versuch liegt an Tagen, deren Zahl begonnener Registrierungen unbekannt ist, und bleibt im Trichter unberücksichtigt.',
    ja: '1 件の試行は開始された登録数が不明な日にあるため、ファネルから除外しています。',
  },
];

describe('funnel caveats in the reader’s language', () => {
  for (const { caveat, de: german, ja: japanese } of FUNNEL_CASES) {
    it(`${caveat.kind}: German and Japanese from the facts; English is the engine’s sentence`, () => {
      expect(funnelCaveatText(de, caveat)).toBe(german);
      expect(funnelCaveatText(ja, caveat)).toBe(japanese);
      const small = Object.fromEntries(
        Object.entries(caveat).map(([key, value]) => [key, typeof value === 'number' ? 3 : value]),
      ) as FunnelCaveat;
      expect(funnelCaveatText(en, small)).toBe(englishFunnelCaveat(small));
    });
  }

  it('a real funnel without a known initiated count: English as the JSON, German from the facts, the JSON without them', () => {
    const db = tempCase();
    importRows(db, {
      details: [{ user: 'a', time: '2025-06-01T01:00:00', userAction: 'Cancel', action: 'TermsofUse' }],
    });
    const funnel = computeFunnel(db, { from: '2025-06-01', to: '2025-06-02' });
    expect(funnel.caveatItems).toEqual([{ kind: 'initiatedUnknown' }]);
    expect(funnelCaveatTexts(en, funnel)).toBe(funnel.caveats);
    expect(funnelCaveatTexts(de, funnel)).toEqual([FUNNEL_CASES[0]!.de]);
    expect(machineJson(funnel)).not.toContain('caveatItems');
  });
});

describe('comparison caveats in the reader’s language', () => {
  const periods = (currentInitiated: number | null, previousInitiated: number | null) =>
    ({
      current: { rollup: { initiated: currentInitiated } } as Report,
      previous: { rollup: { initiated: previousInitiated } } as Report,
    }) as const;
  const caveat = (period: CompareCaveat['period'], kind: CompareCaveat['kind'], days: string[]): CompareCaveat => ({
    period,
    kind,
    days,
    message: 'the engine’s English',
  });

  it('partial days: German and Japanese, the days as the language writes them', () => {
    const one = caveat('current', 'partial-days', ['2025-06-14']);
    expect(compareCaveatText(de, one, periods(10, 10))).toBe(
      'Der aktuelle Zeitraum enthält einen Teiltag (14. Juni 2025): Die Daten decken ihn nur teilweise ab, eine Veränderung kann also daher rühren.',
    );
    const three = caveat('previous', 'partial-days', ['2025-06-01', '2025-06-02', '2025-06-07']);
    expect(compareCaveatText(ja, three, periods(10, 10))).toBe(
      '前の期間には部分的な日が 3 日あります (2025年6月1日 – 2025年6月2日, 2025年6月7日)。データはその一部しかカバーしていないため、変化はそれによる可能性があります。',
    );
  });

  it('unknown initiated days, and a period whose Initiated is unknown altogether (its report says so)', () => {
    const days = caveat('current', 'unknown-initiated', ['2025-06-03']);
    expect(compareCaveatText(de, days, periods(10, 10))).toBe(
      'Die Quote des aktuellen Zeitraums lässt einen Tag aus, dessen Zahl begonnener Registrierungen unbekannt ist (3. Juni 2025).',
    );
    expect(compareCaveatText(ja, days, periods(10, 10))).toBe(
      '現在の期間の未完了率は、開始された登録数が不明な 1 日を除外しています (2025年6月3日)。',
    );
    const none = caveat('previous', 'unknown-initiated', []);
    expect(compareCaveatText(de, none, periods(10, null))).toBe(
      'Im vorherigen Zeitraum ist die Zahl der begonnenen Registrierungen unbekannt (keine Zusammenfassungszeile und kein Ereignisprotokoll deckt ihn ab): Es gibt keine Quote zum Vergleichen.',
    );
    expect(compareCaveatText(ja, none, periods(10, null))).toBe(
      '前の期間の開始された登録数は不明です (概要行もイベント ログもこの期間をカバーしていません)。比較できる未完了率はありません。',
    );
    expect(compareCaveatText(en, none, periods(10, null))).toBe('the engine’s English');
  });

  it('a real comparison: each caveat of the engine in German, none left in English', () => {
    const db = tempCase();
    importRows(db, {
      details: [{ user: 'a', time: '2025-06-01T01:00:00', userAction: 'Cancel', action: 'TermsofUse' }],
      events: [
        { user: 'b', time: '2025-06-04T08:00:00', event: 'start' },
        { user: 'b', time: '2025-06-04T08:05:00', event: 'complete' },
      ],
    });
    const comparison = computeComparison(
      db,
      { from: '2025-06-04', to: '2025-06-04' },
      { from: '2025-06-01', to: '2025-06-01' },
    );
    // The current day is partial (events 08:00 to 08:05); the previous day holds only a details row.
    expect(comparison.caveats.map((c) => [c.period, c.kind])).toEqual([
      ['current', 'partial-days'],
      ['previous', 'unknown-initiated'],
    ]);
    expect(comparison.previous.rollup.initiated).toBeNull();
    for (const c of comparison.caveats) {
      const german = compareCaveatText(de, c, comparison);
      expect(german).not.toBe(c.message);
      expect(german).toMatch(/Zeitraum/);
      expect(compareCaveatText(en, c, comparison)).toBe(c.message);
    }
  });
});
