import { describe, expect, it } from 'vitest';
import { readText, refusalOf, useTempDir } from './helpers';

const dir = useTempDir();
const ev = (over: Record<string, unknown> = {}) => ({
  time: '2025-06-01T10:00:00Z',
  user: 'alice',
  device: 'd1',
  platform: 'iOS',
  event: 'step',
  actionName: 'Compliance',
  screen: 's',
  ...over,
});
const EXPECTED = {
  time: '2025-06-01T10:00:00.000Z',
  user: 'alice',
  device: 'd1',
  platform: 'iOS/iPadOS',
  event: 'step',
  action: 'Compliance',
  screen: 's',
};

describe('NDJSON', () => {
  it('one object per line, blank lines passed over, line numbers physical', async () => {
    const text = [
      JSON.stringify(ev()),
      '',
      JSON.stringify(ev({ user: 'bob', time: 1748772000000 })),
      '   ',
      JSON.stringify(ev({ user: 'carol' })),
    ].join('\r\n');
    const result = await readText(dir, 'events.ndjson', text);
    expect(result.format).toBe('event-log/ndjson');
    expect(result.rows).toEqual([
      { ...EXPECTED, line: 1 },
      { ...EXPECTED, line: 3, user: 'bob', time: '2025-06-01T10:00:00.000Z' },
      { ...EXPECTED, line: 5, user: 'carol' },
    ]);
  });

  it('a line that is not JSON, or not an object, is an unreadable row with its line', async () => {
    const text = [
      JSON.stringify(ev()),
      '{"time": "2025-06-01T10:00:00Z", "user": ',
      '[1,2]',
      'null',
      JSON.stringify(ev({ user: 'bob' })),
    ].join('\n');
    const result = await readText(dir, 'bad-lines.ndjson', `${text}\n`);
    expect(result.rows.map((r) => [r.line, r.user])).toEqual([
      [1, 'alice'],
      [5, 'bob'],
    ]);
    expect(result.skipped).toEqual({ 'unreadable row': 3 });
    expect(result.examples.map((e) => [e.line, e.detail])).toEqual([
      [2, 'not valid JSON: {"time": "2025-06-01T10:00:00Z", "user":'],
      [3, 'a JSON array, not an object'],
      [4, 'null, not an object'],
    ]);
    expect(result.rowsRead).toBe(5);
  });

  it('a first line that is not JSON means the file is not NDJSON', async () => {
    const path = await dir.write('not-ndjson.json', `{"time": "2025-06-01T10:00:00Z",\n${JSON.stringify(ev())}\n`);
    expect((await refusalOf(path)).reason).toMatch(/^invalid JSON at line 2, column 1/);
  });

  it('rows may differ in their keys; each row uses the best synonym it has', async () => {
    const text = [
      JSON.stringify({ timestamp: '2025-06-01T10:00:00Z', upn: 'alice', os: 'android', type: 'start' }),
      JSON.stringify({
        time: '2025-06-01T11:00:00Z',
        userId: 'bob',
        platform: 'ios',
        event: 'complete',
        deviceName: 'iPad',
      }),
      JSON.stringify({
        time: '2025-06-01T12:00:00Z',
        timestamp: '2025-06-01T12:30:00Z',
        userName: 'carol',
        userId: 'c-id',
        platform: 'ios',
        event: 'start',
      }),
    ].join('\n');
    const result = await readText(dir, 'mixed-keys.ndjson', text);
    expect(result.rows.map((r) => [r.time, r.user, r.platform, r.event, r.device])).toEqual([
      ['2025-06-01T10:00:00.000Z', 'alice', 'Android', 'start', ''],
      ['2025-06-01T11:00:00.000Z', 'bob', 'iOS/iPadOS', 'complete', 'iPad'],
      ['2025-06-01T12:30:00.000Z', 'c-id', 'iOS/iPadOS', 'start', ''],
    ]);
  });

  it('a single-line file holding one row object is NDJSON', async () => {
    const result = await readText(dir, 'one.ndjson', JSON.stringify(ev()));
    expect(result.format).toBe('event-log/ndjson');
    expect(result.rows).toHaveLength(1);
  });

  it('numbers, booleans and nested values in fields', async () => {
    const text = [
      JSON.stringify(ev({ user: 12345, device: { id: 'x' }, screen: null, actionName: ['Compliance'] })),
    ].join('\n');
    const result = await readText(dir, 'typed.ndjson', text);
    expect(result.rows).toEqual([]);
    expect(result.examples[0]).toMatchObject({ line: 1, reason: 'step without action name' });
    const ok = await readText(
      dir,
      'typed-ok.ndjson',
      JSON.stringify(ev({ user: 12345, device: { id: 'x' }, screen: null })),
    );
    expect(ok.rows[0]).toMatchObject({ user: '12345', device: '', screen: '' });
  });
});

describe('JSON array', () => {
  it('an array of row objects; `line` is the position in the array', async () => {
    const result = await readText(dir, 'events.json', JSON.stringify([ev(), 7, ev({ user: 'bob' })], null, 2));
    expect(result.format).toBe('event-log/json');
    expect(result.rows.map((r) => [r.line, r.user])).toEqual([
      [1, 'alice'],
      [3, 'bob'],
    ]);
    expect(result.examples).toEqual([{ line: 2, reason: 'unreadable row', detail: 'a JSON number, not an object' }]);
  });

  it('an empty array, or one without objects, is refused', async () => {
    expect((await refusalOf(await dir.write('empty-array.json', '[]'))).reason).toBe(
      'an empty JSON list (no rows, no columns)',
    );
    expect((await refusalOf(await dir.write('numbers.json', '[1, 2, 3]'))).reason).toBe(
      'a JSON list without objects, not an enrollment file',
    );
  });

  it('__proto__ and constructor keys are plain column names and pollute nothing', async () => {
    const text = `[{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "time": "2025-06-01T10:00:00Z", "user": "alice", "platform": "ios", "event": "start", "toString": "x"}]`;
    const result = await readText(dir, 'proto.json', text);
    expect(result.rows[0]).toMatchObject({ user: 'alice', event: 'start' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const nd = await readText(
      dir,
      'proto.ndjson',
      `{"__proto__": {"polluted": "yes"}, "time": "2025-06-01T10:00:00Z", "user": "bob", "platform": "ios", "event": "start"}\n`,
    );
    expect(nd.rows[0]).toMatchObject({ user: 'bob' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('deep nesting (200,000 levels) does not crash: the file is refused or the value ignored', async () => {
    const depth = 200_000;
    const deepArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect((await refusalOf(await dir.write('deep.json', deepArray))).reason).toBe(
      'a JSON list without objects, not an enrollment file',
    );
    const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect((await refusalOf(await dir.write('deep-object.json', deepObject))).reason).toMatch(
      /neither an Intune report/,
    );
    const inRow = `[{"time": "2025-06-01T10:00:00Z", "user": "alice", "platform": "ios", "event": "start", "screen": ${deepArray}}]`;
    const result = await readText(dir, 'deep-in-row.json', inRow);
    expect(result.rows[0]).toMatchObject({ user: 'alice', screen: '' });
    const badRow = `[{"time": ${deepArray}, "user": "alice", "platform": "ios", "event": "start"}]`;
    const bad = await readText(dir, 'deep-time.json', badRow);
    expect(bad.examples).toEqual([{ line: 1, reason: 'bad time', detail: '(an array)' }]);
  });

  it('truncated JSON is refused with where it ends', async () => {
    const full = JSON.stringify([ev(), ev({ user: 'bob' })], null, 2);
    const cut = full.slice(0, full.indexOf('bob') + 2);
    const lines = cut.split('\n').length;
    expect((await refusalOf(await dir.write('truncated.json', cut))).reason).toMatch(
      new RegExp(`^truncated JSON \\(ends at line ${lines}, column \\d+\\)$`),
    );
    expect((await refusalOf(await dir.write('truncated2.json', '[{"time": 1}, {"time": 2}'))).reason).toMatch(
      /^truncated JSON/,
    );
    expect(
      (await refusalOf(await dir.write('truncated3.json', '{"Schema": [{"Column": "time"}], "Values": [[1'))).reason,
    ).toMatch(/^truncated JSON/);
  });

  it('invalid JSON in the middle is refused with its line and column', async () => {
    const refusal = await refusalOf(await dir.write('invalid.json', '[\n  {"time": 1},\n  {"time": 2,,}\n]'));
    expect(refusal.reason).toMatch(/^invalid JSON at line 3, column 14/);
    expect(refusal.message).toBe(`invalid.json: ${refusal.reason}`);
    expect(refusal.message).not.toContain('\n');
  });

  it('a JSON document over maxJsonBytes is refused before it is read', async () => {
    const path = await dir.write('big.json', JSON.stringify(Array.from({ length: 200 }, () => ev())));
    expect((await refusalOf(path, { limits: { maxJsonBytes: 4096 } })).reason).toBe(
      'a JSON document over 4 KiB: export it as CSV or NDJSON, which are read as a stream',
    );
  });
});

describe('Intune reporting envelope', () => {
  it('reads Schema/Values rows; X is used when it maps to a known value, else X_loc', async () => {
    const envelope = {
      TotalRowCount: 4,
      Schema: [
        { Column: 'AbandonmentDateTime', PropertyType: 'DateTime' },
        { Column: 'UPN', PropertyType: 'String' },
        { Column: 'DeviceName', PropertyType: 'String' },
        { Column: 'Platform', PropertyType: 'Int32' },
        { Column: 'Platform_loc', PropertyType: 'String' },
        { Column: 'ActionName', PropertyType: 'String' },
        { Column: 'ActionName_loc', PropertyType: 'String' },
        { Column: 'Screen', PropertyType: 'String' },
        { Column: 'Screen_loc', PropertyType: 'String' },
        { Column: 'UserAction', PropertyType: 'Int32' },
        { Column: 'UserAction_loc', PropertyType: 'String' },
        { Column: 'Section', PropertyType: 'String' },
      ],
      Values: [
        [
          '2025-06-01T10:00:00Z',
          'alice',
          'iPhone 15',
          1,
          'iOS/iPadOS',
          'iOSProfileLaunch',
          'iOS profile launch',
          '',
          'Installing profile screen',
          2,
          'Cancel',
          'Terms of Use',
        ],
        [
          '2025-06-01T11:00:00Z',
          'bob',
          'Pixel',
          'Android',
          'Android (label)',
          7,
          'TermsOfUse',
          'Terms screen',
          'ignored label',
          'Decline All',
          'x',
          '',
        ],
        ['2025-06-01T12:00:00Z', 'carol', '', 3, 'Windows', 'Compliance', '', '', '', 'Postpone', '', ''],
        ['2025-06-01T13:00:00Z', 'dave', '', 1, 'iOS', '', '', '', '', 9, 'Frobnicate', ''],
      ],
    };
    const result = await readText(dir, 'envelope.json', JSON.stringify(envelope));
    expect(result.format).toBe('details/envelope');
    expect(result.rows).toEqual([
      {
        line: 1,
        time: '2025-06-01T10:00:00.000Z',
        user: 'alice',
        device: 'iPhone 15',
        platform: 'iOS/iPadOS',
        action: 'iOSProfileLaunch',
        userAction: 'Cancel',
        screen: 'Installing profile screen',
      },
      {
        line: 2,
        time: '2025-06-01T11:00:00.000Z',
        user: 'bob',
        device: 'Pixel',
        platform: 'Android',
        action: 'TermsofUse',
        userAction: 'Decline All',
        screen: 'Terms screen',
      },
    ]);
    expect(result.examples).toEqual([
      { line: 3, reason: 'unknown platform', detail: '3 (Windows)' },
      { line: 4, reason: 'unknown user action', detail: '9 (Frobnicate)' },
    ]);
    expect(result.notes).toEqual([]);
  });

  it('an event-log envelope, numeric epoch times, and a TotalRowCount that does not match', async () => {
    const envelope = {
      TotalRowCount: 10,
      Schema: [
        { Column: 'Timestamp' },
        { Column: 'UserId' },
        { Column: 'OS' },
        { Column: 'EventType' },
        { Column: 'EventType_loc' },
        { Column: 'ActionName' },
      ],
      Values: [
        [1748772000000, 'u1', 'iOS', 'start', 'Start', null],
        [1748772060000, 'u1', 'iOS', 4, 'Postpone', 'PreEnrollmentWizard'],
        'not a row',
      ],
    };
    const result = await readText(dir, 'envelope-events.json', JSON.stringify(envelope));
    expect(result.format).toBe('event-log/envelope');
    expect(result.rows.map((r) => [r.time, r.event, r.action])).toEqual([
      ['2025-06-01T10:00:00.000Z', 'start', ''],
      ['2025-06-01T10:01:00.000Z', 'postpone', 'PreEnrollmentWizard'],
    ]);
    expect(result.examples).toEqual([
      { line: 3, reason: 'unreadable row', detail: 'a JSON string, not a list of values' },
    ]);
    expect(result.notes).toEqual([
      'TotalRowCount says 10 rows but the file holds 3: the export may be one page of a larger report',
    ]);
  });

  it('a summary envelope with an empty Values list has 0 rows', async () => {
    const result = await readText(
      dir,
      'envelope-empty.json',
      JSON.stringify({ TotalRowCount: 0, Schema: [{ Column: 'Date' }, { Column: 'InitiatedCount' }], Values: [] }),
    );
    expect(result.format).toBe('summary/envelope');
    expect(result.rowsRead).toBe(0);
  });

  it('an envelope without Values, or another object, is refused', async () => {
    expect((await refusalOf(await dir.write('env-bad.json', '{"Schema": [{"Column": "time"}]}'))).reason).toBe(
      'an Intune report envelope without a Schema list and a Values list',
    );
    // On one line, an object is an NDJSON row; pretty-printed, a document.
    expect((await refusalOf(await dir.write('other-line.json', '{"name": "not a report"}'))).reason).toBe(
      'not an enrollment file (no event, initiated or userAction column)',
    );
    expect((await refusalOf(await dir.write('other.json', '{\n  "name": "not a report"\n}'))).reason).toBe(
      'a JSON object that is neither an Intune report (Schema/Values) nor a Graph response (value)',
    );
  });
});

describe('Graph {"value": [...]}', () => {
  it('reads enrollmentTroubleshootingEvent objects as failures', async () => {
    const graph = {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#deviceManagement/troubleshootingEvents',
      '@odata.nextLink': 'https://graph.microsoft.com/beta/deviceManagement/troubleshootingEvents?$skiptoken=x',
      value: [
        {
          '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent',
          id: 'e1',
          eventDateTime: '2025-06-01T10:00:00Z',
          correlationId: 'c1',
          managedDeviceIdentifier: 'md1',
          operatingSystem: 'iOS',
          osVersion: '17.5',
          userId: 'u1',
          deviceId: null, // null is no value: the next synonym (managedDeviceIdentifier) is used
          enrollmentType: 'userEnrollment',
          failureCategory: 'userAbandonment',
          failureReason: 'User abandoned enrollment',
        },
        { id: 'e2', eventDateTime: 'not a date', failureCategory: 'clientDisconnected' },
      ],
    };
    const result = await readText(dir, 'graph.json', JSON.stringify(graph));
    expect(result.format).toBe('failures/json');
    expect(result.rows).toEqual([
      {
        line: 1,
        id: 'e1',
        time: '2025-06-01T10:00:00.000Z',
        user: 'u1',
        device: 'md1',
        os: 'iOS',
        osVersion: '17.5',
        method: 'userEnrollment',
        category: 'userAbandonment',
        reason: 'User abandoned enrollment',
        details: '',
      },
    ]);
    expect(result.examples).toEqual([{ line: 2, reason: 'bad time', detail: 'not a date' }]);
    expect(result.notes).toEqual(['the Graph response has more pages (@odata.nextLink): only this page was imported']);
  });

  it('a single-line Graph response is a document, not NDJSON', async () => {
    const result = await readText(
      dir,
      'graph-line.json',
      JSON.stringify({ value: [{ time: '2025-06-01T10:00:00Z', user: 'a', platform: 'ios', event: 'start' }] }),
    );
    expect(result.format).toBe('event-log/json');
  });
});
