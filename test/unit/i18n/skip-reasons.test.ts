/**
 * Why rows were skipped, as a reader sees it: every reason the import writes (the `SkipReason`
 * union: the object below does not compile when a reason is added without it) has a message whose
 * English is the import's own text, and German and Japanese translate it; a reason this build does
 * not know is shown as it is. The JSON and the stored imports keep the English reason.
 */
import { describe, expect, it } from 'vitest';
import type { SkipReason } from '../../../src-main/import/records';
import { LANGUAGES, SKIP_REASON_MESSAGE, skipReasonLabel, translator } from '../../../src-main/shared/i18n';

/** Each reason with its German and Japanese label. */
const REASONS: Record<SkipReason, { de: string; ja: string }> = {
  'no time': { de: 'Zeitangabe fehlt', ja: '時刻なし' },
  'bad time': { de: 'ungültige Zeitangabe', ja: '無効な時刻' },
  'time out of range': { de: 'Zeitangabe außerhalb des gültigen Bereichs', ja: '時刻が範囲外' },
  'no user': { de: 'Benutzer fehlt', ja: 'ユーザーなし' },
  'no platform': { de: 'Plattform fehlt', ja: 'プラットフォームなし' },
  'unknown platform': { de: 'unbekannte Plattform', ja: '不明なプラットフォーム' },
  'unknown event': { de: 'unbekanntes Ereignis', ja: '不明なイベント' },
  'unknown action name': { de: 'unbekannter Aktionsname', ja: '不明なアクション名' },
  'step without action name': { de: 'Schritt ohne Aktionsnamen', ja: 'アクション名のないステップ' },
  'no user action': { de: 'Benutzeraktion fehlt', ja: 'ユーザー操作なし' },
  'unknown user action': { de: 'unbekannte Benutzeraktion', ja: '不明なユーザー操作' },
  'bad count': { de: 'ungültige Anzahl', ja: '無効な件数' },
  'unreadable row': { de: 'unlesbare Zeile', ja: '読み取れない行' },
};

describe('skip reasons in the reader’s language', () => {
  it('has a message for exactly the import’s reasons', () => {
    expect(Object.keys(SKIP_REASON_MESSAGE).sort()).toEqual(Object.keys(REASONS).sort());
  });

  for (const [reason, labels] of Object.entries(REASONS)) {
    it(`"${reason}": English as the import writes it, German and Japanese translated`, () => {
      expect(skipReasonLabel(translator('en').t, reason)).toBe(reason);
      expect(skipReasonLabel(translator('de').t, reason)).toBe(labels.de);
      expect(skipReasonLabel(translator('ja').t, reason)).toBe(labels.ja);
    });
  }

  it('every language translates every reason; an unknown reason is shown as it is', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const { t } = translator(language);
      for (const reason of Object.keys(REASONS)) expect(skipReasonLabel(t, reason), language).not.toBe(reason);
      expect(skipReasonLabel(t, 'a reason from a newer build')).toBe('a reason from a newer build');
    }
  });
});
