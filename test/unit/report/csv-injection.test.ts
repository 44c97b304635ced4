/**
 * CSV formula injection (OWASP): every CSV the product writes goes through csvField. One case per
 * vector, then the command line's `report --format csv` and `attempts --format csv` end to end.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../../src-main/report/format-csv';
import { writeEventLog, type TestEvent } from '../../helpers/event-log';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

describe('csvField guards every OWASP vector', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-cmd', "'-cmd"],
    ['-2+3+cmd', "'-2+3+cmd"],
    ['@SUM(1+9)*cmd|A0', "'@SUM(1+9)*cmd|A0"],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('a cell starting a formula gets an apostrophe: %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('quotes a cell holding a semicolon, so a semicolon-locale reader keeps `;=cmd` in the cell', () => {
    expect(csvField('Setup;=HYPERLINK("x")')).toBe('"Setup;=HYPERLINK(""x"")"');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps numbers readable: number values and pure-number texts as they are', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(12)).toBe('12');
    expect(csvField('-5')).toBe('-5');
    expect(csvField('+3')).toBe('+3');
    expect(csvField('-1.5e3')).toBe('-1.5e3');
    expect(csvField('-5 ok')).toBe("'-5 ok");
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('plain text')).toBe('plain text');
  });
});

const VECTORS = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", '@SUM(1+9)*cmd|A0', '-cmd', 'a;=cmd()'];

/** Every field of a CSV text: none may start a formula (the apostrophe guard or a pure number). */
function formulaCells(csv: string): string[] {
  const cells: string[] = [];
  const re = /("([^"]|"")*"|[^,\r\n]*)(,|\r?\n|$)/g;
  for (const m of csv.matchAll(re)) {
    if (m[0] === '') break;
    let cell = m[1]!;
    if (cell.startsWith('"')) cell = cell.slice(1, -1).replace(/""/g, '"');
    // A semicolon-locale reader splits an unquoted cell at ';' too.
    const pieces = m[1]!.startsWith('"') ? [cell] : cell.split(';');
    for (const piece of pieces) if (/^[=+\-@\t\r]/.test(piece) && !/^[+-]?\d+(\.\d+)?$/.test(piece)) cells.push(piece);
  }
  return cells;
}

describe('the command line writes guarded CSV', () => {
  const temp = useTempDir();
  const events: TestEvent[] = VECTORS.flatMap((screen, i) => {
    const user = i === 0 ? '=cmd|x@contoso.example' : `u${i}@contoso.example`;
    const t = (m: number): string => new Date(Date.UTC(2025, 5, 2, 9, i * 5 + m)).toISOString();
    return [
      { time: t(0), user, platform: 'iOS', event: 'start', device: '+dev' },
      { time: t(1), user, platform: 'iOS', event: 'step', action: 'TermsofUse', screen, device: '+dev' },
      // Cancel on the terms of use has no catalog row: each screen is an observed row of its own.
      { time: t(2), user, platform: 'iOS', event: 'cancel', action: 'TermsofUse', screen, device: '+dev' },
    ];
  });

  it('report --format csv and attempts --format csv', () => {
    const file = writeEventLog(join(temp(), 'log.csv'), events);
    const report = runCli(['report', file, '--format', 'csv', '--from', '2025-06-01', '--to', '2025-06-03']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    // The screens reach the report's observed rows: the vectors are there, guarded.
    expect(report.stdout).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(report.stdout).toContain("'@SUM(1+9)*cmd|A0");
    expect(formulaCells(report.stdout)).toEqual([]);

    const attempts = runCli(['attempts', file, '--format', 'csv', '--from', '2025-06-01', '--to', '2025-06-03']);
    expect(attempts.stderr).toBe('');
    expect(attempts.code).toBe(0);
    expect(attempts.stdout).toContain("'=cmd|x@contoso.example");
    expect(attempts.stdout).toContain("'+dev");
    expect(formulaCells(attempts.stdout)).toEqual([]);
  });
});
