/**
 * One input's head decides what it is (spec 3): empty, binary, which encoding, which container;
 * then the container's reader takes over. The head is read by its own short pass so that nothing
 * stays open between readInput handing out the input and the caller reading its batches.
 */
import { openCsv } from './csv-input';
import type { InputSpec } from './input-spec';
import { openJson } from './json-input';
import { openNdjson } from './ndjson-input';
import type { ParsedInput } from './parsed-input';
import type { ReadBatch } from './records';
import { NotEnrollmentFile } from './refusal';
import { binaryReason, binaryTextReason, detectEncoding, isZip } from './sniff';
import { decodeWhole, StreamDecoder } from './text-decoder';
import { detectTextContainer } from './text-container';
import { readHead } from './text-pieces';

/** Enough text to see the header, the delimiter on the next lines, and NDJSON's first objects. */
export const HEAD_BYTES = 1024 * 1024;

export async function openInput(spec: InputSpec): Promise<ParsedInput<ReadBatch>> {
  const { name } = spec;
  // Bytes in memory already are their own head (a small file is at most HEAD_BYTES: all of it).
  const { head, complete } =
    spec.whole && spec.whole.length <= HEAD_BYTES ? { head: spec.whole, complete: true } : await headOf(spec);
  if (head.length === 0) throw new NotEnrollmentFile(name, 'empty file');
  if (isZip(head)) throw new NotEnrollmentFile(name, 'nested ZIP not supported');
  const binary = binaryReason(head);
  if (binary) throw new NotEnrollmentFile(name, binary);

  const encoding = detectEncoding(head);
  const text = complete ? decodeWhole(head, encoding) : new StreamDecoder(encoding).decode(head);
  if (encoding !== 'utf-8' && encoding !== 'windows-1252') {
    const reason = binaryTextReason(text);
    if (reason) throw new NotEnrollmentFile(name, reason);
  }
  if (complete && text.trim() === '') throw new NotEnrollmentFile(name, 'empty file');

  switch (detectTextContainer(text, complete)) {
    case 'json':
      return openJson(spec, encoding);
    case 'ndjson':
      return openNdjson(spec, encoding, text, complete);
    case 'csv':
      return openCsv(spec, encoding, text, complete);
  }
}

/** The head of an input, read by a short pass of its own. */
async function headOf(spec: InputSpec): Promise<{ head: Uint8Array; complete: boolean }> {
  const source = await spec.open(false);
  try {
    return await readHead(source, HEAD_BYTES);
  } finally {
    await source.close();
  }
}
