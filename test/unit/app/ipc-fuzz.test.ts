/**
 * The Electron surface: the IPC invoker (the one way from the renderer into main) fuzzed
 * with invalid and oversized arguments, unknown channels, foreign senders and handlers that throw
 * anything. Whatever comes in:
 *   - the invoker resolves (nothing is thrown across) with a typed IpcResult, its message one line
 *     of at most 500 characters, within a time limit even for megabytes of argument;
 *   - a handler is reached only from the app's window on its own URL, with an argument that passes
 *     independent checks written here (absolute paths, known platforms and sections, real days,
 *     known zones, no extra keys), never with what the schema should have refused;
 *   - no prototype is polluted.
 * Uses the real zod schemas (src-main/app/schemas.ts) and the real invoker (src-main/app/ipc.ts).
 */
import fc from 'fast-check';
import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInvoker, HandlerError, WINDOW_CHANNELS, type Handlers, type Sender } from '../../../src-main/app/ipc';
import type { SenderWindow } from '../../../src-main/renderer-host/sender-window';
import { ARG_SCHEMAS } from '../../../src-main/app/schemas';
import { MAX_PATH_LENGTH } from '../../../src-main/platform/paths';
import {
  INVOKE_CHANNELS,
  RANGE_PRESETS,
  type IpcErrorCode,
  type IpcResult,
} from '../../../src-main/shared/ipc-contract';
import { PLATFORMS, SECTIONS } from '../../../src-main/shared/taxonomy';

const APP = 'file:///opt/Enrollscope/resources/app.asar/out/renderer/index.html';
const trusted: Sender = { url: APP, window: 'app' };
/** The window allowed on a channel (the print window asks only for its job), on the app's URL. */
const trustedFor = (channel: string): Sender => ({
  url: APP,
  window: (WINDOW_CHANNELS.print as ReadonlySet<string>).has(channel) ? 'print' : 'app',
});
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 400);
const CODES: readonly IpcErrorCode[] = [
  'invalid-args',
  'untrusted-sender',
  'unknown-channel',
  'no-case',
  'busy',
  'refused',
  'bad-filter',
  'failed',
];
type Channel = (typeof INVOKE_CHANNELS)[number];

/** Channels whose argument is `undefined` (their schema is z.undefined()). */
const NO_ARG = INVOKE_CHANNELS.filter((channel) => ARG_SCHEMAS[channel].safeParse(undefined).success);

// --- Independent checks of what a handler may receive (not the zod schemas) -------------------------

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const onlyKeys = (v: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(v).every((k) => keys.includes(k));
const isPath = (v: unknown): boolean =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_PATH_LENGTH && isAbsolute(v);
const isDay = (v: unknown): boolean =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
const isZone = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length === 0 || v.length > 100) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return true;
  } catch {
    return false;
  }
};
const isSubset = (v: unknown, of: readonly string[], max: number): boolean =>
  Array.isArray(v) && v.length >= 1 && v.length <= max && v.every((x) => of.includes(x as string));
const isReportRequest = (v: unknown): boolean => {
  if (!isPlainObject(v) || !onlyKeys(v, ['range', 'platforms', 'sections', 'tz'])) return false;
  const range = v['range'];
  const rangeOk =
    isPlainObject(range) &&
    ((range['kind'] === 'last' &&
      onlyKeys(range, ['kind', 'days']) &&
      (RANGE_PRESETS as readonly unknown[]).includes(range['days'])) ||
      (range['kind'] === 'custom' &&
        onlyKeys(range, ['kind', 'from', 'to']) &&
        isDay(range['from']) &&
        isDay(range['to']) &&
        (range['from'] as string) <= (range['to'] as string)));
  return (
    rangeOk &&
    isSubset(v['platforms'], PLATFORMS, PLATFORMS.length) &&
    isSubset(v['sections'], SECTIONS, SECTIONS.length) &&
    isZone(v['tz'])
  );
};

/** What each channel's handler may be given; channels not listed: a plain object, or undefined. */
const ACCEPTS: Partial<Record<Channel, (arg: unknown) => boolean>> = {
  'case:open': (v) => isPlainObject(v) && onlyKeys(v, ['path']) && isPath(v['path']),
  'import:run': (v) =>
    isPlainObject(v) &&
    onlyKeys(v, ['paths']) &&
    Array.isArray(v['paths']) &&
    v['paths'].length >= 1 &&
    v['paths'].length <= 10_000 &&
    v['paths'].every(isPath),
  'case:settings': (v) =>
    isPlainObject(v) &&
    onlyKeys(v, ['tz', 'customer', 'consultant']) &&
    (v['tz'] === undefined || isZone(v['tz'])) &&
    ['customer', 'consultant'].every((k) => v[k] === undefined || (typeof v[k] === 'string' && v[k].length <= 200)),
  'report:get': isReportRequest,
  'funnel:get': isReportRequest,
  'findings:get': isReportRequest,
  'failures:get': isReportRequest,
  'print:pdf': (v) =>
    isPlainObject(v) &&
    onlyKeys(v, ['report', 'page', 'customer', 'consultant', 'maskUsers', 'language']) &&
    isReportRequest(v['report']) &&
    typeof v['maskUsers'] === 'boolean' &&
    ['en', 'de', 'fr', 'es', 'ja'].includes(v['language'] as string) &&
    ['customer', 'consultant'].every((k) => typeof v[k] === 'string' && (v[k] as string).length <= 200),
  'export:save': (v) =>
    isPlainObject(v) &&
    onlyKeys(v, ['kind', 'report', 'maskUsers']) &&
    isReportRequest(v['report']) &&
    typeof v['maskUsers'] === 'boolean',
  'attempts:list': (v) =>
    isPlainObject(v) &&
    onlyKeys(v, ['report', 'query', 'maskUsers']) &&
    isReportRequest(v['report']) &&
    isPlainObject(v['query']) &&
    typeof v['maskUsers'] === 'boolean',
  'preferences:set': (v) =>
    isPlainObject(v) &&
    onlyKeys(v, ['language']) &&
    (v['language'] === undefined || ['system', 'en', 'de', 'fr', 'es', 'ja'].includes(v['language'] as string)),
};
const accepts = (channel: Channel, arg: unknown): boolean =>
  NO_ARG.includes(channel) ? arg === undefined : (ACCEPTS[channel] ?? isPlainObject)(arg);

/** Valid arguments, to mutate from. */
const REPORT = { range: { kind: 'last', days: 14 }, platforms: ['Android'], sections: ['Terms of Use'], tz: 'UTC' };
const VALID: Partial<Record<Channel, unknown>> = {
  'case:open': { path: '/cases/contoso.enrollscope' },
  'case:settings': { tz: 'Europe/Berlin', customer: 'Contoso', consultant: 'Ann' },
  'report:get': REPORT,
  'funnel:get': { ...REPORT, range: { kind: 'custom', from: '2025-06-01', to: '2025-06-14' } },
  'import:run': { paths: ['/exports/a.csv', '/exports/b.zip'] },
  'export:save': { kind: 'report-json', report: REPORT, maskUsers: true },
  'print:pdf': {
    report: REPORT,
    page: { paper: 'A4', orientation: 'portrait' },
    customer: 'Contoso',
    consultant: '',
    maskUsers: false,
    language: 'de',
  },
  'attempts:list': { report: REPORT, query: { search: 'ann', limit: 50 }, maskUsers: true },
  'annotations:add': { date: '2025-06-02', text: 'Conditional access changed' },
  'preferences:set': { language: 'de' },
};

// --- The invoker under test, with handlers that record what reaches them ------------------------------

function recordingInvoker(): {
  invoke: ReturnType<typeof createInvoker>;
  calls: { channel: Channel; arg: unknown }[];
} {
  const calls: { channel: Channel; arg: unknown }[] = [];
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      (arg: unknown) => {
        calls.push({ channel, arg });
        return null;
      },
    ]),
  ) as unknown as Handlers;
  return { invoke: createInvoker(handlers, { isTrustedUrl: (url) => url === APP }), calls };
}

function expectWellFormed(result: IpcResult<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(CODES).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message).not.toMatch(/[\r\n]/);
    expect(result.error.message.length).toBeLessThanOrEqual(500);
  }
}

/** Values as they can arrive over IPC (structured clone: no functions or symbols). */
const cloneable = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withObjectString: true,
});
const knownChannel = fc.constantFrom(...INVOKE_CHANNELS);
const anyChannel = fc.oneof(
  knownChannel,
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'fs:read', 'shell:openExternal', 'ELECTRON_BROWSER_REQUIRE'),
  knownChannel.map((c) => `${c} `),
  knownChannel.map((c) => c.toUpperCase()),
);

/** A valid argument with one leaf replaced, one key added or removed. */
function mutations(valid: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const containers: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    paths.push(path);
    if (typeof value === 'object' && value !== null) containers.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(valid, []);
  const setAt = (root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown => {
    if (path.length === 0) return value;
    const copy = structuredClone(root) as Record<string | number, unknown>;
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (remove) delete at[last];
    else Object.defineProperty(at, last, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  };
  return fc.oneof(
    fc
      .record({ path: fc.constantFrom(...paths), value: cloneable })
      .map(({ path, value }) => setAt(valid, path, value, false)),
    fc.constantFrom(...paths.filter((p) => p.length > 0)).map((path) => setAt(valid, path, undefined, true)),
    fc
      .record({
        path: fc.constantFrom(...containers),
        key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'then')),
        value: cloneable,
      })
      .map(({ path, key, value }) => setAt(valid, [...path, key], value, false)),
  );
}

describe('IPC fuzz: arguments', () => {
  it('any channel, any argument: a typed result, and handlers see only what they accept', async () => {
    const { invoke, calls } = recordingInvoker();
    await fc.assert(
      fc.asyncProperty(anyChannel, cloneable, async (channel, arg) => {
        calls.length = 0;
        const result = await invoke(channel, arg, trustedFor(channel));
        expectWellFormed(result);
        if (!(INVOKE_CHANNELS as readonly string[]).includes(channel)) {
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
        }
        for (const call of calls)
          expect(accepts(call.channel, call.arg), `${call.channel} got ${String(call.arg)}`).toBe(true);
        if (!result.ok) expect(calls).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('valid arguments with one part changed: accepted only when still valid', async () => {
    const { invoke, calls } = recordingInvoker();
    const cases = Object.entries(VALID).map(([channel, valid]) =>
      fc.tuple(fc.constant(channel as Channel), mutations(valid)),
    );
    // The valid arguments themselves reach their handlers.
    for (const [channel, valid] of Object.entries(VALID)) {
      const result = await invoke(channel, valid, trustedFor(channel));
      expect(result, channel).toEqual({ ok: true, value: null });
    }
    await fc.assert(
      fc.asyncProperty(fc.oneof(...cases), async ([channel, arg]) => {
        calls.length = 0;
        const result = await invoke(channel, arg, trustedFor(channel));
        expectWellFormed(result);
        if (result.ok) {
          expect(calls).toHaveLength(1);
          expect(accepts(channel, calls[0]!.arg), JSON.stringify(calls[0]!.arg)).toBe(true);
        } else {
          expect(result.error.code).toBe('invalid-args');
          expect(calls).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('oversized arguments are refused at once: megabytes of text, huge arrays, deep nesting', async () => {
    const { invoke, calls } = recordingInvoker();
    const huge = 'x'.repeat(8 * 1024 * 1024);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    let deepArray: unknown = [];
    for (let i = 0; i < 5000; i++) deepArray = [deepArray];
    const oversized: [Channel, unknown][] = [
      ['case:open', { path: `/${huge}` }],
      ['case:open', { path: '/a', extra: deep }],
      ['import:run', { paths: Array.from({ length: 10_001 }, (_, i) => `/exports/${i}.csv`) }],
      ['import:run', { paths: Array.from({ length: 1_000_000 }, () => 'relative.csv') }],
      ['import:run', { paths: [deepArray] }],
      ['case:settings', { customer: huge }],
      ['case:settings', { tz: huge }],
      ['report:get', { ...REPORT, tz: huge }],
      ['report:get', { ...REPORT, platforms: Array.from({ length: 100_000 }, () => 'Android') }],
      ['report:get', { ...REPORT, range: { kind: 'custom', from: huge, to: huge } }],
      ['attempts:list', { report: REPORT, query: { search: huge }, maskUsers: true }],
      ['annotations:add', { date: '2025-06-02', text: huge }],
      ['export:save', { kind: huge, report: REPORT, maskUsers: true }],
      ['session:get', deep],
      ['session:get', huge],
    ];
    for (const [channel, arg] of oversized) {
      const started = performance.now();
      const result = await invoke(channel, arg, trustedFor(channel));
      expect(performance.now() - started, channel).toBeLessThan(2000);
      expectWellFormed(result);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    expect(calls).toEqual([]);
  });

  it('a sender other than the app window on its own URL never reaches a handler', async () => {
    const { invoke, calls } = recordingInvoker();
    const windowKind = fc.constantFrom<SenderWindow>('app', 'print', null);
    const sender = fc.oneof(
      fc.record({ url: fc.webUrl(), window: windowKind }),
      fc.record({
        url: fc.constantFrom(
          `${APP}/../../evil.html`,
          `${APP}x`,
          APP.toUpperCase(),
          'file:///tmp/index.html',
          '',
          'about:blank',
        ),
        window: windowKind,
      }),
      fc.constant({ url: APP, window: null }),
    );
    await fc.assert(
      fc.asyncProperty(knownChannel, sender, async (channel, from) => {
        const result = await invoke(channel, VALID[channel], from);
        expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      }),
      { numRuns: RUNS },
    );
    expect(calls).toEqual([]);
  });
});

describe('IPC fuzz: handlers that throw', () => {
  const thrown = fc.oneof(
    cloneable,
    fc.string().map((m) => new Error(`${m}\n    at handler (/src/x.ts:1:1)\n${m}`)),
    fc
      .record({ code: fc.constantFrom(...CODES), message: fc.string() })
      .map((e) => new HandlerError(e.code, e.message)),
    fc.constant(Object.create(null) as unknown),
    fc.constant({
      toString() {
        throw new Error('no string for you');
      },
    }),
    fc.constant(
      Object.defineProperty(new Error('x'), 'message', {
        get() {
          throw new Error('no message either');
        },
      }),
    ),
    fc.string({ minLength: 10_000, maxLength: 20_000 }).map((s) => new Error(s)),
  );

  it('whatever a handler throws becomes a typed, one-line error; nothing is thrown across', async () => {
    await fc.assert(
      fc.asyncProperty(thrown, fc.boolean(), async (error, async) => {
        const handlers = Object.fromEntries(
          INVOKE_CHANNELS.map((channel) => [
            channel,
            async
              ? () => Promise.reject(error)
              : () => {
                  throw error;
                },
          ]),
        ) as unknown as Handlers;
        const invoke = createInvoker(handlers, {
          isTrustedUrl: () => true,
          classify: (e) => (e instanceof RangeError ? 'bad-filter' : undefined),
          log: () => undefined,
        });
        const result = await invoke('session:get', undefined, trusted);
        expectWellFormed(result);
        expect(result.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('IPC fuzz: afterwards', () => {
  it('no prototype was polluted', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(Object.keys(Array.prototype)).toEqual([]);
  });
});
