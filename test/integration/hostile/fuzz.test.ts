/**
 * Fuzzing: every parser entry (readInput over random bytes and over mutated CSV, NDJSON,
 * JSON arrays, Intune envelopes, Graph responses and ZIPs) and the whole import (importFiles into a
 * real case). Whatever the bytes:
 *   - readInput throws nothing but InputRefused, within a per-input time limit;
 *   - what it accepts adds up: rows read = rows in batches + rows skipped;
 *   - importFiles never throws: each file is imported or refused; a refusal leaves the case exactly
 *     as it was, an import adds its record with rows = imported + duplicates + skipped, and the
 *     case passes quick_check;
 *   - memory stays bounded over the whole run.
 * Seeds are random per run (fast-check prints the seed and the shrunk input of a failure);
 * FUZZ_SEED and FUZZ_RUNS pin or widen a run.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputRefused, readInput } from '../../../src-main/import/read-input';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { crc32OfZeros, deflatedEntry, storedEntry, writeZip, type RawEntry } from '../../fixtures/hostile/zip-writer';
import { withTimeout } from '../../helpers/bounds';
import { caseSnapshot } from '../../helpers/case-snapshot';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);
const params = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  ...(SEED === undefined ? {} : { seed: SEED }),
});
/** No single small input may take longer than this. */
const PER_INPUT_MS = 3000;

const dir = mkdtempSync(join(tmpdir(), 'enrollscope-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
const writeInput = (bytes: Uint8Array, extension = 'dat'): string => {
  const path = join(dir, `input-${fileNo++}.${extension}`);
  writeFileSync(path, bytes);
  return path;
};

// --- Grammar: values that mean something to the parsers, and values that break them ------------------

const TOKENS = [
  '2025-06-01T10:00:00Z',
  '2025-06-01 10:00:00.123+05:30',
  '1748772000000',
  '2025-02-30T10:00:00Z',
  '24:00',
  'iOS',
  'Android',
  'Windows',
  'start',
  'step',
  'Cancel',
  'declineAll',
  'appClosed',
  'complete',
  'TermsofUse',
  'iOSProfileLaunch',
  'KnoxActivation',
  'Exceeded 30 minutes',
  'Took > 30 minutes',
  'Postpone',
  'Setup Checklist',
  'ann@contoso.example',
  'CONTOSO\\bob',
  '',
  ' ',
  '"',
  '""',
  '"a"b',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\ufeff',
  '\ufffd',
  'é€𝄞',
  '__proto__',
  'constructor',
  'sep=;',
  '{',
  '[',
  '}',
  ']',
  '12.5',
  '-1',
  'NaN',
];
const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const COLUMNS = [
  'timestamp',
  'time',
  'eventDateTime',
  'date',
  'userPrincipalName',
  'upn',
  'userId',
  'deviceId',
  'deviceName',
  'platform',
  'os',
  'platform_loc',
  'event',
  'eventType',
  'actionName',
  'action',
  'screen',
  'userAction',
  'reason',
  'section',
  'initiated',
  'incomplete',
  'EnrollmentFailureDateTime',
  'FailureReason',
  'FailureGuid',
  '__proto__',
  'constructor',
  'Unknown Column',
];
const header = fc.uniqueArray(fc.constantFrom(...COLUMNS), { minLength: 1, maxLength: 9 });
const rowsFor = (width: number): fc.Arbitrary<string[][]> =>
  fc.array(fc.array(token, { minLength: Math.max(0, width - 2), maxLength: width + 2 }), { maxLength: 25 });

/** A JSON value with some nesting, as exports never have but files may. */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    token,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...COLUMNS, 'x'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const csvText = fc
  .record({
    header,
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n'),
    quoteAll: fc.boolean(),
  })
  .chain((spec) => fc.record({ spec: fc.constant(spec), rows: rowsFor(spec.header.length) }))
  .map(({ spec, rows }) => {
    const cell = (value: string): string =>
      spec.quoteAll || /[",\r\n;\t|]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    return [spec.header, ...rows].map((row) => row.map(cell).join(spec.delimiter)).join(spec.newline) + spec.newline;
  });

const objectRow = fc.dictionary(fc.constantFrom(...COLUMNS), fc.oneof({ weight: 3, arbitrary: token }, jsonValue), {
  maxKeys: 9,
});
const ndjsonText = fc
  .array(objectRow, { minLength: 1, maxLength: 25 })
  .map((rows) => rows.map((r) => JSON.stringify(r)).join('\n'));
const jsonArrayText = fc.array(objectRow, { maxLength: 25 }).map((rows) => JSON.stringify(rows));
const graphText = fc
  .record({ value: fc.array(objectRow, { maxLength: 20 }), next: fc.boolean() })
  .map(({ value, next }) => JSON.stringify(next ? { value, '@odata.nextLink': 'https://graph/next' } : { value }));
const envelopeText = header
  .chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      values: fc.array(fc.array(fc.oneof(token, jsonValue), { maxLength: columns.length + 2 }), { maxLength: 20 }),
      total: fc.option(fc.integer({ min: -1, max: 30 })),
    }),
  )
  .map(({ columns, values, total }) =>
    JSON.stringify({
      TotalRowCount: total,
      Schema: columns.map((Column) => ({ Column, PropertyType: 'String' })),
      Values: values,
    }),
  );

const encode = fc.constantFrom<(text: string) => Uint8Array>(
  (text) => Buffer.from(text),
  (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  (text) => Buffer.from(text, 'latin1'),
);

// --- Mutations: bytes flipped, inserted, deleted, cut, repeated ---------------------------------------

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 8 }),
      fc.constantFrom(
        ...['"', '\n', '\r', ',', '\0', '{', '[', 'PK\x03\x04', '\xff\xfe'].map((s) => Buffer.from(s, 'latin1')),
      ),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 64 }),
    times: fc.integer({ min: 2, max: 50 }),
  }),
);

function mutate(input: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = Buffer.from(input);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
    if (m.kind === 'flip' && bytes.length > 0) bytes[at % bytes.length] = m.value;
    else if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    else if (m.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    else if (m.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (m.kind === 'repeat') {
      const piece = bytes.subarray(at, at + m.length);
      bytes = Buffer.concat([bytes.subarray(0, at), ...Array<Buffer>(m.times).fill(piece), bytes.subarray(at)]);
    }
  }
  return bytes;
}

const textInput = fc.oneof(csvText, ndjsonText, jsonArrayText, graphText, envelopeText);
const mutatedText = fc
  .record({ text: textInput, encode, mutations: fc.array(mutation, { maxLength: 4 }) })
  .map(({ text, encode: enc, mutations }) => mutate(enc(text), mutations));

// --- ZIPs: valid archives of the above, mutated; and archives whose directory says anything ---------------

const entryName = fc.oneof(
  fc.constantFrom(
    'export.csv',
    'data/rows.ndjson',
    '../../evil.csv',
    '/abs/path.csv',
    'C:\\x.csv',
    '__MACOSX/._x',
    'dir/',
    'inner.zip',
  ),
  fc.string({ maxLength: 20 }),
);
const zipOfTexts = fc
  .array(fc.record({ name: entryName, text: textInput, stored: fc.boolean() }), { minLength: 1, maxLength: 4 })
  .map((entries) => {
    const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
    for (const e of entries) files[e.name || 'x'] = [strToU8(e.text), { level: e.stored ? 0 : 6 }];
    return zipSync(files) as Uint8Array;
  });
const mutatedZip = fc
  .record({ zip: zipOfTexts, mutations: fc.array(mutation, { maxLength: 4 }) })
  .map(({ zip, mutations }) => mutate(zip, mutations));
/** Entries whose declared sizes, CRCs, methods and sharing are arbitrary (honest data or not). */
const liarZip = fc
  .array(
    fc.record({
      name: entryName,
      text: textInput,
      deflate: fc.boolean(),
      size: fc.option(fc.oneof(fc.nat(), fc.constantFrom(0, 1, 1024 * 1024, 2 ** 32 - 1, 2 ** 40)), { nil: undefined }),
      crc: fc.option(fc.nat(), { nil: undefined }),
      method: fc.option(fc.constantFrom(0, 8, 12, 99), { nil: undefined }),
      share: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .chain((specs) => fc.record({ specs: fc.constant(specs), zip64: fc.boolean() }))
  .map(({ specs, zip64 }) => {
    const entries: RawEntry[] = specs.map((s, i) => {
      const honest = s.deflate ? deflatedEntry(s.name, s.text) : storedEntry(s.name, s.text);
      return {
        ...honest,
        size: s.size ?? honest.size,
        crc: s.crc ?? (s.size === undefined ? honest.crc : crc32OfZeros(0)),
        method: (s.method ?? honest.method) as 0 | 8,
        ...(s.share && i > 0 ? { sameDataAs: 0 } : {}),
      };
    });
    return writeZip(entries, { zip64: zip64 || entries.some((e) => e.size > 0xfffffffe) });
  });

const randomBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc
    .record({
      prefix: fc.constantFrom(
        ...['PK\x03\x04', 'PK\x05\x06', '\xef\xbb\xbf', '\xff\xfe', '\xfe\xff', '{', '[', 'SQLite format 3\0'].map(
          (s) => Buffer.from(s, 'latin1'),
        ),
      ),
      rest: fc.uint8Array({ maxLength: 2048 }),
    })
    .map(({ prefix, rest }) => Buffer.concat([prefix, rest])),
);

// --- The checks -------------------------------------------------------------------------------------------

interface ReadOutcome {
  readonly refused?: InputRefused;
  readonly inputs: { rows: number; inBatches: number; skipped: number }[];
}

/** Reads everything; returns the refusal, or rethrows anything that is not one. */
async function readEverything(path: string): Promise<ReadOutcome> {
  const inputs: ReadOutcome['inputs'] = [];
  try {
    await withTimeout(
      (async () => {
        for await (const input of readInput(path)) {
          let inBatches = 0;
          for await (const batch of input.batches) inBatches += 'count' in batch ? batch.count : batch.rows.length;
          const skipped = Object.values(input.skipped.counts).reduce((a: number, b) => a + (b ?? 0), 0);
          inputs.push({ rows: input.rowsRead(), inBatches, skipped });
          expect(input.sha256()).toMatch(/^[0-9a-f]{64}$/);
        }
      })(),
      PER_INPUT_MS,
      `readInput(${path})`,
    );
  } catch (error) {
    if (error instanceof InputRefused) {
      expect(error.message).not.toMatch(/[\r\n]/);
      expect(error.reason.length).toBeGreaterThan(0);
      return { refused: error, inputs };
    }
    throw error;
  }
  for (const input of inputs) expect(input.rows).toBe(input.inBatches + input.skipped);
  return { inputs };
}

const readProperty = (arbitrary: fc.Arbitrary<Uint8Array>, extension: string) =>
  fc.asyncProperty(arbitrary, async (bytes) => {
    await readEverything(writeInput(bytes, extension));
  });

let peakRss = 0;
let startRss = 0;
let sampler: NodeJS.Timeout | undefined;
beforeAll(() => {
  startRss = process.memoryUsage.rss();
  sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
});
afterAll(() => clearInterval(sampler));

describe('fuzz: readInput throws nothing but a refusal, and what it accepts adds up', () => {
  it('random bytes (and random bytes behind known signatures)', async () => {
    await fc.assert(readProperty(randomBytes, 'bin'), params(RUNS * 2));
  });
  it('mutated CSV, NDJSON, JSON arrays, Graph responses and envelopes, in every encoding', async () => {
    await fc.assert(readProperty(mutatedText, 'csv'), params(RUNS * 2));
  });
  it('generated CSV, NDJSON, JSON arrays, Graph responses and envelopes, as written', async () => {
    await fc.assert(
      readProperty(
        textInput.map((t) => Buffer.from(t)),
        'txt',
      ),
      params(RUNS),
    );
  });
  it('mutated ZIPs of the above', async () => {
    await fc.assert(readProperty(mutatedZip, 'zip'), params(RUNS));
  });
  it('ZIPs whose directory lies: sizes, CRCs, methods, shared data, ZIP64', async () => {
    await fc.assert(readProperty(liarZip, 'zip'), params(RUNS));
  });
});

describe('fuzz: importFiles into a real case never throws and never half-imports', () => {
  let db: CaseDb;
  beforeAll(async () => {
    db = openCase(join(dir, 'fuzz.enrollscope'));
    const seed = join(dir, 'seed.csv');
    writeFileSync(
      seed,
      'time,user,platform,event,actionName\n2025-06-01T10:00:00Z,ann@contoso.example,iOS,start,\n2025-06-01T10:01:00Z,ann@contoso.example,iOS,cancel,TermsofUse\n',
    );
    const [outcome] = await importFiles(db, [seed]);
    expect(outcome?.status).toBe('imported');
  });
  afterAll(() => db.close());

  const anyInput = fc.oneof(mutatedText, mutatedZip, liarZip, randomBytes);

  it('each file is imported (counts add up) or refused (the case unchanged)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyInput, { minLength: 1, maxLength: 3 }), async (inputs) => {
        const paths = inputs.map((bytes) => writeInput(bytes));
        const before = caseSnapshot(db);
        const outcomes = await withTimeout(importFiles(db, paths), PER_INPUT_MS * paths.length, 'importFiles');
        expect(db.inTransaction).toBe(false);
        const imported = outcomes.flatMap((o) => (o.status === 'imported' ? [o.record] : []));
        for (const o of outcomes) {
          expect(['imported', 'refused']).toContain(o.status);
          if (o.status !== 'refused') continue;
          expect(o.reason).not.toMatch(/[\r\n]/);
          // A refusal is the reader's own InputRefused (importFiles would turn any error into a
          // refusal): reading the same file alone must refuse it for the same reason.
          if (/^(already imported|nothing to import)/.test(o.reason)) continue;
          const path = paths.find((p) => basename(p) === o.file)!;
          const refused = (await readEverything(path)).refused;
          // importFiles names the ZIP entry a refusal is about: "export.csv: a damaged ZIP entry".
          const entry = refused && refused.file !== o.file ? `${refused.file.replace(`${o.file}/`, '')}: ` : '';
          expect(refused && entry + refused.reason).toBe(o.reason);
        }
        for (const record of imported) {
          const skipped = Object.values(record.skipped).reduce((a, b) => a + b, 0);
          expect(record.rows).toBe(record.imported + record.duplicates + skipped);
        }
        const after = caseSnapshot(db);
        expect(after.imports.slice(0, before.imports.length)).toEqual(before.imports);
        expect(after.imports.slice(before.imports.length).map((r) => r.id)).toEqual(imported.map((r) => r.id));
        if (imported.length === 0) expect(after).toEqual(before);
        expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      }),
      params(Math.ceil(RUNS / 2)),
    );
  });

  it('memory stayed bounded over the whole fuzz run, and no prototype was polluted', () => {
    expect((peakRss - startRss) / 1e6).toBeLessThan(300);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});
