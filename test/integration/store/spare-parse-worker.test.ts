/**
 * A parse worker started before its request (workers/spare-parse-worker.ts): the command line
 * starts one while it loads and opens the case, and the import takes it. Taken, it must read as a
 * worker started for the file does; stopped before it was taken, it must be replaced; never taken,
 * it must not keep the command from ending.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import { openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { readInputInWorker } from '../../../src-main/workers/parse-in-worker';
import * as spare from '../../../src-main/workers/spare-parse-worker';
import { completedAttempt, eventLogCsv, type TestEvent } from '../../helpers/event-log';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-spare-');
afterEach(() => spare.stopSpareParseWorker());

function events(users: number): TestEvent[] {
  const start = Date.parse('2026-03-02T08:00:00Z');
  return Array.from({ length: users }, (_, u) =>
    completedAttempt(`user${u}@contoso.example`, u % 2 ? 'iOS' : 'Android', new Date(start + u * 60_000).toISOString()),
  )
    .flat()
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

const withoutTimes = (report: unknown): unknown =>
  JSON.parse(JSON.stringify(report, (key, value: unknown) => (key === 'importedAt' ? '' : value)));

/** Imports `file` into a new case through a parse worker; returns its report. */
async function reportThroughWorker(dir: string, name: string, file: string): Promise<unknown> {
  const db = openCase(join(dir, `${name}.enrollscope`));
  try {
    const [outcome] = await importFiles(db, [file], { reader: readInputInWorker });
    expect(outcome?.status).toBe('imported');
    return withoutTimes(computeReport(db, { from: '2026-03-01', to: '2026-03-10', tz: 'UTC' }));
  } finally {
    db.close();
  }
}

describe('the spare parse worker', () => {
  it('is taken by the next import, which reads with it as with a worker of its own', async () => {
    const dir = temp();
    const file = join(dir, 'log.csv');
    writeFileSync(file, eventLogCsv(events(400)));
    const before = spare.sparesTaken;
    const fresh = await reportThroughWorker(dir, 'fresh', file);
    expect(spare.sparesTaken).toBe(before);

    spare.startSpareParseWorker();
    expect(spare.spareParseWorker()).toBeDefined();
    const withSpare = await reportThroughWorker(dir, 'spare', file);
    expect(spare.sparesTaken).toBe(before + 1);
    expect(spare.spareParseWorker()).toBeUndefined();
    expect(withSpare).toEqual(fresh);
  });

  it('is replaced when it stopped before it was taken', async () => {
    const dir = temp();
    const file = join(dir, 'log.csv');
    writeFileSync(file, eventLogCsv(events(50)));
    spare.startSpareParseWorker();
    const worker = spare.spareParseWorker()!;
    const exited = once(worker, 'exit');
    await worker.terminate();
    await exited;
    const before = spare.sparesTaken;
    const report = await reportThroughWorker(dir, 'replaced', file);
    expect(spare.sparesTaken).toBe(before);
    expect(report).toEqual(await reportThroughWorker(dir, 'again', file));
  });

  it('is started by the command line for a folder or a large file, and taken; left untaken, the command still ends', () => {
    const dir = temp();
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    writeFileSync(join(folder, 'log.csv'), eventLogCsv(events(30)));
    const stats = (stderr: string): { counts: Record<string, number> } =>
      JSON.parse(
        stderr
          .split('\n')
          .find((line) => line.startsWith('enrollscope-stats '))!
          .slice(18),
      );
    const env = { ENROLLSCOPE_STATS: '1' };

    // A large file: read by a parse worker, the spare one.
    const large = join(dir, 'large.csv');
    writeFileSync(large, eventLogCsv(events(30_000)));
    const read = runCli(['report', large, '--from', '2026-03-01', '--to', '2026-03-31'], { env });
    expect(read.code).toBe(0);
    expect(stats(read.stderr).counts).toEqual({ spareParseWorkersStarted: 1, spareParseWorkersTaken: 1 });

    // A folder of one small file: started, never taken (too little to read ahead), and the command ends.
    const small = runCli(['report', folder, '--from', '2026-03-01', '--to', '2026-03-31'], { env });
    expect(small.code).toBe(0);
    expect(stats(small.stderr).counts).toEqual({ spareParseWorkersStarted: 1, spareParseWorkersTaken: 0 });

    // A case that cannot be made: the command fails before any import, and ends.
    const refused = runCli(['report', folder, '--db', join(dir, 'missing', 'deeper', 'case.enrollscope')], { env });
    expect(refused.code).toBe(1);
    expect(stats(refused.stderr).counts.spareParseWorkersStarted).toBe(1);

    // A small file alone: parsed in the storing thread, no spare.
    const alone = runCli(['report', join(folder, 'log.csv'), '--from', '2026-03-01', '--to', '2026-03-31'], { env });
    expect(alone.code).toBe(0);
    expect(stats(alone.stderr).counts).toEqual({ spareParseWorkersStarted: 0, spareParseWorkersTaken: 0 });
  });

  it('is asked for by a large file, a folder or many files named one by one, not by a few small files', () => {
    const dir = temp();
    const small = join(dir, 'small.csv');
    writeFileSync(small, eventLogCsv(events(5)));
    const large = join(dir, 'large.csv');
    writeFileSync(large, Buffer.alloc(spare.IN_THREAD_BYTES + 1, 0x41));
    expect(spare.likelyParsedInWorker([small, small, small])).toBe(false);
    expect(spare.likelyParsedInWorker([small, join(dir, 'missing.csv')])).toBe(false);
    expect(spare.likelyParsedInWorker([small, large])).toBe(true);
    expect(spare.likelyParsedInWorker([small, dir])).toBe(true);
    // A glob's thousands of files are not statted one by one before the command even loads.
    expect(spare.likelyParsedInWorker(Array.from({ length: 65 }, () => small))).toBe(true);
    expect(spare.likelyParsedInWorker(Array.from({ length: 64 }, () => small))).toBe(false);
  });
});
