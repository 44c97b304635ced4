import { describe, expect, it } from 'vitest';
import { BATCH_ROWS, FIRST_ROWS, NumberColumnsBuilder } from '../../../src-main/import/batch-builders';

/** Pushes rows `from` to `to` (exclusive): each row's values are its number (times: a thousand more). */
function pushRows(builder: NumberColumnsBuilder, from: number, to: number): void {
  for (let row = from; row < to; row++) builder.push(row, 1000 + row, row % 3, row % 7, row % 5);
}

const valuesOf = (columns: ReturnType<NumberColumnsBuilder['take']>) => ({
  line: [...columns.line],
  time: [...columns.time],
  platform: [...columns.platform],
  codeA: [...columns.codeA],
  codeB: [...columns.codeB],
});

const expectedRows = (from: number, to: number) => {
  const rows = Array.from({ length: to - from }, (_, i) => from + i);
  return {
    line: rows,
    time: rows.map((row) => 1000 + row),
    platform: rows.map((row) => row % 3),
    codeA: rows.map((row) => row % 7),
    codeB: rows.map((row) => row % 5),
  };
};

describe('columnar batch builders', () => {
  it("hands a small file's only batch over in its first columns, and gives the rows after it new ones", () => {
    const builder = new NumberColumnsBuilder();
    pushRows(builder, 0, 10);
    const first = builder.take();
    // Seen to its rows, not copied: the columns made for the first FIRST_ROWS rows.
    expect(first.count).toBe(10);
    expect(first.time.length).toBe(10);
    expect(first.time.buffer.byteLength).toBe(FIRST_ROWS * 8);
    pushRows(builder, 10, 13);
    const second = builder.take();
    // The first batch keeps its values: the rows after it went to columns of their own.
    expect(valuesOf(first)).toEqual(expectedRows(0, 10));
    expect(valuesOf(second)).toEqual(expectedRows(10, 13));
    expect(second.time.buffer).not.toBe(first.time.buffer);
  });

  it('copies a partial batch of grown columns down to its rows, and hands full ones over whole', () => {
    const builder = new NumberColumnsBuilder();
    pushRows(builder, 0, BATCH_ROWS);
    const full = builder.take();
    expect(full.time.byteLength).toBe(full.time.buffer.byteLength);
    expect(full.count).toBe(BATCH_ROWS);
    pushRows(builder, BATCH_ROWS, BATCH_ROWS + FIRST_ROWS + 1); // past the first columns: grown
    const partial = builder.take();
    expect(partial.count).toBe(FIRST_ROWS + 1);
    for (const column of [partial.line, partial.time, partial.platform, partial.codeA, partial.codeB])
      expect(column.byteOffset === 0 && column.byteLength === column.buffer.byteLength).toBe(true);
    expect(valuesOf(partial)).toEqual(expectedRows(BATCH_ROWS, BATCH_ROWS + FIRST_ROWS + 1));
    expect(valuesOf(full)).toEqual(expectedRows(0, BATCH_ROWS));
  });
});
