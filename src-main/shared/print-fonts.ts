/**
 * The printed report's fonts, one stack per language, for the document (the print route sets it
 * as `--font` on its root) and the page header and footer (main's PDF options). A Japanese
 * document is set in the first Japanese font the system has: Windows' Yu Gothic and Meiryo,
 * macOS's Hiragino Sans, then Noto Sans CJK JP (Linux, Debian's fonts-noto-cjk), so that Chromium
 * embeds a font with the glyphs instead of drawing boxes; the other languages in the Latin stack.
 * Node-free.
 */
import type { Language } from './i18n/languages';

const LATIN = ["'Segoe UI'", "'Helvetica Neue'", 'Helvetica', 'Arial', "'Liberation Sans'", "'Noto Sans'"];
const JAPANESE = [
  "'Yu Gothic UI'",
  "'Yu Gothic'",
  'Meiryo',
  "'Hiragino Sans'",
  "'Hiragino Kaku Gothic ProN'",
  "'Noto Sans CJK JP'",
  "'Noto Sans JP'",
];

/** The CSS font-family list for a document in `language`. */
export function printFontStack(language: Language): string {
  // A Japanese document takes every glyph from a Japanese font, its Latin letters and digits too:
  // one font a line, one baseline, and text that extracts in order.
  return [...(language === 'ja' ? JAPANESE : []), ...LATIN, 'sans-serif'].join(', ');
}
