/**
 * The PDF's Author, which neither Chromium's printToPDF nor Playwright's page.pdf can set: added
 * by an incremental update (PDF 1.7, 7.5.6), the way a PDF editor saves: the bytes printed stay
 * as they are, and appended to them are the document information dictionary again with /Author,
 * a cross-reference section for that one object and a trailer pointing back to the previous one.
 * Only for a classic cross-reference table with an /Info object (what Skia writes); any other
 * PDF is returned unchanged.
 */

/** A PDF text string: UTF-16BE with its byte-order mark, in hex (any character, nothing to escape). */
function pdfText(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export function withAuthor(pdf: Uint8Array, author: string): Uint8Array {
  if (!author) return pdf;
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const tail = text.slice(-2048);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(tail);
  if (!startxref || !trailer) return pdf;
  const fields = trailer[1]!;
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(fields);
  const size = /\/Size\s+(\d+)/.exec(fields);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(fields);
  if (!info || !size || !root) return pdf;
  const [, number, generation] = info;
  const object = new RegExp(`(?:^|[\\r\\n])${number} ${generation} obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text);
  if (!object) return pdf;
  const entries = object[1]!.replace(/\/Author\s*(\([^)]*\)|<[^>]*>)/, '').trim();
  const body = `${number} ${generation} obj\n<<${entries}\n/Author ${pdfText(author)}>>\nendobj\n`;
  const start = pdf.byteLength + 1;
  const xref = start + body.length;
  const update =
    `\n${body}xref\n${number} 1\n${String(start).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n` +
    `trailer\n<</Size ${size[1]}\n/Root ${root[1]}\n/Info ${number} ${generation} R\n/Prev ${startxref[1]}>>\n` +
    `startxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]);
}
