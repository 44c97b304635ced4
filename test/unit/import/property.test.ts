/**
 * Property: random valid event rows, written as CSV (random delimiter, quoting and line breaks) or
 * as NDJSON, come back from readInput exactly, with their line numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Delimiter } from '../../../src-main/import/csv-dialect';
import { readText, useTempDir, type FlatRow } from './helpers';
import { FIRST_TIME_MS, LAST_TIME_MS } from '../../../src-main/import/times';

const dir = useTempDir();
let fileNo = 0;

const PLATFORMS: [string, string][] = [
  ['iOS', 'iOS/iPadOS'],
  ['ipados', 'iOS/iPadOS'],
  ['iPhone', 'iOS/iPadOS'],
  ['Android', 'Android'],
  ['androidEnterprise', 'Android'],
  ['Android (device administrator)', 'Android'],
];
const EVENTS: [string, string][] = [
  ['start', 'start'],
  ['step', 'step'],
  ['Cancel', 'cancel'],
  ['postpone', 'postpone'],
  ['decline all', 'declineall'],
  ['app_closed', 'appclosed'],
  ['Completed', 'complete'],
];
const ACTIONS = ['EnrollmentWrapUp', 'iOSProfileLaunch', 'TermsOfUse', 'compliance', 'Activation'];
const NORMAL_ACTION: Record<string, string> = {
  EnrollmentWrapUp: 'EnrollmentWrapUp',
  iOSProfileLaunch: 'iOSProfileLaunch',
  TermsOfUse: 'TermsofUse',
  compliance: 'Compliance',
  Activation: 'Activation',
};

/** Text with the characters that make CSV hard, never blank at either end (fields are trimmed). */
const tricky = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r\n', ' ', 'é', '€', '𝄞', '\\', "'"),
      fc.string({ unit: 'grapheme-ascii', maxLength: 3 }),
    ),
    maxLength: 12,
  })
  .map((s) => s.trim());

const OFFSETS = ['Z', '+00:00', '+05:30', '-08:00', '+14:00', '-03:30', '+0100', ''];
const timeText = fc
  .record({
    ms: fc.integer({ min: FIRST_TIME_MS, max: LAST_TIME_MS }),
    form: fc.integer({ min: 0, max: OFFSETS.length }),
  })
  .map(({ ms, form }) => {
    if (form === OFFSETS.length) return { text: String(ms), ms };
    const zone = OFFSETS[form]!;
    const sign = zone.startsWith('-') ? -1 : 1;
    const minutes = zone === 'Z' || zone === '' ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 23);
    return { text: local + zone, ms };
  });

const eventRow = fc
  .record({
    time: timeText,
    user: tricky.filter((s) => s !== ''),
    device: tricky,
    platform: fc.constantFrom(...PLATFORMS),
    event: fc.constantFrom(...EVENTS),
    action: fc.constantFrom('', ...ACTIONS),
    screen: tricky,
  })
  .filter((r) => !(r.event[1] === 'step' && r.action === ''));
type EventRow = typeof eventRow extends fc.Arbitrary<infer T> ? T : never;

const expected = (r: EventRow, line: number): FlatRow => ({
  line,
  time: new Date(r.time.ms).toISOString(),
  user: r.user,
  device: r.device,
  platform: r.platform[1],
  event: r.event[1],
  action: r.action === '' ? '' : NORMAL_ACTION[r.action]!,
  screen: r.screen,
});

function cell(value: string, delimiter: Delimiter, quoting: 'always' | 'minimal' | 'bare'): string {
  const special = value.includes(delimiter) || value.includes('\n') || value.includes('\r');
  const quote =
    quoting === 'always' || special || (quoting === 'minimal' ? value.includes('"') : value.startsWith('"'));
  return quote ? `"${value.replaceAll('"', '""')}"` : value;
}

describe('property: rows survive a round trip', () => {
  it('CSV with a random delimiter, quoting and line break', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventRow, { minLength: 1, maxLength: 25 }),
        fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
        fc.constantFrom<'always' | 'minimal' | 'bare'>('always', 'minimal', 'bare'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (rows, delimiter, quoting, eol, bom) => {
          const header = ['time', 'user', 'deviceId', 'platform', 'event', 'actionName', 'screen']
            .map((h) => cell(h, delimiter, quoting))
            .join(delimiter);
          let text = `${bom ? '\uFEFF' : ''}${header}${eol}`;
          let line = 2;
          const want: FlatRow[] = [];
          for (const r of rows) {
            const written = [r.time.text, r.user, r.device, r.platform[0], r.event[0], r.action, r.screen]
              .map((v) => cell(v, delimiter, quoting))
              .join(delimiter);
            want.push(expected(r, line));
            line += 1 + (written.match(/\n/g)?.length ?? 0);
            text += written + eol;
          }
          const result = await readText(dir, `p${fileNo++}.csv`, text);
          expect(result.rows).toEqual(want);
          expect(result.rowsRead).toBe(rows.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('NDJSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventRow, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (rows, numericTimes) => {
          const text = rows
            .map((r) =>
              JSON.stringify({
                timestamp: numericTimes ? r.time.ms : r.time.text,
                upn: r.user,
                deviceName: r.device,
                os: r.platform[0],
                eventType: r.event[0],
                action: r.action,
                screenOrFlow: r.screen,
              }),
            )
            .join('\n');
          const result = await readText(dir, `p${fileNo++}.ndjson`, text);
          expect(result.rows).toEqual(rows.map((r, i) => expected(r, i + 1)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
