/**
 * Times outside 2000-01-01..2100-12-31 are skipped as "time out of range" (with their lines) in
 * every kind of file; epoch seconds, microseconds and nanoseconds are read by magnitude. A case
 * holding such a file still reports (one event in the year 10000 used to stop every report).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { EVENT_HEADER, readText, useTempDir } from './helpers';

const dir = useTempDir();

const EVENT_ROWS = [
  /* 2 */ '2025-06-01T10:00:00Z,alice,d1,iOS,start,,',
  /* 3 */ '9999-12-31T23:00:00-05:00,alice,d1,iOS,start,,', // the year 10000 in UTC
  /* 4 */ '1999-12-31T23:59:59Z,alice,d1,iOS,start,,',
  /* 5 */ '1748772060,bob,d2,Android,start,,', // epoch seconds
  /* 6 */ '1748772120000000,bob,d2,Android,step,TermsofUse,', // epoch microseconds
  /* 7 */ '1748772180000000000,bob,d2,Android,complete,,', // epoch nanoseconds
  /* 8 */ '253402300800000,carol,d3,iOS,start,,', // milliseconds of the year 10000
  /* 9 */ '0,carol,d3,iOS,start,,',
  /* 10 */ '2101-01-01,carol,d3,iOS,start,,',
  /* 11 */ '2100-12-31T23:59:59.999Z,carol,d3,iOS,start,,',
];

describe('the accepted time range', () => {
  it('event-log rows: out-of-range times skipped with their lines, epoch units by magnitude', async () => {
    const result = await readText(dir, 'range.csv', `${EVENT_HEADER}\n${EVENT_ROWS.join('\n')}\n`);
    expect(result.rows.map((r) => [r.line, r.time])).toEqual([
      [2, '2025-06-01T10:00:00.000Z'],
      [5, '2025-06-01T10:01:00.000Z'],
      [6, '2025-06-01T10:02:00.000Z'],
      [7, '2025-06-01T10:03:00.000Z'],
      [11, '2100-12-31T23:59:59.999Z'],
    ]);
    expect(result.skipped).toEqual({ 'time out of range': 5 });
    expect(result.examples.map((e) => [e.line, e.reason, e.detail])).toEqual([
      [3, 'time out of range', '9999-12-31T23:00:00-05:00'],
      [4, 'time out of range', '1999-12-31T23:59:59Z'],
      [8, 'time out of range', '253402300800000'],
      [9, 'time out of range', '0'],
      [10, 'time out of range', '2101-01-01'],
    ]);
  });

  it('JSON numbers, details rows, summary dates', async () => {
    const nd = [
      { time: 1748772000, user: 'a', platform: 'iOS', event: 'start' },
      { time: 253402300800000, user: 'a', platform: 'iOS', event: 'start' },
      { time: 1748772000000000, user: 'a', platform: 'iOS', event: 'complete' },
    ];
    const events = await readText(dir, 'range.ndjson', nd.map((r) => JSON.stringify(r)).join('\n'));
    expect(events.rows.map((r) => [r.line, r.time])).toEqual([
      [1, '2025-06-01T10:00:00.000Z'],
      [3, '2025-06-01T10:00:00.000Z'],
    ]);
    expect(events.skipped).toEqual({ 'time out of range': 1 });

    const details = await readText(
      dir,
      'range-details.csv',
      'AbandonmentDateTime,UPN,DeviceName,OS,ActionName,UserAction\n' +
        '2025-06-01T10:00:00Z,alice,d1,iOS,TermsofUse,Cancel\n' +
        '10000-01-01T00:00:00Z,alice,d1,iOS,TermsofUse,Cancel\n' +
        '3000-01-01T00:00:00Z,alice,d1,iOS,TermsofUse,Cancel\n',
    );
    expect(details.rows.map((r) => r.line)).toEqual([2]);
    expect(details.skipped).toEqual({ 'bad time': 1, 'time out of range': 1 });

    const summary = await readText(
      dir,
      'range-summary.csv',
      'Date,Platform,Initiated Enrollments,Incomplete Enrollments\n' +
        '2025-06-01,iOS,120,45\n1999-12-31,iOS,1,1\n2101-01-01,iOS,1,1\n2101-01-01T00:00:00Z,iOS,1,1\n',
    );
    expect(summary.rows.map((r) => r.line)).toEqual([2]);
    expect(summary.examples.map((e) => [e.line, e.reason])).toEqual([
      [3, 'time out of range'],
      [4, 'time out of range'],
      [5, 'time out of range'],
    ]);
  });

  it('a file with an event in the year 10000 imports, and every report of the case works', async () => {
    const file = join(dir.path('range.csv'));
    const caseFile = dir.path('range.enrollscope');
    const json = runCli(['report', file, '--db', caseFile, '--format', 'json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      range: { from: string; to: string };
      imports: { skipped: Record<string, number> }[];
    };
    expect(report.imports[0]!.skipped).toEqual({ 'time out of range': 5 });
    expect(report.range.to <= '2100-12-31').toBe(true);
    for (const format of ['text', 'csv']) {
      const again = runCli(['report', '--db', caseFile, '--format', format]);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
    }
  });
});
