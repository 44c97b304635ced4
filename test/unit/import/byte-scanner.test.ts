/**
 * The parse worker's byte scanner (csv-bytes.ts, fast-event-lines.ts) against today's path, on
 * real files: readInputCoded must hand out exactly the coded batches that readInput's batches
 * coded by BatchCoder give (same codes, `added` lists, restarts, lines, times, codes, key order),
 * the same skipped counts and examples, rows read, sha256 and refusals. Every file also checks
 * that the byte path took most of its lines, so it cannot pass by falling back everywhere.
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linesTaken } from '../../../src-main/import/fast-event-lines';
import { readInput, readInputCoded, InputRefused, type ImportLimits } from '../../../src-main/import/read-input';
import { READ_CHUNK } from '../../../src-main/import/byte-source';
import { BatchCoder, CODES_KEPT } from '../../../src-main/store/coded-batch';
import { parseTimeBytes } from '../../../src-main/import/byte-times';
import { parseTime } from '../../../src-main/import/times';
import { mulberry32 } from '../../../src-main/tools/mulberry32';
import type { ParsedInput } from '../../../src-main/import/parsed-input';
import type { ReadBatch } from '../../../src-main/import/records';
import { useTempDir } from './helpers';

type Outcome =
  { readonly refused: { readonly file: string; readonly reason: string } } | { readonly inputs: unknown[] };

async function collect(inputs: AsyncIterable<ParsedInput<ReadBatch>>, kept: number): Promise<Outcome> {
  const out: unknown[] = [];
  try {
    for await (const input of inputs) {
      const coder = new BatchCoder(kept);
      const batches: unknown[] = [];
      for await (const batch of input.batches) {
        const coded = coder.code(batch);
        batches.push({ keys: Object.keys(coded), coded });
      }
      out.push({
        name: input.name,
        kind: input.kind,
        format: input.format,
        batches,
        rowsRead: input.rowsRead(),
        sha256: input.sha256(),
        counts: { ...input.skipped.counts },
        examples: [...input.skipped.examples],
      });
    }
  } catch (error) {
    if (error instanceof InputRefused) return { refused: { file: error.file, reason: error.reason } };
    throw error;
  }
  return { inputs: out };
}

/** Both paths over one file; returns today's outcome and the lines the byte path took. */
async function bothWays(
  path: string,
  kept = CODES_KEPT,
  limits?: Partial<ImportLimits>,
): Promise<{ outcome: Outcome; taken: number }> {
  const today = await collect(readInput(path, { limits }), kept);
  const before = linesTaken.count;
  const bytes = await collect(readInputCoded(path, { limits, kept }), kept);
  const taken = linesTaken.count - before;
  expect(bytes).toStrictEqual(today);
  return { outcome: today, taken };
}

const rowsIn = (outcome: Outcome): number =>
  'inputs' in outcome ? (outcome.inputs as { rowsRead: number }[]).reduce((n, i) => n + i.rowsRead, 0) : 0;

// ---- generated event logs ---------------------------------------------------------------------

const USERS = [
  'user00001@contoso.example',
  'user00002@contoso.example',
  'jürgen.müller@contoso.example',
  '王小明@contoso.example',
  'ana@contoso.example',
  '  padded@contoso.example  ',
  '\u00a0nbsp@contoso.example\u00a0',
  '"smith, j"',
  '"say ""hi"""',
  '"quoted@contoso.example"',
  'ab"c@contoso.example',
  'tab\t@contoso.example',
  '',
  '"  spaced inside  "',
  'user00001@contoso.example ',
];
const DEVICES = ['a0bff79f-ba34-42f4-aaa3-acaadc9bb14f', 'b1', '', 'Gerät-Ä', '"dev,ice"', ' d2 ', 'a0bff79f'];
const PLATFORMS = [
  'iOS',
  'Android',
  'android ',
  'IOS',
  'iPadOS',
  'Windows',
  '',
  '"Android"',
  'Android (device administrator)',
  'Ändroid',
  'AndroidForWork',
];
const EVENTS = [
  'start',
  'step',
  'step',
  'step',
  'complete',
  'cancel',
  'Step',
  'declineall',
  'decline',
  'foo',
  '',
  ' start',
  'app_closed',
];
const ACTIONS = ['', 'PreEnrollmentWizard', 'termsofuse', 'Compliance', 'Foo', 'iOSProfileLaunch', ' DeviceCategory '];
const SCREENS = [
  '',
  'Set up access screen',
  '"Set up access screen, until clicking Next"',
  '"He said ""next"""',
  '"two\nlines"',
  '"two\r\nlines in CRLF"',
  'Écran d’accueil',
  '"quoted then spaces"  ',
  '"a"',
];
const TIMES = (ms: number): string[] => [
  new Date(ms).toISOString(),
  new Date(ms).toISOString(),
  new Date(ms).toISOString(),
  String(Math.floor(ms / 1000)),
  String(ms),
  `${ms}000`,
  `${ms}000000`,
  new Date(ms).toISOString().replace('T', ' ').replace('Z', ''),
  new Date(ms).toISOString().replace('Z', '+02:00'),
  new Date(ms).toISOString().replace('Z', '-0530'),
  new Date(ms).toISOString().replace('Z', '+01'),
  new Date(ms).toISOString().replace('.', ',').replace('Z', 'z'),
  new Date(ms).toISOString().replace('Z', '1234Z'),
  new Date(ms).toISOString().slice(0, 10),
  new Date(ms).toISOString().slice(0, 16),
  ` ${new Date(ms).toISOString()}\t`,
  '6/1/2025',
  '2025-13-01T00:00:00Z',
  '2025-02-29T10:00:00Z',
  '2024-02-29T10:00:00Z',
  '2025-06-01T24:00:00Z',
  '2025-06-01T10:00:60Z',
  '1999-12-31T23:59:59Z',
  '2101-01-01',
  '',
  'abc',
  '-1700000000',
  '0',
  '2025-06-01T10:00:00\u221202:00',
  '2025-06-01T10:00:00+2',
  '2025-06-01T10',
  '2025-06-01T10:00:00.Z',
  '\u00a02025-06-01T10:00:00Z',
  '"2025-06-01T10:00:00Z"',
  '12345678901234567',
];

/** An odd line now and then: blank, delimiters only, short, long, malformed quotes. */
const ODD = ['', '   ', ',,,,,,', 'a,b,c', '2025-06-01T10:00:00Z,u,d,iOS,start,,s,extra,more', '\r', ',,,,,,\r'];

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

interface Shape {
  readonly wide: boolean;
  readonly crlf: 'lf' | 'crlf' | 'mixed';
  readonly odd: number;
  readonly delimiter?: ',' | ';';
}

/** One data line of a log of this shape (mostly ordinary rows, some of every odd kind). */
function dataLine(rng: () => number, shape: Shape, index: number): string {
  const ms = Date.UTC(2025, 5, 1) + index * 37_011;
  if (rng() < shape.odd) {
    const kind = rng();
    const user = pick(rng, USERS);
    const device = pick(rng, DEVICES);
    const cells = [pick(rng, TIMES(ms)), user, device, pick(rng, PLATFORMS), pick(rng, EVENTS), pick(rng, ACTIONS)];
    if (shape.wide) cells.push(pick(rng, SCREENS));
    if (kind < 0.1) return pick(rng, ODD);
    if (kind < 0.15) return `"ab"c${cells.slice(1).join(',')}"`; // malformed, closed further on
    return cells.join(shape.delimiter ?? ',');
  }
  const user = `user${String(Math.floor(rng() * 300)).padStart(5, '0')}@contoso.example`;
  const device = shape.wide
    ? `${Math.floor(rng() * 1e9).toString(16)}-ba34-42f4-aaa3-acaadc9bb14f`
    : `d${Math.floor(rng() * 400)}`;
  const event = pick(rng, ['start', 'step', 'step', 'complete', 'cancel']);
  const action = event === 'step' || rng() < 0.2 ? pick(rng, ['PreEnrollmentWizard', 'TermsofUse', 'Compliance']) : '';
  const cells = [new Date(ms).toISOString(), user, device, pick(rng, ['iOS', 'Android']), event, action];
  if (shape.wide)
    cells.push(rng() < 0.1 ? '"Set up access screen, until clicking Next"' : pick(rng, ['Welcome', 'Terms', '']));
  return cells.join(shape.delimiter ?? ',');
}

function header(shape: Shape): string {
  const names = ['timestamp', 'userId', 'deviceId', 'platform', 'event', 'actionName'];
  if (shape.wide) names.push('screen');
  return names.join(shape.delimiter ?? ',');
}

function ending(rng: () => number, shape: Shape): string {
  if (shape.crlf === 'lf') return '\n';
  if (shape.crlf === 'crlf') return '\r\n';
  return rng() < 0.5 ? '\n' : '\r\n';
}

function makeLog(seed: number, rows: number, shape: Shape, bom = false): string {
  const rng = mulberry32(seed);
  let text = (bom ? '\ufeff' : '') + header(shape) + ending(rng, shape);
  for (let i = 0; i < rows; i++) text += dataLine(rng, shape, i) + ending(rng, shape);
  return text;
}

/**
 * Ordinary rows, a padding row, then `target` placed so that the 1 MiB read chunk ends `offset`
 * bytes into it, then more rows (some odd).
 */
function straddling(target: string, offset: number, shape: Shape): Buffer {
  const rng = mulberry32(7);
  let before = header(shape) + '\n';
  let i = 0;
  while (before.length < READ_CHUNK - 1000) before += dataLine(rng, { ...shape, odd: 0 }, i++) + '\n'; // ASCII
  const bare = (k: number): string =>
    `2025-06-01T00:00:00.000Z,user00009@contoso.example,d,iOS,start,,${'x'.repeat(k)}\n`;
  const k = READ_CHUNK - offset - Buffer.byteLength(before) - Buffer.byteLength(bare(0));
  let after = '';
  for (let n = 0; n < 3000; n++) after += dataLine(rng, { ...shape, odd: 0.05 }, i++) + '\n';
  const bytes = Buffer.from(before + bare(k) + target + after);
  expect(bytes.subarray(READ_CHUNK - offset, READ_CHUNK - offset + Buffer.byteLength(target)).toString()).toBe(target);
  return bytes;
}

describe('the byte scanner reads CSV event logs exactly as Papa Parse and the coder do', () => {
  const dir = useTempDir();

  it('on the wide shape with every kind of odd row, quoting, bad times and values', async () => {
    const path = await dir.write('wide.csv', makeLog(1, 6000, { wide: true, crlf: 'lf', odd: 0.1 }));
    const { outcome, taken } = await bothWays(path);
    expect(rowsIn(outcome)).toBeGreaterThan(5000);
    expect(taken).toBeGreaterThan(2500);
    const examples = (outcome as { inputs: { examples: { reason: string }[] }[] }).inputs[0]!.examples;
    // The odd rows did reach the parser: skips of many kinds, each with its example.
    expect(new Set(examples.map((e) => e.reason)).size).toBeGreaterThanOrEqual(8);
  });

  it('on the narrow shape in CRLF with a BOM, and in mixed line ends', async () => {
    for (const crlf of ['crlf', 'mixed'] as const) {
      const path = await dir.write(`narrow-${crlf}.csv`, makeLog(2, 6000, { wide: false, crlf, odd: 0.1 }, true));
      const { outcome, taken } = await bothWays(path);
      expect(rowsIn(outcome)).toBeGreaterThan(5000);
      expect(taken).toBeGreaterThan(3000);
    }
  });

  it('with semicolons after an Excel `sep=` line, and a quoted header', async () => {
    const shape: Shape = { wide: true, crlf: 'lf', odd: 0.1, delimiter: ';' };
    const text = `sep=;\n"timestamp";"userId";deviceId;platform;event;actionName;screen\n${makeLog(3, 3000, shape).split('\n').slice(1).join('\n')}`;
    const { taken } = await bothWays(await dir.write('semicolons.csv', text));
    expect(taken).toBeGreaterThan(1200);
  });

  it('leaves a file smaller than `codedFrom` to the parser, uncoded, for the caller to code the same', async () => {
    const path = await dir.write('small.csv', makeLog(14, 40, { wide: true, crlf: 'lf', odd: 0.1 }));
    const { size } = statSync(path);
    const today = await collect(readInput(path), CODES_KEPT);
    for (const codedFrom of [size + 1, size]) {
      const before = linesTaken.count;
      const raw: ReadBatch[] = [];
      for await (const input of readInputCoded(path, { kept: CODES_KEPT, codedFrom }))
        for await (const batch of input.batches) raw.push(batch);
      const taken = linesTaken.count - before;
      // Under the bound, the parser's batches (strings, not codes) and no line read from its bytes;
      // from the bound on, coded batches from the byte path.
      expect(raw.length).toBeGreaterThan(0);
      expect(raw.every((batch) => !('coded' in batch))).toBe(codedFrom > size);
      expect(taken > 0).toBe(codedFrom <= size);
      // Coded by the caller or by the reader, the same batches.
      expect(await collect(readInputCoded(path, { kept: CODES_KEPT, codedFrom }), CODES_KEPT)).toStrictEqual(today);
    }
  });

  it('with coders that forget their strings (restarts, batches coded when taken)', async () => {
    const path = await dir.write('restarts.csv', makeLog(4, 20_000, { wide: true, crlf: 'lf', odd: 0.05 }));
    for (const kept of [40, 2600, 4000]) {
      const { outcome, taken } = await bothWays(path, kept);
      expect(taken).toBeGreaterThan(15_000);
      const batches = (outcome as { inputs: { batches: { coded: { device: { restart?: true } } }[] }[] }).inputs[0]!
        .batches;
      expect(batches.some((b) => b.coded.device.restart)).toBe(true);
    }
  });

  it('when the 1 MiB read chunk ends inside a field, a CRLF, a UTF-8 character or a quoted line break', async () => {
    const shape: Shape = { wide: true, crlf: 'lf', odd: 0 };
    const row = '2025-06-02T00:00:00.000Z,user00001@contoso.example,dev,iOS,start,,Welcome';
    const cases: [string, string, number][] = [
      ['at a row start', `${row}\n`, 0],
      ['in the time', `${row}\n`, 10],
      ['in the user', `${row}\n`, 30],
      ['before the LF', `${row}\n`, row.length],
      ['between CR and LF', `${row}\r\n`, row.length + 1],
      ['in a UTF-8 character', '2025-06-02T00:00:00.000Z,王@contoso.example,dev,iOS,start,,Welcome\n', 26],
      ['in a quoted field', `${row.slice(0, -7)}"Wel,come"\n`, row.length - 3],
      ['after a quoted line break', `${row.slice(0, -7)}"Wel\ncome"\n`, row.length - 3],
    ];
    for (const [name, target, offset] of cases) {
      const bytes = straddling(target, offset, shape);
      const { outcome, taken } = await bothWays(await dir.write(`chunk-${name.replaceAll(' ', '-')}.csv`, bytes));
      expect(rowsIn(outcome), name).toBeGreaterThan(9000);
      expect(taken, name).toBeGreaterThan(8000);
    }
  });

  it('with very long fields, across chunk boundaries', async () => {
    const rng = mulberry32(5);
    const shape: Shape = { wide: true, crlf: 'lf', odd: 0.05 };
    let text = header(shape) + '\n';
    for (let i = 0; i < 4000; i++) {
      if (i % 1000 === 500)
        text += `2025-06-02T00:00:00.000Z,u${'é'.repeat(150_000)},d,iOS,start,,"${'long, '.repeat(60_000)}"\n`;
      else text += dataLine(rng, shape, i) + '\n';
    }
    const { taken } = await bothWays(await dir.write('long-fields.csv', text));
    expect(taken).toBeGreaterThan(3000);
  });

  it('when lines are left to the parser one after another (wider windows), and every other line', async () => {
    const shape: Shape = { wide: true, crlf: 'lf', odd: 0 };
    const lines = makeLog(13, 4000, shape).split('\n');
    // A column more than the header on every line from 1000 to 2000: none of them is taken.
    const extra = lines.map((line, i) => (i >= 1000 && i < 2000 ? `${line},more` : line)).join('\n');
    const some = await bothWays(await dir.write('extra-column.csv', extra));
    expect(some.taken).toBeGreaterThan(2500);
    expect(some.taken).toBeLessThan(3000);
    // An unknown platform on every other line: skipped rows with their examples, the rest taken or not.
    const alternate = lines.map((line, i) =>
      i > 0 && i % 2 === 0 ? line.replace(/,(iOS|Android),/, ',Windows,') : line,
    );
    const { outcome } = await bothWays(await dir.write('alternate.csv', alternate.join('\n')));
    expect((outcome as { inputs: { counts: Record<string, number> }[] }).inputs[0]!.counts['unknown platform']).toBe(
      2000,
    );
  });

  it('with invalid UTF-8 bytes in a file read as UTF-8', async () => {
    const good = makeLog(6, 3000, { wide: true, crlf: 'lf', odd: 0.05 });
    const lines = good.split('\n');
    const parts: Buffer[] = [];
    lines.forEach((line, i) => {
      parts.push(Buffer.from(line));
      // An invalid byte in the user (both paths: U+FFFD), now and then, after the sniffed head.
      if (i > 2500 && i % 50 === 0) parts.push(Buffer.from([0xff, 0x2c, 0xc3]));
      parts.push(Buffer.from('\n'));
    });
    const bytes = Buffer.concat(parts);
    const { taken } = await bothWays(await dir.write('invalid-utf8.csv', bytes));
    expect(taken).toBeGreaterThan(2000);
  });

  it('refuses an unterminated quote and a row running over the limit the same way', async () => {
    const shape: Shape = { wide: false, crlf: 'lf', odd: 0 };
    const unterminated = `${makeLog(8, 2000, shape)}2025-06-02T00:00:00.000Z,"never closed,d,iOS,start,,x\n${makeLog(9, 50, shape).split('\n').slice(1).join('\n')}`;
    const { outcome } = await bothWays(await dir.write('unterminated.csv', unterminated));
    expect(outcome).toMatchObject({
      refused: { reason: expect.stringMatching(/^unterminated quoted field starting at line 2002/) },
    });

    const runaway = `${makeLog(10, 20_000, shape)}2025-06-02T00:00:00.000Z,"runs,d,iOS,start,,x\n${makeLog(11, 30_000, shape).split('\n').slice(1).join('\n')}`;
    const limited = await bothWays(await dir.write('runaway.csv', runaway), CODES_KEPT, { maxFieldChars: 10_000 });
    expect(limited.outcome).toMatchObject({
      refused: { reason: expect.stringMatching(/^line 20002 runs over 10000 characters/) },
    });
  });
});

describe('parseTimeBytes', () => {
  it("gives parseTime's milliseconds for the forms it reads, and NaN (the parser decides) otherwise", () => {
    const rng = mulberry32(12);
    const pieces = [
      '2025',
      '-',
      '06',
      '-',
      '01',
      'T',
      ' ',
      't',
      '10',
      ':',
      '59',
      '00',
      '60',
      '24',
      '.',
      ',',
      '5',
      '123',
      '4567',
      'Z',
      'z',
      '+',
      '-',
      '02',
      ':',
      '30',
      '0530',
      '\t',
      ' ',
      '1',
      '9',
      'x',
      '13',
      '29',
      '02',
    ];
    let read = 0;
    const check = (text: string): void => {
      const bytes = Buffer.from(`,${text},`);
      const fast = parseTimeBytes(bytes, 1, bytes.length - 1);
      if (!Number.isNaN(fast)) {
        read++;
        expect(fast, text).toBe(parseTime(text));
      } else if (/^[\x20-\x7e\t]*$/.test(text) && !/^\s*-|\d{16}/.test(text)) {
        // ASCII text it declines is no time for parseTime either (signs and long epochs aside).
        expect(parseTime(text), text).toBeNaN();
      }
    };
    for (const ms of [0, 946_684_800_000, 1_748_736_000_123, 4_133_980_799_999, 951_782_400_007]) {
      const iso = new Date(ms).toISOString();
      for (const text of [
        iso,
        iso.slice(0, 10),
        iso.slice(0, 16),
        iso.slice(0, 19),
        iso.replace('Z', '+05:30'),
        iso.replace('Z', '-0800'),
        iso.replace('Z', '+01'),
        iso.replace('.', ','),
        iso.replace('Z', '999Z'),
        iso.replace('T', ' '),
        iso.replace('T', 't').replace('Z', 'z'),
        ` ${iso}\t`,
        String(ms),
        String((ms / 1000) | 0),
        `${ms}000`,
        `${ms}`.padStart(15, '0'),
      ])
        check(text);
    }
    for (let n = 0; n < 200_000; n++) {
      let text = '2025-06-01';
      const parts = Math.floor(rng() * 8);
      for (let k = 0; k < parts; k++) text += pick(rng, pieces);
      if (rng() < 0.1) text = text.slice(0, Math.floor(rng() * text.length));
      if (rng() < 0.1) text = String(Math.floor(rng() * 10 ** Math.floor(rng() * 16)));
      check(text);
    }
    expect(read).toBeGreaterThan(10_000);
  });
});
