import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeJson, terminalSafeLines } from '../../../src-main/cli/terminal-text';

describe('terminal-safe text', () => {
  it('escapes C0 and C1 controls, DEL, bidi overrides and line separators; leaves other text alone', () => {
    expect(terminalSafe('evil\u001b[31m\nname\u202e.csv')).toBe('evil\\x1b[31m\\nname\\u202e.csv');
    expect(terminalSafe('a\tb\rc\u0000d\u007fe\u009bf\u2028g\u2066h\u200fi')).toBe(
      'a\\tb\\rc\\x00d\\x7fe\\x9bf\\u2028g\\u2066h\\u200fi',
    );
    expect(terminalSafe('Zoë Müller – 東京 ☺ export.csv')).toBe('Zoë Müller – 東京 ☺ export.csv');
  });

  it('keeps line breaks and tabs of multi-line output', () => {
    expect(terminalSafeLines('a\tb\n\u001b[2Jc\r\n')).toBe('a\tb\n\\x1b[2Jc\\r\n');
  });

  it('JSON: the same value, with no raw C1 or bidi character left', () => {
    const value = { file: 'x\u009b31m\u202e\u2028y\u007f', n: 1 };
    const safe = terminalSafeJson(JSON.stringify(value));
    expect(safe).not.toMatch(/[\u007f-\u009f\u202e\u2028]/);
    expect(JSON.parse(safe)).toEqual(value);
  });
});
