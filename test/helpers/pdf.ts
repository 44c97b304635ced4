/**
 * Reading PDFs back as a reader would, with poppler-utils: text per page (pdftotext -layout),
 * page count and size (pdfinfo), the outline (pdftohtml -xml), word boxes (pdftotext -bbox) and
 * pixels (pdftoppm to a grey PGM, trivial to decode). CI installs poppler-utils (.ci/run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const run = (command: string, args: readonly string[]): string =>
  execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Fails with the way out when poppler-utils is missing. */
export function requirePoppler(): void {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
  }
}

export interface PdfInfo {
  readonly pages: number;
  /** Points. */
  readonly width: number;
  readonly height: number;
  /** pdfinfo's name of the size ('A4', 'letter'), '' when none. */
  readonly sizeName: string;
  readonly tagged: boolean;
  readonly title: string;
}

export function pdfInfo(file: string): PdfInfo {
  const text = run('pdfinfo', [file]);
  const field = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const size = /^([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/.exec(field('Page size'));
  return {
    pages: Number(field('Pages')),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    sizeName: size?.[3] ?? '',
    tagged: field('Tagged') === 'yes',
    title: field('Title'),
  };
}

/** The text of one page (1-based), or of all pages, laid out as printed. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-']);
}

/**
 * The text in reading order (pdftotext without -layout): for Japanese, where -layout may set a
 * run of digits (drawn with another font) on a line of its own.
 */
export function pdfReadingText(file: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', file, '-']);
}

/** Each page's text. */
export function pdfPages(file: string): string[] {
  // pdftotext ends every page with a form feed.
  return pdfText(file).split('\f').slice(0, pdfInfo(file).pages);
}

export interface OutlineItem {
  readonly title: string;
  readonly page: number;
  readonly level: number;
}

/** The document outline (bookmarks), depth-first. */
export function pdfOutline(file: string): OutlineItem[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-stdout', '-q', file]);
  const items: OutlineItem[] = [];
  let level = 0;
  for (const match of xml.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (match[0] === '<outline>') level++;
    else if (match[0] === '</outline>') level--;
    else items.push({ title: decodeXml(match[2] ?? ''), page: Number(match[1]), level });
  }
  return items;
}

const decodeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (entity, name: string) =>
    name === 'amp'
      ? '&'
      : name === 'lt'
        ? '<'
        : name === 'gt'
          ? '>'
          : name === 'quot'
            ? '"'
            : name === 'apos'
              ? "'"
              : String.fromCharCode(Number(name.slice(1))),
  );

export interface Word {
  readonly text: string;
  /** Points from the page's top-left corner. */
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** The words of one page with their boxes. */
export function pdfWords(file: string, page: number): Word[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']);
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    text: decodeXml(m[5] ?? ''),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** A page as grey pixels (0 black .. 255 white) at `dpi`, decoded from pdftoppm's binary PGM. */
export function pageGrey(
  file: string,
  page: number,
  dpi: number,
  outBase: string,
): { width: number; height: number; pixels: Uint8Array } {
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    outBase,
  ]);
  const path = `${outBase}.pgm`;
  const data = readFileSync(path);
  rmSync(path, { force: true });
  // P5 <width> <height> <max> then one byte per pixel (comments are not written by pdftoppm).
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = new Uint8Array(data.buffer, data.byteOffset + header[0].length, width * height);
  return { width, height, pixels };
}

/** The share of pixels in a box (points) that are not white. */
export function inkShare(
  image: { width: number; height: number; pixels: Uint8Array },
  dpi: number,
  box: { x0: number; y0: number; x1: number; y1: number },
): number {
  const scale = dpi / 72;
  const x0 = Math.max(0, Math.floor(box.x0 * scale));
  const x1 = Math.min(image.width, Math.ceil(box.x1 * scale));
  const y0 = Math.max(0, Math.floor(box.y0 * scale));
  const y1 = Math.min(image.height, Math.ceil(box.y1 * scale));
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) if (image.pixels[y * image.width + x]! < 235) ink++;
  }
  const area = Math.max(1, (x1 - x0) * (y1 - y0));
  return ink / area;
}

/**
 * Where the chart is drawn: between the legend (the last line of text under the heading "Daily
 * incomplete enrollments") and the next text below it. The canvas itself has no text in the PDF.
 */
export function chartBox(file: string, page: number): { x0: number; y0: number; x1: number; y1: number } | null {
  const words = pdfWords(file, page);
  const heading = words.findIndex(
    (w, i) => w.text === 'Daily' && words[i + 1]?.text === 'incomplete' && words[i + 2]?.text === 'enrollments',
  );
  if (heading < 0) return null;
  const headingBottom = words[heading + 2]!.yMax;
  // The legend: the words on the first line below the heading.
  const legendTop = words.filter((w) => w.yMin > headingBottom).reduce((min, w) => Math.min(min, w.yMin), Infinity);
  const legend = words.filter((w) => Math.abs(w.yMin - legendTop) < 4);
  const legendBottom = Math.max(...legend.map((w) => w.yMax));
  const below = words.filter((w) => w.yMin > legendBottom + 2);
  const nextTop = below.reduce((min, w) => Math.min(min, w.yMin), Infinity);
  const left = Math.min(...words.map((w) => w.xMin));
  const right = Math.max(...words.map((w) => w.xMax));
  return { x0: left, y0: legendBottom + 2, x1: right, y1: nextTop - 2 };
}

/** The lines `pdfinfo -struct` writes on stderr (its errors and warnings about the structure tree). */
export function pdfStructProblems(file: string): string[] {
  const result = spawnSync('pdfinfo', ['-struct', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdfinfo -struct ${file}: ${result.stderr}`);
  return result.stderr.split('\n').filter((line) => line.trim() !== '');
}

/** Page margins of the printed report (print-types MARGINS_MM), in points. */
const BODY_MARGIN_PT = { top: (17 * 72) / 25.4, bottom: (16 * 72) / 25.4 };

/**
 * How far down a page's body (between the header and footer margins) its content reaches, 0..1:
 * the lowest row with ink, read from the page's pixels (the chart is a picture, not text).
 */
export function pageFill(file: string, page: number, outBase: string): number {
  const dpi = 36;
  const image = pageGrey(file, page, dpi, outBase);
  const scale = dpi / 72;
  const top = Math.ceil(BODY_MARGIN_PT.top * scale);
  const bottom = Math.floor(image.height - BODY_MARGIN_PT.bottom * scale);
  let last = top;
  for (let y = top; y < bottom; y++) {
    const row = image.pixels.subarray(y * image.width, (y + 1) * image.width);
    if (row.some((grey) => grey < 235)) last = y;
  }
  return (last - top) / (bottom - top);
}

/** The fonts `pdffonts` lists: name, type, embedded, with a ToUnicode map. */
export function pdfFonts(file: string): { name: string; type: string; embedded: boolean; unicode: boolean }[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!cells) throw new Error(`pdffonts: cannot read "${line}"`);
      return { name: cells[1]!, type: cells[2]!, embedded: cells[4] === 'yes', unicode: cells[6] === 'yes' };
    });
}
