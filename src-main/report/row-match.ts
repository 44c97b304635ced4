/**
 * Which section-table row an incomplete attempt counts on (spec 5, revision 2). Exports word
 * screens their own way (other quotes, other case, translations), so screen texts are compared on
 * their letters and digits alone.
 *
 * - Letters and digits are Unicode's (\p{L}, \p{N}), so a Japanese or German screen text keeps
 *   its characters; the text is first NFKC-normalised (full-width Ａ and １ are A and 1, a
 *   decomposed é is é) and lower-cased.
 * - An attempt counts on the catalog row with its action name and user action whose screen equals
 *   its own so compared; else on the one catalog row with its action name and user action when
 *   there is exactly one; else (rows 7 and 8 share iOSProfileLaunch and Cancel) it is an observed
 *   row with its own screen text.
 */
import { CATALOG, type CatalogRow } from '../shared/taxonomy';

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** Printable ASCII and the usual white space: text whose NFKC form is itself. */
const ASCII = /^[\t\n\r\x20-\x7e]*$/;
const NOT_ASCII_LETTER_OR_DIGIT = /[^a-z0-9]+/g;

/** A screen text reduced to what the comparison looks at: lower-case letters and digits. */
export function screenLetters(screen: string): string {
  // The same result for ASCII text (NFKC leaves it as it is), without the Unicode work: a case
  // may hold 100,000+ distinct screen texts.
  if (ASCII.test(screen)) return screen.toLowerCase().replace(NOT_ASCII_LETTER_OR_DIGIT, '');
  return screen.normalize('NFKC').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

const pairKey = (actionName: string, userAction: string): string => `${actionName}\u0000${userAction}`;

/** Catalog rows by (action name, user action), in catalog order. */
const CATALOG_BY_PAIR = new Map<string, { row: CatalogRow; letters: string }[]>();
for (const row of CATALOG) {
  const key = pairKey(row.actionName, row.userAction);
  const list = CATALOG_BY_PAIR.get(key) ?? [];
  list.push({ row, letters: screenLetters(row.screen) });
  CATALOG_BY_PAIR.set(key, list);
}

/** The catalog row an attempt with these texts counts on, or undefined: an observed row. */
export function catalogRowOf(actionName: string, screen: string, userAction: string): CatalogRow | undefined {
  const candidates = CATALOG_BY_PAIR.get(pairKey(actionName, userAction));
  if (candidates === undefined) return undefined;
  // One candidate takes any wording: no comparison needed.
  if (candidates.length === 1) return candidates[0]!.row;
  const exact = candidates.find((c) => c.row.screen === screen);
  if (exact !== undefined) return exact.row;
  const letters = screenLetters(screen);
  const same = candidates.find((c) => c.letters === letters);
  if (same !== undefined) return same.row;
  return candidates.length === 1 ? candidates[0]!.row : undefined;
}
