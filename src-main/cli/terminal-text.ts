/**
 * Text the command line prints that it did not write itself (file names, rows' values, SQLite's
 * messages) may hold escape codes, line breaks or bidirectional overrides: printed raw they could
 * recolour or rewrite the terminal, or disguise a name. They are shown escaped instead.
 */

// Matching control characters is the point of these expressions.
/* eslint-disable no-control-regex */
/** C0 and C1 controls, DEL, and the characters that reorder or hide text (bidi marks and overrides, line separators). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_LINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/* eslint-enable no-control-regex */

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line, every control and reordering character escaped (`\x1b`, `\n`, `\u202e`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Like terminalSafe, but keeps line breaks and tabs: for multi-line output made of lines and columns. */
export function terminalSafeLines(text: string): string {
  return text.replace(UNSAFE_BUT_LINES, escapeChar);
}

/**
 * JSON with the characters JSON.stringify leaves raw (C1 controls, DEL, bidi, line separators)
 * written as `\uXXXX`: the same JSON value, safe to print. They only occur inside strings.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
