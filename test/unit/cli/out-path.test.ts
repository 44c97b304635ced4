import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outConflict, refuseUnsafeOut } from '../../../src-main/cli/out-path';
import { useTempDir } from '../../helpers/temp-dir';

describe('--out conflicts', () => {
  const temp = useTempDir();

  it('finds the case and its companions, inputs, symlinks, hard links and .. paths', () => {
    const dir = temp();
    const db = join(dir, 'c.enrollscope');
    const input = join(dir, 'in.csv');
    writeFileSync(db, 'case');
    writeFileSync(input, 'rows');
    mkdirSync(join(dir, 'sub'));
    symlinkSync(db, join(dir, 'link'));
    linkSync(input, join(dir, 'hard.csv'));
    const paths = { db, files: [input] };
    expect(outConflict(db, paths)).toBe(`the case (${db})`);
    expect(outConflict(join(dir, 'sub', '..', 'c.enrollscope'), paths)).toBe(`the case (${db})`);
    expect(outConflict(join(dir, 'link'), paths)).toBe(`the case (${db})`);
    expect(outConflict(`${db}-wal`, paths)).toBe(`the case's -wal file (${db}-wal)`);
    expect(outConflict(`${db}-journal`, paths)).toBe(`the case's -journal file (${db}-journal)`);
    expect(outConflict(join(dir, 'hard.csv'), paths)).toBe(`an input file (${input})`);
    expect(outConflict(join(dir, 'report.json'), paths)).toBeNull();
    expect(() => refuseUnsafeOut(input, paths)).toThrow(
      /^--out .*in\.csv: that is an input file .*; choose another file \(nothing was done\)$/,
    );
    expect(() => refuseUnsafeOut(undefined, paths)).not.toThrow();
  });

  it('compares names case-insensitively on Windows and macOS only', () => {
    const dir = temp();
    const db = join(dir, 'c.enrollscope');
    writeFileSync(db, 'case');
    const upper = join(dir, 'C.ENROLLSCOPE');
    expect(outConflict(upper, { db, files: [] }, 'darwin')).toBe(`the case (${db})`);
    expect(outConflict(upper, { db, files: [] }, 'win32')).toBe(`the case (${db})`);
    expect(outConflict(upper, { db, files: [] }, 'linux')).toBeNull();
  });
});
