/** withAuthor: the consultant as the PDF's Author by an incremental update, read back by pdfinfo. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withAuthor } from '../../../src-main/pdf/pdf-author';

/** A one-page PDF with a classic cross-reference table and an /Info object, offsets computed. */
function minimalPdf(): Buffer {
  const objects = [
    '<</Title (Report) /Producer (test)>>',
    '<</Type /Catalog /Pages 3 0 R>>',
    '<</Type /Pages /Kids [4 0 R] /Count 1>>',
    '<</Type /Page /Parent 3 0 R /MediaBox [0 0 200 200]>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const dir = mkdtempSync(join(tmpdir(), 'enrollscope-author-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const info = (bytes: Uint8Array): string => {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
};

describe('withAuthor', () => {
  it('adds the Author (any characters) and keeps the title; the printed bytes stay as they were', () => {
    const pdf = minimalPdf();
    expect(info(pdf)).not.toMatch(/^Author:/m);
    const signed = withAuthor(pdf, "Zoë (O'Neil) – Ø");
    expect(Buffer.from(signed).subarray(0, pdf.length).equals(pdf)).toBe(true);
    const text = info(signed);
    expect(text).toMatch(/^Author:\s+Zoë \(O'Neil\) – Ø$/m);
    expect(text).toMatch(/^Title:\s+Report$/m);
    expect(text).toMatch(/^Pages:\s+1$/m);
    // Again (a second print of the same bytes): one Author, the new one.
    expect(info(withAuthor(signed, 'Jane Doe'))).toMatch(/^Author:\s+Jane Doe$/m);
  });

  it('leaves the PDF unchanged without an author, or when it has no classic trailer with /Info', () => {
    const pdf = minimalPdf();
    expect(withAuthor(pdf, '')).toBe(pdf);
    const odd = new TextEncoder().encode('%PDF-1.4 fake');
    expect(withAuthor(odd, 'Jane Doe')).toBe(odd);
  });
});
