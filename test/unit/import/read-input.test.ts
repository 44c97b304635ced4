import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BATCH_ROWS } from '../../../src-main/import/batch-builders';
import { DEFAULT_LIMITS, hashFile, readInput } from '../../../src-main/import/read-input';
import { consume, EVENT_HEADER, readOne, useTempDir } from './helpers';

const dir = useTempDir();
const rows = (n: number, start = 0): string =>
  Array.from(
    { length: n },
    (_, i) => `2025-06-01T10:00:00.${String((start + i) % 1000).padStart(3, '0')}Z,user${start + i},d,iOS,start,,`,
  ).join('\n');

describe('the readInput contract', () => {
  it('a plain file: name, size, format, rowsRead, sha256 (= hashFile)', async () => {
    const text = `${EVENT_HEADER}\n${rows(3)}\n`;
    const path = await dir.write('plain.csv', text);
    const result = await readOne(path);
    expect(result).toMatchObject({
      name: 'plain.csv',
      size: text.length,
      format: 'event-log/csv',
      kind: 'event-log',
      container: 'csv',
      rowsRead: 3,
    });
    const expected = createHash('sha256').update(text).digest('hex');
    expect(result.sha256).toBe(expected);
    expect(await hashFile(path)).toBe(expected);
  });

  it('batches hold at most BATCH_ROWS (2,500) rows, in whole (transferable) buffers', async () => {
    const path = await dir.write('batches.csv', `${EVENT_HEADER}\n${rows(25_001)}\n`);
    for await (const input of readInput(path)) {
      const sizes: number[] = [];
      for await (const batch of input.batches) {
        if (batch.kind !== 'event-log') throw new Error('kind');
        sizes.push(batch.count);
        for (const array of [batch.line, batch.time, batch.platform, batch.event, batch.action]) {
          expect(array.length).toBe(batch.count);
          expect(array.byteOffset === 0 && array.byteLength === array.buffer.byteLength).toBe(true);
        }
        expect(batch.user).toHaveLength(batch.count);
      }
      expect(sizes).toEqual([...Array.from({ length: 10 }, () => BATCH_ROWS), 1]);
      expect(input.rowsRead()).toBe(25_001);
    }
  });

  it('rowsRead and sha256 wait for the batches; batches are read once', async () => {
    const path = await dir.write('once.csv', `${EVENT_HEADER}\n${rows(2)}\n`);
    for await (const input of readInput(path)) {
      expect(() => input.rowsRead()).toThrow(/once all batches were read/);
      expect(() => input.sha256()).toThrow(/once all batches were read/);
      await consume(input);
      await expect(async () => {
        for await (const _ of input.batches) void _;
      }).rejects.toThrow(/read only once/);
    }
  });

  it('reports progress in bytes of the file', async () => {
    const text = `${EVENT_HEADER}\n${rows(60_000)}\n`; // > 2 MiB: several reads
    const path = await dir.write('progress.csv', text);
    const seen: [number, number][] = [];
    await readOne(path, { onBytes: (read, total) => seen.push([read, total]) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toEqual([text.length, text.length]);
    expect(seen.every(([read, total], i) => total === text.length && (i === 0 || read > seen[i - 1]![0]))).toBe(true);
  });

  it('stops when aborted', async () => {
    const path = await dir.write('abort.csv', `${EVENT_HEADER}\n${rows(60_000)}\n`);
    const controller = new AbortController();
    const read = async (): Promise<void> => {
      for await (const input of readInput(path, { signal: controller.signal })) {
        for await (const _ of input.batches) controller.abort();
      }
    };
    await expect(read()).rejects.toThrow(/abort/i);
  });

  it('an early stop closes the file (no leaked handles): the same file can be read again at once', async () => {
    const path = await dir.write('early.csv', `${EVENT_HEADER}\n${rows(30_000)}\n`);
    for (let i = 0; i < 3; i++) {
      for await (const input of readInput(path)) {
        for await (const _ of input.batches) break;
      }
    }
    expect((await readOne(path)).rowsRead).toBe(30_000);
  });

  it('default limits', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxUncompressedBytes: 4 * 1024 ** 3,
      maxZipRatio: 100,
      maxJsonBytes: 256 * 1024 ** 2,
      maxFieldChars: 1024 ** 2,
      maxColumns: 10_000,
    });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });
});
