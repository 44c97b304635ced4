/**
 * Refused files' reasons in the reader's language: files the real import refuses (a missing file,
 * an image, a PDF, an empty file, a text without an enrollment column, a gzip archive; the missing
 * one is named first, as the paths are checked before any file is read) give the reasons the app
 * shows; those have German and Japanese messages, English stays the import's text, and a reason
 * with the file's own values in it is shown as the import wrote it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../../src-main/import/read-input';
import { LANGUAGES, REFUSAL_MESSAGE, refusalLabel, translator } from '../../../src-main/shared/i18n';
import { openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';

const dir = mkdtempSync(join(tmpdir(), 'enrollscope-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** The reasons the import gives for these files, in order. */
async function refusals(paths: readonly string[]): Promise<string[]> {
  const db = openCase(join(dir, `case-${Math.random().toString(36).slice(2)}.enrollscope`));
  try {
    const outcomes = await importFiles(db, paths, { reader: readInput });
    return outcomes.map((o) => (o.status === 'refused' ? o.reason : `not refused: ${o.status}`));
  } finally {
    db.close();
  }
}

describe('refused files in the reader’s language', () => {
  it('the import’s own reasons: English as written, German and Japanese translated', async () => {
    const reasons = await refusals([
      file('logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])),
      file('report.pdf', '%PDF-1.7\n'),
      file('empty.csv', ''),
      file('README.csv', 'name,notes\nContoso,pilot group\n'),
      file('events.csv.gz', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])),
      join(dir, 'missing.csv'),
    ]);
    expect(reasons).toEqual([
      'no such file',
      'an image (PNG), not an enrollment file',
      'a PDF document, not an enrollment file',
      'empty file',
      'not an enrollment file (no event, initiated or userAction column)',
      'a gzip archive: only ZIP archives are supported',
    ]);
    const en = translator('en');
    const de = translator('de');
    const ja = translator('ja');
    expect(reasons.map((r) => refusalLabel(en, r))).toEqual(reasons);
    expect(reasons.map((r) => refusalLabel(de, r))).toEqual([
      'Datei nicht vorhanden',
      'ein Bild (PNG), keine Registrierungsdatei',
      'ein PDF-Dokument, keine Registrierungsdatei',
      'leere Datei',
      'keine Registrierungsdatei (keine Spalte event, initiated oder userAction)',
      'ein gzip-Archiv: Nur ZIP-Archive werden unterstützt',
    ]);
    expect(reasons.map((r) => refusalLabel(ja, r))).toEqual([
      'ファイルが存在しません',
      '画像 (PNG) です (登録ファイルではありません)',
      'PDF ドキュメントです (登録ファイルではありません)',
      '空のファイル',
      '登録ファイルではありません (event、initiated、userAction のいずれの列もありません)',
      'gzip アーカイブです: ZIP アーカイブのみサポートされています',
    ]);
  });

  it('every fixed reason is translated in every language; English messages are the import’s words', () => {
    const en = translator('en');
    for (const [reason, { id, values }] of Object.entries(REFUSAL_MESSAGE)) {
      expect(en.t(id, values), reason).toBe(reason);
      for (const language of LANGUAGES.filter((l) => l !== 'en')) {
        expect(refusalLabel(translator(language), reason), `${language}: ${reason}`).not.toBe(reason);
      }
    }
  });

  it('a reason with the file’s own values is shown as the import wrote it', () => {
    const reason = 'truncated JSON (ends at line 12)';
    expect(refusalLabel(translator('de'), reason)).toBe(reason);
  });
});
