/** Test helpers: real files in a temp dir, read through readInput, batches flattened to plain rows. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { InputRefused, readInput, type ImportLimits, type ParsedInput } from '../../../src-main/import/read-input';
import type { RecordBatch, SkipExample, SkipReason } from '../../../src-main/import/records';
import { actionOfCode, eventOfCode, platformOfCode, userActionOfCode } from '../../../src-main/shared/taxonomy';

/** A fresh temp dir per test file, removed afterwards. */
export function useTempDir(): {
  path: (name: string) => string;
  write: (name: string, content: string | Uint8Array) => Promise<string>;
} {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'enrollscope-import-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    path: (name) => join(dir, name),
    write: async (name, content) => {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
  };
}

export type FlatRow = Record<string, string | number | null>;

export interface ReadResult {
  readonly name: string;
  readonly format: string;
  readonly kind: string;
  readonly container: string;
  readonly size: number;
  readonly rows: FlatRow[];
  readonly batchSizes: number[];
  readonly rowsRead: number;
  readonly skipped: Partial<Record<SkipReason, number>>;
  readonly examples: SkipExample[];
  readonly sha256: string;
  readonly notes: readonly string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Plain rows of a batch: codes turned back into names, times into ISO text. */
export function flatten(batch: RecordBatch): FlatRow[] {
  const rows: FlatRow[] = [];
  if (batch.kind === 'event-log') {
    for (let i = 0; i < batch.count; i++) {
      rows.push({
        line: batch.line[i]!,
        time: iso(batch.time[i]!),
        user: batch.user[i]!,
        device: batch.device[i]!,
        platform: platformOfCode(batch.platform[i]!),
        event: eventOfCode(batch.event[i]!) ?? '?',
        action: actionOfCode(batch.action[i]!) ?? '',
        screen: batch.screen[i]!,
      });
    }
  } else if (batch.kind === 'details') {
    for (let i = 0; i < batch.count; i++) {
      rows.push({
        line: batch.line[i]!,
        time: iso(batch.time[i]!),
        user: batch.user[i]!,
        device: batch.device[i]!,
        platform: platformOfCode(batch.platform[i]!),
        action: actionOfCode(batch.action[i]!) ?? '',
        userAction: userActionOfCode(batch.userAction[i]!) ?? '?',
        screen: batch.screen[i]!,
      });
    }
  } else if (batch.kind === 'summary') {
    for (const r of batch.rows) rows.push({ ...r, time: r.time === null ? null : iso(r.time) });
  } else {
    for (const r of batch.rows) rows.push({ ...r, time: iso(r.time) });
  }
  return rows;
}

export async function consume(input: ParsedInput): Promise<ReadResult> {
  const rows: FlatRow[] = [];
  const batchSizes: number[] = [];
  for await (const batch of input.batches) {
    const flat = flatten(batch);
    batchSizes.push(flat.length);
    rows.push(...flat);
  }
  return {
    name: input.name,
    format: input.format,
    kind: input.kind,
    container: input.container,
    size: input.size,
    rows,
    batchSizes,
    rowsRead: input.rowsRead(),
    skipped: { ...input.skipped.counts },
    examples: [...input.skipped.examples],
    sha256: input.sha256(),
    notes: input.notes ?? [],
  };
}

export interface ReadOptions {
  readonly limits?: Partial<ImportLimits>;
  readonly signal?: AbortSignal;
  readonly onBytes?: (bytesRead: number, totalBytes: number) => void;
}

export async function readAll(path: string, options?: ReadOptions): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const input of readInput(path, options)) results.push(await consume(input));
  return results;
}

export async function readOne(path: string, options?: ReadOptions): Promise<ReadResult> {
  const results = await readAll(path, options);
  expect(results).toHaveLength(1);
  return results[0]!;
}

/** The refusal a path gets, wherever it is thrown (opening, or reading the batches). */
export async function refusalOf(path: string, options?: ReadOptions): Promise<InputRefused> {
  try {
    await readAll(path, options);
  } catch (error) {
    if (error instanceof InputRefused) return error;
    throw error;
  }
  throw new Error(`${path} was not refused`);
}

/** Writes `name` with `content` and reads it as one input. */
export async function readText(
  dir: ReturnType<typeof useTempDir>,
  name: string,
  content: string | Uint8Array,
  options?: ReadOptions,
): Promise<ReadResult> {
  return readOne(await dir.write(name, content), options);
}

export const EVENT_HEADER = 'time,user,device,platform,event,actionName,screen';
