/**
 * `imports --format text --lang`: an event log with rows the import skips, imported into a real
 * case file by the command's own function; the counts, the skip reasons and the examples' lines in
 * German and Japanese; English, the default, as it always was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImports } from '../../../src-main/cli/run';
import type { Language } from '../../../src-main/shared/i18n';
import { writeEventLog } from '../../helpers/event-log';
import { everyDay, plannedEvents } from '../../helpers/findings-case';

const dir = mkdtempSync(join(tmpdir(), 'enrollscope-imports-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 1,200 attempts, then two rows of an unknown platform (lines 1,202 and 1,203 of the file). */
const log = writeEventLog(join(dir, 'events.csv'), [
  ...plannedEvents(everyDay('2025-06-01', 2, () => ({ platform: 'ios', started: 600 }))),
  { time: '2025-06-02T12:00:00.000Z', user: 'w1', platform: 'Windows', event: 'start' },
  { time: '2025-06-02T12:01:00.000Z', user: 'w2', platform: 'Windows', event: 'start' },
]);

let cases = 0;
const importsText = (language: Language): Promise<string> =>
  runImports({
    command: 'imports',
    files: [log],
    db: join(dir, `case-${cases++}.enrollscope`),
    format: 'text',
    maskUsers: false,
    language,
  });

describe('imports --lang', () => {
  it('English: the text as it was, plain digits', async () => {
    const text = await importsText('en');
    expect(text).toMatch(
      /^#1 {2}events\.csv {2}event-log\/csv {2}1202 rows: 1200 imported, 0 duplicates, 2 skipped {2}sha256 /,
    );
    expect(text).toContain('\n      skipped 2 × unknown platform\n');
    expect(text).toContain('\n        line 1202: unknown platform: Windows\n');
  });

  it('German and Japanese: counts, skip reasons and lines in the language', async () => {
    const german = await importsText('de');
    expect(german).toContain('  1.202 Zeilen: 1.200 importiert, 0 doppelt, 2 übersprungen  sha256 ');
    expect(german).toContain('\n      übersprungen: 2 × unbekannte Plattform\n');
    expect(german).toContain('\n        Zeile 1202: unbekannte Plattform: Windows\n');
    const japanese = await importsText('ja');
    expect(japanese).toContain('  1,202 行: インポート 1,200、重複 0、スキップ 2  sha256 ');
    expect(japanese).toContain('\n      スキップ: 2 × 不明なプラットフォーム\n');
  });
});
