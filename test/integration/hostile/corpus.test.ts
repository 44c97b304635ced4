/**
 * Hostile files: every file of the generated corpus (test/fixtures/hostile) read by
 * readInput and imported by importFiles into a case that already holds an import, within time and
 * memory bounds. A refused file leaves the case exactly as it was; an imported one adds what it
 * should. No prototype is polluted, nothing is written outside the case.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputRefused, readInput } from '../../../src-main/import/read-input';
import { runImportInWorker } from '../../../src-main/workers/import-in-worker';
import type { ImportOutcome } from '../../../src-main/shared/import-types';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import {
  EVENT_HEADER,
  goodRow,
  reasonWithoutEntry,
  writeHostileCorpus,
  type HostileCase,
} from '../../fixtures/hostile/corpus';
import { crc32OfZeros, deflatedZeros } from '../../fixtures/hostile/zip-writer';
import { bounded, withTimeout } from '../../helpers/bounds';
import { caseSnapshot } from '../../helpers/case-snapshot';

/** Wall time one file may take (hashing 300 MB included), and how far memory may grow. */
const SECONDS = 10;
const MAX_RSS_GROWTH_MB = 200;

const root = mkdtempSync(join(tmpdir(), 'enrollscope-hostile-'));
// Deep enough that `../../evil.csv` from the corpus folder still lands inside `root`, where it is looked for.
const corpusDir = join(root, 'a', 'b', 'corpus');
const cases = await writeHostileCorpus(corpusDir, { big: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir`, relative to it. */
function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** A case holding one good import, for the corpus to be imported into. */
function baselineCase(name: string): { db: CaseDb; path: string } {
  const dir = join(root, 'cases');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.enrollscope`);
  rmSync(path, { force: true });
  const db = openCase(path);
  return { db, path };
}

const baselineFile = join(root, 'baseline.csv');
writeFileSync(
  baselineFile,
  `${EVENT_HEADER}\n${Array.from({ length: 200 }, (_, i) => goodRow(5000 + i)).join('\n')}\n`,
);

interface ReadSummary {
  readonly file: string;
  readonly rows: number;
  readonly imported: number;
  readonly skipped: Record<string, number>;
}

async function readSummaries(path: string): Promise<ReadSummary[]> {
  const out: ReadSummary[] = [];
  for await (const input of readInput(path)) {
    let imported = 0;
    for await (const batch of input.batches) imported += 'count' in batch ? batch.count : batch.rows.length;
    out.push({ file: input.name, rows: input.rowsRead(), imported, skipped: { ...input.skipped.counts } });
  }
  return out;
}

function expectOutcomes(hostile: HostileCase, outcomes: readonly ImportOutcome[]): void {
  const { outcome } = hostile;
  if ('refused' in outcome) {
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ file: hostile.name, status: 'refused' });
    const reason = outcomes[0]!.status === 'refused' ? outcomes[0]!.reason : '';
    expect(reasonWithoutEntry(hostile, reason)).toMatch(outcome.refused);
    expect(reason).not.toMatch(/[\r\n]/);
  } else {
    expect(outcomes.map((o) => o.status)).toEqual(outcome.imported.map(() => 'imported'));
    outcomes.forEach((o, i) => {
      const want = outcome.imported[i]!;
      expect(o.status === 'imported' && o.record).toMatchObject({
        file: want.file,
        rows: want.rows,
        imported: want.imported,
        duplicates: want.duplicates ?? 0,
        skipped: want.skipped ?? {},
      });
    });
  }
}

describe('the hostile corpus', () => {
  const outside = listTree(root);

  it('holds every kind of file the README lists', () => {
    const names = cases.map((c) => c.name);
    for (const name of [
      'empty.csv',
      'header-only.csv',
      'line-300mb.csv',
      'deep-array.json',
      'bomb-3gib.zip',
      'zip-slip.zip',
      'zip-in-zip.zip',
      'nul-and-bad-utf8.csv',
      'proto.ndjson',
      'columns-20000.csv',
      'database.sqlite',
      'picture.png',
    ])
      expect(names).toContain(name);
  });

  it('its ZIP bombs are valid archives: the zeros inflate as declared, the CRC is zlib’s', () => {
    expect(inflateRawSync(deflatedZeros(3)).equals(Buffer.alloc(3 * 1024 * 1024))).toBe(true);
    for (const n of [0, 1, 7, 1000, 65_536, 3 * 1024 * 1024 + 5]) expect(crc32OfZeros(n)).toBe(crc32(Buffer.alloc(n)));
  });

  describe.each(cases)('$name: $what', (hostile) => {
    it('readInput: the expected refusal or rows, in time and bounded memory', async () => {
      const run = await bounded(() => withTimeout(readSummaries(hostile.path), SECONDS * 1000, hostile.name));
      expect(run.ms).toBeLessThan(SECONDS * 1000);
      expect(run.rssGrowthMb).toBeLessThan(MAX_RSS_GROWTH_MB);
      const { outcome } = hostile;
      if ('refused' in outcome) {
        // Only ever a refusal, never another error.
        expect(run.error).toBeInstanceOf(InputRefused);
        const refusal = run.error as InputRefused;
        expect(refusal.reason).toMatch(outcome.refused);
        expect(refusal.file).toBe(outcome.file ?? hostile.name);
        expect(refusal.message).toBe(`${refusal.file}: ${refusal.reason}`);
        expect(refusal.message).not.toMatch(/[\r\n]/);
      } else {
        expect(run.error).toBeUndefined();
        expect(run.value).toEqual(
          outcome.imported.map((r) => ({ file: r.file, rows: r.rows, imported: r.imported, skipped: r.skipped ?? {} })),
        );
      }
    });

    it('importFiles: refused leaves the case as it was; imported adds exactly its rows', async () => {
      const { db } = baselineCase(hostile.name.replace(/[^\w.-]/g, '_'));
      try {
        await importFiles(db, [baselineFile]);
        const before = caseSnapshot(db);
        const run = await bounded(() => withTimeout(importFiles(db, [hostile.path]), SECONDS * 1000, hostile.name));
        expect(run.error).toBeUndefined();
        expect(run.ms).toBeLessThan(SECONDS * 1000);
        expect(run.rssGrowthMb).toBeLessThan(MAX_RSS_GROWTH_MB);
        expectOutcomes(hostile, run.value!);
        expect(db.pragma('quick_check', { simple: true })).toBe('ok');
        expect(db.inTransaction).toBe(false);
        const after = caseSnapshot(db);
        if ('refused' in hostile.outcome) {
          expect(after).toEqual(before);
        } else {
          expect(after.imports.slice(0, before.imports.length)).toEqual(before.imports);
          expect(after.imports.length).toBe(before.imports.length + hostile.outcome.imported.length);
          const stored = hostile.outcome.imported.reduce((sum, r) => sum + r.imported - (r.duplicates ?? 0), 0);
          expect(after.counts['events']).toBe(before.counts['events']! + stored);
        }
      } finally {
        db.close();
      }
    });
  });

  it('the app’s import worker gives the same outcomes for the whole corpus in one import', async () => {
    const { db, path } = baselineCase('all-at-once');
    await importFiles(db, [baselineFile]);
    db.close();
    const paths = cases.map((c) => c.path);
    const started = performance.now();
    const outcomes = await withTimeout(runImportInWorker(path, paths), 60_000, 'the whole corpus');
    expect(performance.now() - started).toBeLessThan(60_000);
    // One outcome per file, or one per stored ZIP entry; paths that are not regular files (the pipe)
    // are answered first, before any file is read.
    const order = [
      ...cases.filter((c) => !statSync(c.path).isFile()),
      ...cases.filter((c) => statSync(c.path).isFile()),
    ];
    let at = 0;
    for (const hostile of order) {
      const n = 'refused' in hostile.outcome ? 1 : hostile.outcome.imported.length;
      expectOutcomes(hostile, outcomes.slice(at, at + n));
      at += n;
    }
    expect(at).toBe(outcomes.length);
    const reopened = openCase(path, { create: false });
    expect(reopened.pragma('quick_check', { simple: true })).toBe('ok');
    reopened.close();
  }, 90_000);

  it('no prototype was polluted by any of it', () => {
    const probe: Record<string, unknown> = {};
    expect(probe['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(Object.keys(Array.prototype)).toEqual([]);
  });

  it('no ZIP entry name was used as a path: nothing was written outside the case', () => {
    const slip = cases.find((c) => c.name === 'zip-slip.zip')!;
    const names = [
      '../../evil.csv',
      '/tmp/enrollscope-evil/abs.csv',
      '../../evil-win.csv',
      'C:/evil-drive.csv',
      '..\\..\\evil-win.csv',
    ];
    for (const base of [process.cwd(), corpusDir, dirname(slip.path), join(root, 'cases')]) {
      for (const name of names) expect(existsSync(resolve(base, name)), resolve(base, name)).toBe(false);
    }
    expect(existsSync('/tmp/enrollscope-evil')).toBe(false);
    // Under the test's own folder, only the corpus, the baseline and the case files appeared.
    const added = listTree(root).filter((file) => !outside.includes(file));
    expect(added.filter((file) => !/^cases\/[^/]+\.enrollscope(-wal|-shm)?$/.test(file))).toEqual([]);
  });
});
