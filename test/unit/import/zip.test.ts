import { createHash } from 'node:crypto';
import { deflateRawSync, crc32 } from 'node:zlib';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hashFile } from '../../../src-main/import/read-input';
import { EVENT_HEADER, readAll, refusalOf, useTempDir } from './helpers';

const dir = useTempDir();
const CSV = `${EVENT_HEADER}\n2025-06-01T10:00:00Z,alice,d1,iOS,start,,\n2025-06-01T10:05:00Z,alice,d1,iOS,step,TermsofUse,\n`;
const DETAILS = `${JSON.stringify({ time: '2025-06-01T11:00:00Z', user: 'bob', platform: 'Android', actionName: 'KnoxActivation', userAction: 'Cancel' })}\n`;
const sha = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/** A ZIP written by fflate's streaming Zip: entries carry data descriptors (sizes after the data). */
function streamingZip(files: Record<string, string>, stored = false): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, text] of Object.entries(files)) {
    const entry = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  zip.end();
  return Buffer.concat(parts);
}

/** Minimal single-entry ZIP around a raw deflate stream, with whatever sizes it is told. */
function rawZip(name: string, deflated: Uint8Array, size: number, crc: number): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const directoryOffset = 30 + nameBytes.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, deflated, central, nameBytes, end]);
}

/**
 * A one-entry ZIP64 archive (sizes and offsets in ZIP64 extra fields, ZIP64 end records), as large
 * archives from Windows and .NET are written, built by hand: fflate never writes ZIP64.
 */
function zip64(name: string, data: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const deflated = deflateRawSync(data);
  const crc = crc32(data);
  const extra = (fields: number[]): Buffer => {
    const b = Buffer.alloc(4 + 8 * fields.length);
    b.writeUInt16LE(0x0001, 0);
    b.writeUInt16LE(8 * fields.length, 2);
    fields.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
    return b;
  };
  const localExtra = extra([data.length, deflated.length]);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt16LE(0x800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(localExtra.length, 28);
  const centralExtra = extra([data.length, deflated.length, 0]);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt16LE(0x800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(centralExtra.length, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const directoryOffset = 30 + nameBytes.length + localExtra.length + deflated.length;
  const directorySize = 46 + nameBytes.length + centralExtra.length;
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(1n, 24);
  end64.writeBigUInt64LE(1n, 32);
  end64.writeBigUInt64LE(BigInt(directorySize), 40);
  end64.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([local, nameBytes, localExtra, deflated, central, nameBytes, centralExtra, end64, locator, end]);
}

/** Offsets of the central directory headers of a ZIP. */
function centralHeaders(zip: Uint8Array): number[] {
  const b = Buffer.from(zip);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(eocd + 16);
  const offsets: number[] = [];
  for (let n = b.readUInt16LE(eocd + 10); n > 0; n--) {
    offsets.push(at);
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return offsets;
}

describe('ZIP archives', () => {
  it('an Intune export: a ZIP with one CSV', async () => {
    const path = await dir.write('export.zip', zipSync({ 'IncompleteUserEnrollments_2025.csv': strToU8(CSV) }));
    const [result, ...more] = await readAll(path);
    expect(more).toEqual([]);
    expect(result).toMatchObject({
      name: 'export.zip/IncompleteUserEnrollments_2025.csv',
      format: 'event-log/zip+csv',
      container: 'csv',
      size: CSV.length,
      rowsRead: 2,
    });
    expect(result!.rows.map((r) => [r.line, r.event, r.action])).toEqual([
      [2, 'start', ''],
      [3, 'step', 'TermsofUse'],
    ]);
    expect(result!.sha256).toBe(sha(CSV)); // the entry's own bytes, so the same CSV outside a ZIP is a re-import
    expect(await hashFile(path)).not.toBe(result!.sha256);
  });

  it('several entries: enrollment files in directory order; folders, metadata, README and images passed over with notes', async () => {
    const zip = zipSync({
      'reports/': new Uint8Array(0),
      'reports/events.csv': strToU8(CSV),
      'README.txt': strToU8('This archive was exported from Intune.\nSee the CSV.\n'),
      'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      '__MACOSX/reports/._events.csv': new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0]),
      'empty.csv': new Uint8Array(0),
      'reports/details.ndjson': strToU8(DETAILS),
    });
    const results = await readAll(await dir.write('several.zip', zip));
    expect(results.map((r) => [r.name, r.format, r.rows.length])).toEqual([
      ['several.zip/reports/events.csv', 'event-log/zip+csv', 2],
      ['several.zip/reports/details.ndjson', 'details/zip+ndjson', 1],
    ]);
    expect(results[1]!.rows[0]).toMatchObject({
      user: 'bob',
      action: 'KnoxActivation',
      userAction: 'Cancel',
      platform: 'Android',
    });
    expect(results[1]!.notes).toEqual([
      'README.txt: not an enrollment file (no event, initiated or userAction column), passed over',
      'logo.png: an image (PNG), not an enrollment file, passed over',
      'empty.csv: empty file, passed over',
    ]);
  });

  it('a nested ZIP is passed over with a note; alone, the archive is refused', async () => {
    const inner = zipSync({ 'events.csv': strToU8(CSV) });
    const withCsv = await readAll(
      await dir.write('outer.zip', zipSync({ 'inner.zip': inner, 'events.csv': strToU8(CSV) }, { level: 0 })),
    );
    expect(withCsv.map((r) => r.name)).toEqual(['outer.zip/events.csv']);
    expect(withCsv[0]!.notes).toEqual(['inner.zip: nested ZIP not supported, passed over']);
    const alone = await refusalOf(await dir.write('only-nested.zip', zipSync({ 'inner.zip': inner })));
    expect(alone.message).toBe(
      'only-nested.zip: no enrollment file in the ZIP (inner.zip: nested ZIP not supported, passed over)',
    );
  });

  it('entries written with data descriptors (streaming writers), deflated or stored', async () => {
    for (const stored of [false, true]) {
      const results = await readAll(
        await dir.write(`descriptors-${stored}.zip`, streamingZip({ 'a.csv': CSV, 'b.ndjson': DETAILS }, stored)),
      );
      expect(results.map((r) => [r.format, r.rows.length, r.sha256])).toEqual([
        ['event-log/zip+csv', 2, sha(CSV)],
        ['details/zip+ndjson', 1, sha(DETAILS)],
      ]);
    }
  });

  it('a ZIP64 archive', async () => {
    const [result] = await readAll(await dir.write('zip64.zip', zip64('Données/événements.csv', Buffer.from(CSV))));
    expect(result).toMatchObject({
      name: 'zip64.zip/Données/événements.csv',
      format: 'event-log/zip+csv',
      rowsRead: 2,
      sha256: sha(CSV),
    });
  });

  it('a JSON entry is read whole, as a JSON file is', async () => {
    const json = JSON.stringify({
      value: [{ id: 'f1', eventDateTime: '2025-06-01T10:00:00Z', failureCategory: 'userAbandonment' }],
    });
    const [result] = await readAll(await dir.write('graph.zip', zipSync({ 'events.json': strToU8(json) })));
    expect(result).toMatchObject({ format: 'failures/zip+json', rowsRead: 1 });
  });

  it('a large entry streams through the inflater across many blocks', async () => {
    const rows = Array.from(
      { length: 50_000 },
      (_, i) => `2025-06-01T10:00:00Z,user${i % 977},dev${i},${i % 2 ? 'iOS' : 'Android'},start,,screen ${i}`,
    );
    const csv = `${EVENT_HEADER}\n${rows.join('\n')}\n`;
    const [result] = await readAll(await dir.write('large.zip', zipSync({ 'large.csv': strToU8(csv) })));
    expect(result!.rows).toHaveLength(50_000);
    expect(result!.batchSizes).toEqual(Array.from({ length: 20 }, () => 2_500));
    expect(result!.rows[49_999]).toMatchObject({ line: 50_001, device: 'dev49999' });
    expect(result!.sha256).toBe(sha(csv));
  });

  it('names are only displayed, never used as paths', async () => {
    const [result] = await readAll(await dir.write('evil.zip', zipSync({ '../../../etc/events.csv': strToU8(CSV) })));
    expect(result!.name).toBe('evil.zip/../../../etc/events.csv');
  });

  it('an archive with nothing usable, an empty archive, an Excel workbook', async () => {
    expect(
      (await refusalOf(await dir.write('readme-only.zip', zipSync({ 'README.md': strToU8('# hello\n') })))).reason,
    ).toBe(
      'no enrollment file in the ZIP (README.md: not an enrollment file (no event, initiated or userAction column), passed over)',
    );
    expect((await refusalOf(await dir.write('empty.zip', zipSync({})))).reason).toBe('no enrollment file in the ZIP');
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect((await refusalOf(await dir.write('book.xlsx', xlsx))).reason).toBe(
      'an Excel workbook: save the sheet as CSV',
    );
  });

  it('a damaged archive: cut short, corrupted data, wrong checksum', async () => {
    const zip = zipSync({ 'events.csv': strToU8(CSV.repeat(50)) });
    expect((await refusalOf(await dir.write('cut.zip', zip.subarray(0, zip.length - 30)))).reason).toMatch(
      /^a damaged ZIP archive/,
    );
    const corrupt = Buffer.from(zip);
    corrupt.fill(0xff, 60, 80); // inside the deflate stream
    expect((await refusalOf(await dir.write('corrupt.zip', corrupt))).reason).toMatch(/^a damaged ZIP entry/);
    const badCrc = Buffer.from(zipSync({ 'events.csv': strToU8(CSV) }, { level: 0 }));
    const central = centralHeaders(badCrc)[0]!;
    badCrc.writeUInt32LE((badCrc.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
    expect((await refusalOf(await dir.write('bad-crc.zip', badCrc))).reason).toBe(
      'a damaged ZIP entry (checksum mismatch)',
    );
  });

  it('an encrypted entry is passed over with a note', async () => {
    const zip = Buffer.from(zipSync({ 'secret.csv': strToU8(CSV), 'events.csv': strToU8(CSV) }));
    const central = centralHeaders(zip)[0]!;
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    const results = await readAll(await dir.write('encrypted.zip', zip));
    expect(results.map((r) => r.name)).toEqual(['encrypted.zip/events.csv']);
    expect(results[0]!.notes).toEqual(['secret.csv: encrypted, passed over']);
  });
});

describe('ZIP bombs', () => {
  it('1 GiB of zeros (ratio ~230:1) is refused at once, before anything is inflated', async () => {
    const size = 1024 * 1024 * 1024;
    const zeros = Buffer.alloc(size);
    const bomb = rawZip('zeros.csv', deflateRawSync(zeros, { level: 1 }), size, crc32(zeros));
    const path = await dir.write('bomb.zip', bomb);
    const started = performance.now();
    const refusal = await refusalOf(path);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refusal.message).toMatch(/^bomb\.zip\/zeros\.csv: compressed \d+:1, over the 100:1 limit \(a ZIP bomb\?\)$/);
  });

  it('a bomb whose header lies about its size is stopped after the first inflate step', async () => {
    const zeros = Buffer.alloc(256 * 1024 * 1024);
    const bomb = rawZip('liar.csv', deflateRawSync(zeros, { level: 1 }), 200, 0);
    const path = await dir.write('liar.zip', bomb);
    const started = performance.now();
    const refusal = await refusalOf(path);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(refusal.reason).toBe(
      'expands beyond the 200 bytes its ZIP header declares (a damaged archive or a ZIP bomb)',
    );
  });

  it("fflate's zipSync of zeros, refused by the size limit", async () => {
    const bomb = zipSync({ 'zeros.csv': new Uint8Array(8 * 1024 * 1024) });
    const refusal = await refusalOf(await dir.write('fflate-bomb.zip', bomb), {
      limits: { maxUncompressedBytes: 4 * 1024 * 1024 },
    });
    expect(refusal.reason).toBe('declares 8 MiB uncompressed, over the 4 MiB limit (a ZIP bomb?)');
  });

  it('the limit holds for the archive as a whole, across entries, before anything is inflated', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `2025-06-01T10:00:00Z,user${i},d${i},iOS,start,,`).join('\n');
    const csv = strToU8(`${EVENT_HEADER}\n${rows}\n`); // ~1.9 MiB each
    const zip = zipSync({ 'a.csv': csv, 'b.csv': csv, 'c.csv': csv });
    const refusal = await refusalOf(await dir.write('budget.zip', zip), {
      limits: { maxUncompressedBytes: 5 * 1024 * 1024 },
    });
    // The declared sizes add up over the limit: refused from the directory (the inflate budget,
    // zip-entry-source.ts, stays as a second line should the headers lie).
    expect(refusal.message).toBe(
      'budget.zip: declares 5.7 MiB uncompressed in all, over the 5 MiB limit (a ZIP bomb?)',
    );
  });
});
