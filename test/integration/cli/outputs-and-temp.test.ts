/**
 * The command line's own files and terminal: --out never overwrites the case or an input and is
 * written whole or not at all; a full or read-only temporary folder is named and left clean; names
 * from the user's disk reach the terminal escaped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completedAttempt, writeEventLog } from '../../helpers/event-log';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';
import { canMountTinyFs } from '../../helpers/tiny-fs';
import { useTinyFs } from '../../helpers/use-tiny-fs';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Fills the file system until nothing more fits. */
function fill(dir: string): void {
  const chunk = Buffer.alloc(4096, 1);
  const path = join(dir, 'filler');
  writeFileSync(path, '');
  for (;;) {
    try {
      writeFileSync(path, chunk, { flag: 'a' });
    } catch {
      return;
    }
  }
}

describe('--out', () => {
  const temp = useTempDir();

  function caseWithImport(): { dir: string; db: string; input: string } {
    const dir = temp();
    const db = join(dir, 'c.enrollscope');
    const input = writeEventLog(
      join(dir, 'log.csv'),
      completedAttempt('ann@contoso.example', 'iOS', '2025-06-02T09:00:00Z'),
    );
    expect(runCli(['imports', input, '--db', db]).code).toBe(0);
    return { dir, db, input };
  }

  it('refuses the case, its -wal, -shm and -journal, an input, and another name for any of them', () => {
    const { dir, db, input } = caseWithImport();
    const before = sha(db);
    const inputBefore = sha(input);
    symlinkSync(db, join(dir, 'alias.enrollscope'));
    const attempts: [string[], RegExp][] = [
      [['report', '--db', db, '--format', 'csv', '--out', db], /that is the case \(/],
      [['report', '--db', db, '--out', join(dir, 'sub', '..', 'c.enrollscope')], /that is the case \(/],
      [['report', '--db', db, '--out', join(dir, 'alias.enrollscope')], /that is the case \(/],
      [['report', '--db', db, '--out', `${db}-wal`], /the case's -wal file/],
      [['report', '--db', db, '--out', `${db}-shm`], /the case's -shm file/],
      [['imports', '--db', db, '--format', 'text', '--out', `${db}-journal`], /the case's -journal file/],
      [['report', input, '--format', 'text', '--out', input], /that is an input file/],
      [['attempts', '--db', db, '--out', db], /that is the case \(/],
      [['report', '--db', db, '--format', 'pdf', '--out', db], /that is the case \(/],
    ];
    for (const [args, message] of attempts) {
      const result = runCli(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/^enrollscope: --out .*; choose another file \(nothing was done\)\n$/);
      expect(result.stdout).toBe('');
    }
    expect(sha(db)).toBe(before);
    expect(sha(input)).toBe(inputBefore);
    expect(existsSync(`${db}-journal`)).toBe(false);
    // Any other name is fine.
    expect(runCli(['report', '--db', db, '--out', join(dir, 'report.json')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toHaveProperty('range');
  });

  describe.skipIf(!canMountTinyFs)('on a full disk (a tiny tmpfs)', () => {
    const tinyFs = useTinyFs();

    it('leaves the old file as it was, no partial file, and says so in one line', () => {
      const { db } = caseWithImport();
      const tiny = tinyFs(64);
      const out = join(tiny.dir, 'report.json');
      writeFileSync(out, 'the previous report\n');
      fill(tiny.dir);
      for (const format of ['json', 'csv', 'text']) {
        const result = runCli(['report', '--db', db, '--format', format, '--out', out]);
        expect(result.code).toBe(1);
        expect(result.stderr).toBe(`enrollscope: --out ${out}: the disk is full; nothing was written\n`);
      }
      expect(readFileSync(out, 'utf8')).toBe('the previous report\n');
      expect(readdirSync(tiny.dir).sort()).toEqual(['filler', 'report.json']);
    });
  });
});

describe.skipIf(!canMountTinyFs)('a temporary folder that is full or read-only', () => {
  const temp = useTempDir();
  const tinyFs = useTinyFs();

  it('full: names the temporary folder, never "damaged", and leaves nothing behind', () => {
    const input = writeEventLog(
      join(temp(), 'log.csv'),
      completedAttempt('ann@contoso.example', 'iOS', '2025-06-02T09:00:00Z'),
    );
    const tiny = tinyFs(64);
    fill(tiny.dir);
    const result = runCli(['report', input, '--format', 'text'], { env: { TMPDIR: tiny.dir } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `enrollscope: the temporary folder ${tiny.dir} is full: free some space there, set TMPDIR to another folder, or import into a case with --db CASE\n`,
    );
    expect(readdirSync(tiny.dir)).toEqual(['filler']);
  });

  it('full after the case was made: the import fails for lack of space, the folder is removed', () => {
    // 1 MiB: room for the case (its tables, 16 KiB a page) but not for an import.
    const dir = temp();
    const events = Array.from({ length: 3000 }, (_, i) =>
      completedAttempt(`user-${i}-${'x'.repeat(60)}@contoso.example`, 'iOS', `2025-06-0${1 + (i % 9)}T09:00:00Z`),
    ).flat();
    const input = writeEventLog(join(dir, 'big.csv'), events);
    const small = writeEventLog(
      join(dir, 'small.csv'),
      completedAttempt('ann@contoso.example', 'iOS', '2025-06-02T09:00:00Z'),
    );
    const tiny = tinyFs(1024);
    // The same folder holds a case with a small import: the failure below is the big import's.
    expect(runCli(['report', small, '--format', 'text'], { env: { TMPDIR: tiny.dir } }).code).toBe(0);
    const result = runCli(['report', input, '--format', 'text'], { env: { TMPDIR: tiny.dir } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^enrollscope: the temporary folder ${tiny.dir} is full: `));
    expect(result.stderr).not.toMatch(/damaged/);
    expect(readdirSync(tiny.dir)).toEqual([]);
  });

  it('read-only: names the temporary folder as not writable', () => {
    const input = writeEventLog(
      join(temp(), 'log.csv'),
      completedAttempt('ann@contoso.example', 'iOS', '2025-06-02T09:00:00Z'),
    );
    const tiny = tinyFs(64);
    tiny.remountReadOnly();
    const result = runCli(['report', input], { env: { TMPDIR: tiny.dir } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `enrollscope: the temporary folder ${tiny.dir} is not writable: free some space there, set TMPDIR to another folder, or import into a case with --db CASE\n`,
    );
    expect(readdirSync(tiny.dir)).toEqual([]);
  });
});

/** Whether the text holds a raw escape, C1 control or bidi override (not its escaped spelling). */
const hasRawControls = (text: string): boolean => ['\u001b', '\u009b', '\u202e'].some((char) => text.includes(char));

describe('names from the disk, printed', () => {
  const temp = useTempDir();
  const evil = 'evil\u001b[31m\nname\u202e.csv';
  const shown = 'evil\\x1b[31m\\nname\\u202e.csv';

  it('imports --format text, JSON and error messages escape controls, line breaks and bidi overrides', () => {
    const dir = temp();
    const db = join(dir, 'c.enrollscope');
    const input = writeEventLog(
      join(dir, evil),
      completedAttempt('ann@contoso.example', 'iOS', '2025-06-02T09:00:00Z'),
    );
    expect(runCli(['imports', input, '--db', db]).code).toBe(0);

    const text = runCli(['imports', '--db', db, '--format', 'text']);
    expect(text.code).toBe(0);
    expect(hasRawControls(text.stdout)).toBe(false);
    expect(text.stdout).toContain(`#1  ${shown}  `);
    expect(text.stdout.split('\n')).toHaveLength(2);

    const json = runCli(['imports', '--db', db]);
    expect(hasRawControls(json.stdout)).toBe(false);
    expect((JSON.parse(json.stdout) as { file: string }[])[0]!.file).toBe(evil);

    const refusedName = 'bad\u001b[2J\n\u009b31m.csv';
    writeFileSync(join(dir, refusedName), '');
    const refused = runCli(['report', join(dir, refusedName), '--format', 'text']);
    expect(refused.code).toBe(1);
    expect(hasRawControls(refused.stderr)).toBe(false);
    expect(refused.stderr).toMatch(/^enrollscope: bad\\x1b\[2J\\n\\x9b31m\.csv: [^\n]+\n$/);

    const again = runCli(['imports', input, '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(shown);
    expect(hasRawControls(again.stderr)).toBe(false);
    expect(again.stderr.split('\n')).toHaveLength(2);
  });
});
