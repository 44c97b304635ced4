import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { InputRefused, readInput } from '../../../src-main/import/read-input';
import { EVENT_HEADER, readText, refusalOf, useTempDir } from './helpers';

const dir = useTempDir();

async function refused(name: string, content: string | Uint8Array): Promise<string> {
  const refusal = await refusalOf(await dir.write(name, content));
  expect(refusal).toBeInstanceOf(InputRefused);
  expect(refusal.file).toBe(name);
  expect(refusal.message).toBe(`${name}: ${refusal.reason}`);
  expect(refusal.message).not.toMatch(/[\r\n]/);
  return refusal.reason;
}

const sqliteHeader = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080)]);

describe('files that cannot be read at all are refused with a one-line reason', () => {
  it.each([
    ['empty.csv', '', 'empty file'],
    ['blank.csv', '\n\r\n   \n', 'empty file'],
    ['bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf]), 'empty file'],
    ['case.db', sqliteHeader, 'a SQLite database, not an enrollment file'],
    ['events.csv', sqliteHeader, 'a SQLite database, not an enrollment file'], // content decides, not the name
    [
      'photo.jpg',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]),
      'an image (JPEG), not an enrollment file',
    ],
    ['report.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'a PDF document, not an enrollment file'],
    ['export.csv.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), 'a gzip archive: only ZIP archives are supported'],
    [
      'old.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'a legacy Office document (.xls): save the sheet as CSV',
    ],
    [
      'random.bin',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 7 === 0 ? 0 : (i * 37) % 256))),
      'binary content (NUL bytes), not a text file',
    ],
    ['zeros.csv', Buffer.alloc(1000), 'binary content (NUL bytes), not a text file'],
    [
      'utf16-nobom.csv',
      Buffer.from(`${EVENT_HEADER}\n`, 'utf16le'),
      'UTF-16 text without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM)',
    ],
    [
      'utf16-binary.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(2000)]),
      'binary content (NUL characters), not a text file',
    ],
    [
      'notes.txt',
      'Meeting notes\nnothing to see here\n',
      'not an enrollment file (no event, initiated or userAction column)',
    ],
    [
      'devices.csv',
      'deviceName,serialNumber,os\nPC-1,123,Windows\n',
      'not an enrollment file (no event, initiated or userAction column)',
    ],
    ['string.json', '"just a string"', 'not an enrollment file (no event, initiated or userAction column)'],
  ])('%s', async (name, content, reason) => {
    expect(await refused(name, content)).toBe(reason);
  });

  it('a missing file and a folder', async () => {
    expect((await refusalOf(dir.path('missing.csv'))).message).toBe('missing.csv: file not found');
    await mkdir(dir.path('folder.csv'));
    expect((await refusalOf(dir.path('folder.csv'))).message).toBe('folder.csv: a folder, not a file');
  });

  it.skipIf(process.platform === 'win32')('a named pipe nobody writes to and a socket: not regular files', async () => {
    // Each file is opened once, without blocking (byte-source.ts statAndReadSmall): a pipe opens at
    // once and is told by its fstat; a socket cannot be opened at all (ENXIO).
    execFileSync('mkfifo', [dir.path('pipe.csv')]);
    expect((await refusalOf(dir.path('pipe.csv'))).message).toBe('pipe.csv: not a regular file (a pipe or a device)');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(dir.path('socket.csv'), resolve));
    try {
      expect((await refusalOf(dir.path('socket.csv'))).message).toBe(
        'socket.csv: not a regular file (a pipe or a device)',
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a header-only file of a known kind is not refused: 0 rows', async () => {
    const result = await readText(dir, 'summary-header.csv', 'Date,Platform,Initiated,Incomplete\n');
    expect(result).toMatchObject({ kind: 'summary', rowsRead: 0, rows: [] });
  });

  it('readInput is lazy: nothing is read until iterated, and a refusal comes from the iteration', async () => {
    const inputs = readInput(await dir.write('later.csv', ''));
    await expect(inputs.next()).rejects.toThrow('later.csv: empty file');
  });
});
