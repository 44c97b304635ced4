/**
 * The CSV dialect of a file (spec 3): the delimiter (`,` `;` tab `|`) is sniffed from the header,
 * counting outside quotes, and confirmed on the next lines; the line break is LF (CRLF files are
 * read as LF with the CR trimmed, which also copes with files mixing both) or, for old Mac files, CR.
 */

export type Delimiter = ',' | ';' | '\t' | '|';
export interface CsvDialect {
  readonly delimiter: Delimiter;
  readonly newline: '\n' | '\r';
}

/** In order of preference when the evidence is even. */
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];
/** Lines after the header used to confirm the delimiter. */
const CONFIRM_LINES = 20;
const QUOTE = 34;

/**
 * Counts each candidate outside quotes, line by line (at most `max` non-blank lines).
 * A quote opens a quoted field only at the start of a field, so a bare quote inside an unquoted
 * field (`4,5"6,7`, seen in Intune exports) does not throw the count off.
 */
function countLines(text: string, newline: string, max: number): number[][] {
  // Char codes, not one-character strings: this runs over every file's head (a folder of
  // thousands of small files spent a fifth of its parsing here).
  const nl = newline.charCodeAt(0);
  const lines: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuotes = false;
  let fieldStart = true;
  let blank = true;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === nl) {
      if (!blank) lines.push(counts);
      counts = [0, 0, 0, 0];
      fieldStart = true;
      blank = true;
      continue;
    }
    const k = c === 44 ? 0 : c === 59 ? 1 : c === 9 ? 2 : c === 124 ? 3 : -1; // CANDIDATES' order
    if (k >= 0) {
      counts[k]!++;
      fieldStart = true;
      blank = false;
      continue;
    }
    if (c === QUOTE && fieldStart) inQuotes = true;
    if (c !== 32 && c !== 13) {
      fieldStart = false;
      blank = false;
    }
  }
  if (!blank && lines.length < max) lines.push(counts);
  return lines;
}

/**
 * Whether a header line without quotes decides the delimiter alone (it holds at most one of the
 * candidates): then the lines after it play no part in sniffDialect's answer.
 */
export const headerDecidesDelimiter = (line: string): boolean =>
  CANDIDATES.filter((delimiter) => line.includes(delimiter)).length <= 1;

export function sniffDialect(head: string): CsvDialect {
  const newline = head.includes('\n') || !head.includes('\r') ? '\n' : '\r';
  // A header holding one candidate (or none) decides alone: the next lines only break ties between
  // candidates it holds. Counting them too was most of a small file's sniff (a folder of thousands).
  const [header] = countLines(head, newline, 1);
  if (!header) return { delimiter: ',', newline };
  const held = CANDIDATES.filter((_, k) => header[k]! > 0);
  if (held.length <= 1) return { delimiter: held[0] ?? ',', newline };
  const lines = countLines(head, newline, 1 + CONFIRM_LINES);
  let best: Delimiter = ',';
  let bestScore = -1;
  CANDIDATES.forEach((delimiter, k) => {
    const inHeader = header[k]!;
    if (inHeader === 0) return;
    // Lines that agree with the header's count confirm it; then the header count breaks ties.
    const agreeing = lines.slice(1).filter((counts) => counts[k] === inHeader).length;
    const score = agreeing * 1_000_000 + inHeader;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  });
  return { delimiter: best, newline };
}
