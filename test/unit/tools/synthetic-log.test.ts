import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ACTION_NAMES,
  EVENT_TYPES,
  SECTIONS,
  SECTION_OF_ACTION,
  USER_ACTIONS,
  parseEventType,
} from '../../../src-main/shared/taxonomy';
import {
  CSV_COLUMNS,
  syntheticAttempts,
  syntheticEvents,
  writeSyntheticLog,
  type SyntheticEvent,
  type SyntheticOptions,
} from '../../../src-main/tools/synthetic-log';
import { runSyntheticCli } from '../../../src-main/tools/synthetic-cli';
import { sessionize, validate, type BadReason, type ValidRow } from './reference-sessionize';

const dir = mkdtempSync(join(tmpdir(), 'enrollscope-synthetic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: SyntheticOptions = { seed: 42, events: 20_000, days: 21, endDay: '2025-06-30' };
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function classify(rows: Iterable<SyntheticEvent>): { valid: ValidRow[]; bad: Map<BadReason, number> } {
  const valid: ValidRow[] = [];
  const bad = new Map<BadReason, number>();
  let line = 1;
  for (const row of rows) {
    const result = validate(row, ++line);
    if (typeof result === 'string') bad.set(result, (bad.get(result) ?? 0) + 1);
    else valid.push(result);
  }
  return { valid, bad };
}

const key = (a: {
  user?: string;
  userId?: string;
  platform: string;
  startMs: number;
  lastMs: number;
  outcome: string;
  actionName: string | null;
  userAction: string | null;
  screen: string;
}): string =>
  [a.user ?? a.userId, a.platform, a.startMs, a.lastMs, a.outcome, a.actionName, a.userAction, a.screen].join('|');

describe('synthetic event log', () => {
  it('is deterministic: same seed, same bytes; another seed, other bytes', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const c = join(dir, 'c.csv');
    const first = await writeSyntheticLog(a, { ...base, badRowRate: 0.02 });
    const second = await writeSyntheticLog(b, { ...base, badRowRate: 0.02 });
    await writeSyntheticLog(c, { ...base, seed: 43, badRowRate: 0.02 });
    expect(second).toEqual(first);
    expect(sha256(b)).toBe(sha256(a));
    expect(sha256(c)).not.toBe(sha256(a));
    expect(statSync(a).size).toBe(first.bytes);

    const n1 = join(dir, 'a.ndjson');
    const n2 = join(dir, 'b.ndjson');
    await writeSyntheticLog(n1, { ...base, format: 'ndjson' });
    await writeSyntheticLog(n2, { ...base, format: 'ndjson' });
    expect(sha256(n2)).toBe(sha256(n1));
  });

  it('stops at the first attempt boundary at or after the target, and counts what it wrote', async () => {
    for (const events of [1, 100, 20_000]) {
      const path = join(dir, `count-${events}.csv`);
      const counts = await writeSyntheticLog(path, { ...base, events });
      const rows = [...syntheticEvents({ ...base, events })];
      expect(counts).toMatchObject({ rows: rows.length, badRows: 0 });
      expect(rows.length).toBeGreaterThanOrEqual(events);
      expect(rows.length).toBeLessThan(events + 60);
      const text = readFileSync(path, 'utf8');
      expect(text.split('\n')).toHaveLength(rows.length + 2); // header + rows + the final ''
    }
    const none = await writeSyntheticLog(join(dir, 'none.csv'), { ...base, events: 0 });
    expect(none.rows).toBe(0);
    expect(readFileSync(join(dir, 'none.csv'), 'utf8')).toBe(`${CSV_COLUMNS.join(',')}\n`);
  });

  it('writes rows in global time order, users interleaved, inside the requested days', () => {
    const rows = [...syntheticEvents(base)];
    let previous = '';
    let userChanges = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      expect(row.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(row.timestamp >= previous).toBe(true);
      previous = row.timestamp;
      if (i > 0 && row.userId !== rows[i - 1]!.userId) userChanges++;
    }
    expect(rows[0]!.timestamp >= '2025-06-10T00:00:00.000Z').toBe(true);
    expect(rows.at(-1)!.timestamp < '2025-06-30T17:00:00.000Z').toBe(true);
    expect(rows.at(-1)!.timestamp > '2025-06-30T12:00:00.000Z').toBe(true);
    // Attempts overlap in time: the log is not user after user.
    const attempts = syntheticAttempts(base).length;
    expect(userChanges).toBeGreaterThan(attempts * 1.2);
    // Weekdays and daytime carry most starts.
    const starts = syntheticAttempts(base).map((a) => new Date(a.startMs));
    const weekday = starts.filter((d) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5).length / starts.length;
    const daytime = starts.filter((d) => d.getUTCHours() >= 7 && d.getUTCHours() < 19).length / starts.length;
    expect(weekday).toBeGreaterThan(0.85);
    expect(daytime).toBeGreaterThan(0.75);
  });

  it('covers every event type, every action name of every section, both platforms and every ending', () => {
    const rows = [...syntheticEvents(base)];
    const { valid, bad } = classify(rows);
    expect(bad.size).toBe(0);
    expect(new Set(valid.map((r) => r.event))).toEqual(new Set(EVENT_TYPES));
    expect(new Set(valid.map((r) => r.action).filter((a) => a !== undefined))).toEqual(new Set(ACTION_NAMES));
    expect(new Set(valid.map((r) => r.platform))).toEqual(new Set(['iOS/iPadOS', 'Android']));
    // Mixed spellings of platforms and events.
    expect(new Set(rows.map((r) => r.platform)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.map((r) => r.event)).size).toBeGreaterThan(EVENT_TYPES.length + 5);
    expect(rows.some((r) => r.screen === '' && r.event === 'step')).toBe(true);
    expect(rows.some((r) => r.screen.includes(','))).toBe(true);

    const truth = syntheticAttempts(base);
    const incomplete = truth.filter((a) => a.outcome === 'incomplete');
    expect(new Set(incomplete.map((a) => a.userAction))).toEqual(new Set(USER_ACTIONS));
    expect(new Set(incomplete.map((a) => a.section))).toEqual(new Set([...SECTIONS, null]));
    expect(new Set(incomplete.map((a) => a.actionName))).toEqual(new Set([...ACTION_NAMES, '(unknown)']));
    // Catalog paths the brief names.
    const has = (action: string, userAction: string, screen?: string): boolean =>
      incomplete.some(
        (a) => a.actionName === action && a.userAction === userAction && (screen === undefined || a.screen === screen),
      );
    expect(has('iOSProfileLaunch', 'Ignore', 'Prompt to show a configuration profile')).toBe(true);
    expect(has('TermsofUse', 'Decline All', 'Terms of use (if admin configured)')).toBe(true);
    expect(has('KnoxActivation', 'Cancel')).toBe(true);
    expect(has('Compliance', 'Postpone')).toBe(true);
    expect(has('EnrollmentWrapUp', 'Exceeded 30 minutes')).toBe(true);
    // Spec 4 paths: lone complete, attempts without start, restarts, timeouts followed by a later
    // event, retries the next day.
    expect(truth.some((a) => a.events === 1 && a.outcome === 'complete')).toBe(true);
    const firstRowOf = new Map<string, string>();
    for (const r of rows) firstRowOf.set(`${r.userId}|${r.timestamp}`, r.event);
    const firstEvents = new Set(
      truth.map((a) => parseEventType(firstRowOf.get(`${a.userId}|${new Date(a.startMs).toISOString()}`) ?? '')),
    );
    expect(firstEvents).toEqual(new Set(['start', 'step', 'complete']));
    const byGroup = new Map<string, typeof truth>();
    for (const a of truth) {
      const k = `${a.userId}|${a.platform}`;
      byGroup.set(k, [...(byGroup.get(k) ?? []), a]);
    }
    let restarts = 0;
    let timeoutsThenMore = 0;
    let nextDay = 0;
    for (const attempts of byGroup.values()) {
      attempts.sort((x, y) => x.startMs - y.startMs);
      for (let i = 1; i < attempts.length; i++) {
        const prev = attempts[i - 1]!;
        const cur = attempts[i]!;
        if (prev.userAction === 'Closed app' && cur.startMs - prev.lastMs <= 30 * 60_000) restarts++;
        if (prev.userAction === 'Exceeded 30 minutes') timeoutsThenMore++;
        if (
          prev.outcome === 'incomplete' &&
          Math.floor(cur.startMs / 86_400_000) === Math.floor(prev.startMs / 86_400_000) + 1
        )
          nextDay++;
      }
    }
    expect(restarts).toBeGreaterThan(10);
    expect(timeoutsThenMore).toBeGreaterThan(10);
    expect(nextDay).toBeGreaterThan(10);
  });

  it('leaves attempts in progress at the end of the data', () => {
    const truth = syntheticAttempts(base);
    expect(truth.some((a) => a.outcome === 'in progress')).toBe(true);
  });

  it('is read by spec section 4 exactly as the generator meant it', () => {
    for (const options of [
      base,
      { ...base, seed: 7, events: 30_000, days: 5, users: 300 },
      { ...base, seed: 9, events: 3000, users: 3 },
    ]) {
      const { valid } = classify(syntheticEvents({ ...options, badRowRate: 0.05 }));
      const derived = sessionize(valid).map(key).sort();
      const truth = syntheticAttempts(options).map(key).sort();
      expect(derived.length).toBe(truth.length);
      expect(derived).toEqual(truth);
    }
  });

  it('adds bad rows of every kind at the requested rate, without changing the good rows', () => {
    const rate = 0.05;
    const rows = [...syntheticEvents({ ...base, badRowRate: rate })];
    const { valid, bad } = classify(rows);
    const badCount = [...bad.values()].reduce((s, n) => s + n, 0);
    expect(new Set(bad.keys())).toEqual(
      new Set<BadReason>(['time', 'user', 'platform', 'event', 'action', 'step without action']),
    );
    expect(badCount / valid.length).toBeGreaterThan(rate * 0.85);
    expect(badCount / valid.length).toBeLessThan(rate * 1.15);
    const clean = [...syntheticEvents(base)];
    const good = rows.filter((r) => typeof validate(r, 0) !== 'string');
    expect(good).toEqual(clean);
  });

  it('reports its bad rows in the counts', async () => {
    const counts = await writeSyntheticLog(join(dir, 'bad.csv'), { ...base, badRowRate: 0.1 });
    const { bad } = classify(syntheticEvents({ ...base, badRowRate: 0.1 }));
    expect(counts.badRows).toBe([...bad.values()].reduce((s, n) => s + n, 0));
  });

  it.each([',', ';', '\t', '|'] as const)(
    'writes RFC 4180 CSV (delimiter %j) that parses back to the same records',
    async (delimiter) => {
      const options: SyntheticOptions = { ...base, events: 5000, badRowRate: 0.05, delimiter };
      const path = join(dir, `parse-${delimiter.charCodeAt(0)}.csv`);
      await writeSyntheticLog(path, options);
      const text = readFileSync(path, 'utf8');
      expect(text.split('\n', 1)[0]).toBe(CSV_COLUMNS.join(delimiter));
      const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data).toEqual([...syntheticEvents(options)]);
      // Quoting happened where needed (a screen with a comma, an action name with quotes).
      if (delimiter === ',') expect(text).toContain('"Checking device settings, this can take a few minutes"');
      expect(text).toContain('"Enroll, ""beta"""');
    },
  );

  it('writes NDJSON with the same records', async () => {
    const options: SyntheticOptions = { ...base, events: 5000, badRowRate: 0.05, format: 'ndjson' };
    const path = join(dir, 'parse.ndjson');
    const counts = await writeSyntheticLog(path, options);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(counts.rows);
    const records = lines.map((line) => JSON.parse(line) as SyntheticEvent);
    expect(records).toEqual([...syntheticEvents(options)]);
    expect(Object.keys(records[0]!)).toEqual([...CSV_COLUMNS]);
  });

  it('completes about two attempts in three; the rest spread over every section', () => {
    const truth = syntheticAttempts({ ...base, events: 100_000, days: 30 });
    const complete = truth.filter((a) => a.outcome === 'complete').length / truth.length;
    expect(complete).toBeGreaterThan(0.6);
    expect(complete).toBeLessThan(0.7);
    const incomplete = truth.filter((a) => a.outcome === 'incomplete');
    for (const section of SECTIONS) {
      const share = incomplete.filter((a) => a.section === section).length / incomplete.length;
      expect(share).toBeGreaterThan(0.08);
    }
    // Every section action is represented by its own section.
    for (const a of incomplete)
      if (a.section !== null) expect(SECTION_OF_ACTION[a.actionName as (typeof ACTION_NAMES)[number]]).toBe(a.section);
  });

  it('refuses bad options', () => {
    const run = (o: Partial<SyntheticOptions>): unknown => syntheticEvents({ ...base, ...o }).next();
    expect(() => run({ endDay: '2025-02-30' })).toThrow(/endDay/);
    expect(() => run({ days: 0 })).toThrow(/days/);
    expect(() => run({ events: -1 })).toThrow(/events/);
    expect(() => run({ seed: NaN })).toThrow(/seed/);
    expect(() => run({ users: 0 })).toThrow(/users/);
    expect(() => run({ badRowRate: -0.1 })).toThrow(/badRowRate/);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeSyntheticLog(join(dir, 'missing', 'x.csv'), base)).rejects.toThrow(/ENOENT/);
  });

  it('has a command line that writes the same file', async () => {
    const path = join(dir, 'cli.csv');
    const line = await runSyntheticCli([path, '--events', '2000', '--seed', '5', '--days', '7', '--delimiter', 'tab']);
    const report = JSON.parse(line) as { rows: number };
    const same = join(dir, 'cli-api.csv');
    const counts = await writeSyntheticLog(same, {
      seed: 5,
      events: 2000,
      days: 7,
      endDay: '2025-06-30',
      delimiter: '\t',
    });
    expect(report.rows).toBe(counts.rows);
    expect(sha256(path)).toBe(sha256(same));
    await expect(runSyntheticCli([path, '--events', 'many'])).rejects.toThrow(/--events/);
    await expect(runSyntheticCli([])).rejects.toThrow(/usage/);
  });

  it('generates and writes 1M events quickly', async () => {
    const path = join(dir, 'speed.csv');
    const started = performance.now();
    const counts = await writeSyntheticLog(path, { seed: 1, events: 1_000_000, days: 30, endDay: '2025-06-30' });
    const seconds = (performance.now() - started) / 1000;
    const perSecond = Math.round(counts.rows / seconds);
    console.log(
      `synthetic log: ${counts.rows} rows, ${(counts.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s (${perSecond} rows/s)`,
    );
    expect(counts.rows).toBeGreaterThanOrEqual(1_000_000);
    expect(perSecond).toBeGreaterThan(100_000);
    rmSync(path);
  });
});
