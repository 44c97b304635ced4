import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { sniffDialect } from '../../../src-main/import/csv-dialect';
import { StreamDecoder } from '../../../src-main/import/text-decoder';
import { PIECE_BYTES } from '../../../src-main/import/text-pieces';
import { InputRefused } from '../../../src-main/import/read-input';
import { EVENT_HEADER, readOne, readText, refusalOf, useTempDir } from './helpers';

const dir = useTempDir();
const ROW = '2025-06-01T10:00:00Z,alice@contoso.com,dev-1,iOS,step,iOSProfileLaunch,Installing profile screen';

describe('CSV delimiters', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('reads %j (%s) sniffed from the header', async (delimiter, label) => {
    const text = [EVENT_HEADER, ROW, '2025-06-01T10:01:00Z,bob,dev-2,Android,cancel,AndroidPermissions,']
      .map((l) => l.replaceAll(',', delimiter))
      .join('\n');
    const result = await readText(dir, `delim-${label}.txt`, `${text}\n`);
    expect(result.format).toBe('event-log/csv');
    expect(result.rows).toEqual([
      {
        line: 2,
        time: '2025-06-01T10:00:00.000Z',
        user: 'alice@contoso.com',
        device: 'dev-1',
        platform: 'iOS/iPadOS',
        event: 'step',
        action: 'iOSProfileLaunch',
        screen: 'Installing profile screen',
      },
      {
        line: 3,
        time: '2025-06-01T10:01:00.000Z',
        user: 'bob',
        device: 'dev-2',
        platform: 'Android',
        event: 'cancel',
        action: 'AndroidPermissions',
        screen: '',
      },
    ]);
  });

  it("follows Excel's sep= hint line; the header is then line 2", async () => {
    const text = `sep=;\r\n${EVENT_HEADER.replaceAll(',', ';')}\r\n${ROW.replaceAll(',', ';')}\r\n`;
    const result = await readText(dir, 'excel-sep.csv', text);
    expect(result.rows.map((r) => [r.line, r.user, r.screen])).toEqual([
      [3, 'alice@contoso.com', 'Installing profile screen'],
    ]);
  });

  it('confirms the delimiter on the next lines when the header is ambiguous', () => {
    // The header has one comma and one semicolon; the data lines agree with the semicolon.
    expect(sniffDialect('time;user,name;event\n1;a,b;start\n2;c,d;step\n').delimiter).toBe(';');
    expect(sniffDialect('time,user;name,event\n1,a;b,start\n2,c;d,step\n').delimiter).toBe(',');
  });

  it('takes the only delimiter of the header, whatever the lines after it hold', () => {
    // The lines are not counted then: a header with one candidate decides alone.
    expect(sniffDialect('time,user,event\n1;a;b;c;start\n2;c;d;e;step\n').delimiter).toBe(',');
    expect(sniffDialect('\n\ntime|user|event\n1,a,start,x\n').delimiter).toBe('|');
    expect(sniffDialect('timestamp\n1,2\n3;4\n')).toEqual({ delimiter: ',', newline: '\n' });
    expect(sniffDialect('time\tuser\tevent\r1,2,3\r')).toEqual({ delimiter: '\t', newline: '\r' });
  });

  it('ignores delimiters inside quoted header names and values', () => {
    expect(sniffDialect('"time;utc",user,event\n"1;2",a,start\n').delimiter).toBe(',');
    expect(sniffDialect('time;"user, name";event\n1;"a, b";start\n').delimiter).toBe(';');
  });

  it('is not thrown off by a bare quote in an unquoted field', () => {
    expect(sniffDialect('time;user;event\n1;5"6;start\n2;x;step\n3;y;step\n').delimiter).toBe(';');
  });
});

describe('CSV quoting (RFC 4180) and line numbers', () => {
  it('reads quoted fields with delimiters, "" escapes and embedded line breaks; line numbers count physical lines', async () => {
    const text = [
      EVENT_HEADER,
      '2025-06-01T10:00:00Z,"alice, the first",dev-1,iOS,step,iOSProfileLaunch,"Prompt to ""trust"" the profile"',
      '2025-06-01T10:01:00Z,bob,dev-2,iOS,step,iOSProfileLaunch,"two',
      'line',
      'screen"',
      '2025-06-01T10:02:00Z,carol,dev-3,iOS,bogus,iOSProfileLaunch,x',
      '2025-06-01T10:03:00Z,dave,dev-4,iOS,step,TermsOfUse,"a\r\nb"',
      '2025-06-01T10:04:00Z,erin,dev-5,iOS,wrong,TermsofUse,y',
    ].join('\n');
    const result = await readText(dir, 'quoted.csv', text);
    expect(result.rows.map((r) => [r.line, r.user, r.screen])).toEqual([
      [2, 'alice, the first', 'Prompt to "trust" the profile'],
      [3, 'bob', 'two\nline\nscreen'],
      [7, 'dave', 'a\r\nb'],
    ]);
    expect(result.examples.map((e) => [e.line, e.reason, e.detail])).toEqual([
      [6, 'unknown event', 'bogus'],
      [9, 'unknown event', 'wrong'], // dave's screen spans lines 7 and 8
    ]);
    expect(result.rowsRead).toBe(5);
  });

  it('keeps bare double quotes inside unquoted fields as text', async () => {
    const result = await readText(
      dir,
      'bare.csv',
      `a,b,c,time,user,platform,event\n4,5"6,7,2025-06-01T10:00:00Z,5"6 user,iOS,start\n`,
    );
    expect(result.rows[0]).toMatchObject({ user: '5"6 user', line: 2 });
    expect(result.rowsRead).toBe(1);
  });

  it('reads CRLF files, trims the CR, and ignores blank lines (counting them in line numbers)', async () => {
    const text = `${EVENT_HEADER}\r\n\r\n${ROW}\r\n   \r\n,,,,,,\r\n${ROW.replace('alice', 'bob')},"quoted last"\r\n\r\n`;
    const result = await readText(dir, 'crlf.csv', text);
    expect(result.rows.map((r) => [r.line, r.user, r.screen])).toEqual([
      [3, 'alice@contoso.com', 'Installing profile screen'],
      [6, 'bob@contoso.com', 'Installing profile screen'],
    ]);
    expect(result.rowsRead).toBe(2);
  });

  it('reads files mixing LF and CRLF, and a last line without a line break', async () => {
    const result = await readText(
      dir,
      'mixed.csv',
      `${EVENT_HEADER}\r\n${ROW}\n${ROW.replace('alice', 'bob')}\r\n${ROW.replace('alice', 'carol')}`,
    );
    expect(result.rows.map((r) => [r.line, r.user, r.screen])).toEqual([
      [2, 'alice@contoso.com', 'Installing profile screen'],
      [3, 'bob@contoso.com', 'Installing profile screen'],
      [4, 'carol@contoso.com', 'Installing profile screen'],
    ]);
  });

  it('reads old Mac files (CR only)', async () => {
    const result = await readText(dir, 'cr.csv', `${EVENT_HEADER}\r${ROW}\r${ROW.replace('alice', 'bob')}\r`);
    expect(result.rows.map((r) => [r.line, r.user])).toEqual([
      [2, 'alice@contoso.com'],
      [3, 'bob@contoso.com'],
    ]);
  });

  it('keeps line numbers right across 64 KiB pieces with quoted line breaks everywhere', async () => {
    const lines = [EVENT_HEADER];
    const expected: [number, string][] = [];
    let line = 2;
    for (let i = 0; i < 3000; i++) {
      const breaks = i % 3;
      const screen = Array.from({ length: breaks + 1 }, (_, k) => `part ${k} of row ${i} ${'x'.repeat(i % 50)}`).join(
        '\n',
      );
      lines.push(`2025-06-01T10:00:00Z,user${i},dev,iOS,step,Compliance,"${screen}"`);
      expected.push([line, `user${i}`]);
      line += breaks + 1;
    }
    const result = await readText(dir, 'many-quoted.csv', `${lines.join('\n')}\n`);
    expect(result.rows.map((r) => [r.line, r.user])).toEqual(expected);
  });

  it('a field with malformed quotes is an unreadable row, with its line', async () => {
    const text = `${EVENT_HEADER}\n${ROW}\n2025-06-01T10:00:00Z,"bo"b,dev,iOS,start,,"x"\n${ROW.replace('alice', 'carol')}\n`;
    const result = await readText(dir, 'malformed.csv', text);
    expect(result.skipped['unreadable row']).toBe(1);
    expect(result.examples[0]).toMatchObject({ line: 3, reason: 'unreadable row' });
    expect(result.examples[0]?.detail).toMatch(/^malformed quotes/);
    expect(result.rowsRead).toBe(result.rows.length + 1);
  });

  it('refuses an unterminated quote, naming its line', async () => {
    const path = await dir.write(
      'unterminated.csv',
      `${EVENT_HEADER}\n${ROW}\n2025-06-01T10:00:00Z,"bob,dev,iOS,start,,x\n${ROW}\n`,
    );
    expect((await refusalOf(path)).reason).toBe('unterminated quoted field starting at line 3');
  });

  it('refuses a quoted field that never ends within maxFieldChars', async () => {
    const body = Array.from({ length: 2000 }, (_, i) => `2025-06-01T10:00:00Z,user${i},dev,iOS,start,,x`).join('\n');
    const path = await dir.write(
      'runaway.csv',
      `${EVENT_HEADER}\n${ROW}\n2025-06-01T10:00:00Z,"bob,dev,iOS,start,,x\n${body}\n`,
    );
    expect((await refusalOf(path, { limits: { maxFieldChars: 10_000 } })).reason).toMatch(
      /^line 3 runs over 10000 characters without ending/,
    );
  });

  it('__proto__ and constructor header names are just unknown columns', async () => {
    const result = await readText(dir, 'proto.csv', `__proto__,constructor,${EVENT_HEADER},toString\nx,y,${ROW},z\n`);
    expect(result.rows[0]).toMatchObject({ user: 'alice@contoso.com', line: 2 });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads short rows as empty trailing fields and ignores extra fields', async () => {
    const result = await readText(
      dir,
      'ragged.csv',
      `time,user,platform,event,actionName,screen\n2025-06-01T10:00:00Z,alice,iOS,start\n2025-06-01T10:00:00Z,bob,iOS,start,,s,extra,more\n`,
    );
    expect(result.rows.map((r) => [r.user, r.action, r.screen])).toEqual([
      ['alice', '', ''],
      ['bob', '', 's'],
    ]);
  });

  it('a header-only file of a known kind has 0 rows; with blank lines too', async () => {
    for (const [name, text] of [
      ['header-only.csv', `${EVENT_HEADER}\n`],
      ['header-only-noeol.csv', EVENT_HEADER],
      ['header-blank.csv', `\n\n${EVENT_HEADER}\r\n\r\n\r\n`],
    ] as const) {
      const result = await readText(dir, name, text);
      expect(result.kind).toBe('event-log');
      expect(result.rows).toEqual([]);
      expect(result.rowsRead).toBe(0);
    }
  });

  it('blank lines before the header do not shift line numbers', async () => {
    const result = await readText(dir, 'blank-first.csv', `\n\n${EVENT_HEADER}\n${ROW}\n`);
    expect(result.rows[0]?.line).toBe(4);
  });
});

describe('wide files', () => {
  const header = (n: number, last: string): string =>
    [...Array.from({ length: n - 4 }, (_, i) => `col${i}`), 'time', 'user', 'platform', last].join(',');

  it('refuses 20,000 columns by default (maxColumns 10,000): no enrollment file is that wide', async () => {
    const path = await dir.write('wide.csv', `${header(20_000, 'event')}\n`);
    expect((await refusalOf(path)).reason).toBe('20000 columns, more than the 10000 an enrollment file could have');
  });

  it('reads 20,000 columns when the limit allows, finding fields at the far end', async () => {
    const row = [
      ...Array.from({ length: 19_996 }, (_, i) => `v${i}`),
      '2025-06-01T10:00:00Z',
      'alice',
      'Android',
      'start',
    ].join(',');
    const result = await readText(dir, 'wide-ok.csv', `${header(20_000, 'event')}\n${row}\n${row}\n`, {
      limits: { maxColumns: 30_000 },
    });
    expect(result.rows).toHaveLength(2);
    expect(result.rows[1]).toMatchObject({ line: 3, user: 'alice', platform: 'Android', event: 'start' });
  });
});

describe('a CSV read whole in its head', () => {
  it('is parsed from the text its head was decoded to, as a larger file is from its decoded pieces', async () => {
    const row = (i: number): string =>
      `2025-06-0${1 + (i % 9)}T08:00:00Z,user${i}@contoso.example,dev${i},iOS,start,,Écran "é"`;
    // A row with a bad time, and (in the small file) a character cut at the very end.
    const rows = (n: number): string =>
      [EVENT_HEADER, ...Array.from({ length: n }, (_, i) => row(i)), 'not a time,u,d,iOS,start,,'].join('\n');
    const small = new TextEncoder().encode(rows(40));
    const cut = Uint8Array.from([...small, 0xe2, 0x82]);
    expect(cut.length).toBeLessThan(PIECE_BYTES);
    const decode = vi.spyOn(StreamDecoder.prototype, 'decode');
    const whole = await readText(dir, 'small.csv', cut);
    // Its bytes were decoded once, whole (open-input.ts), never again piece by piece.
    expect(decode).not.toHaveBeenCalled();
    expect(whole.sha256).toBe(createHash('sha256').update(cut).digest('hex'));

    // The same rows and more, over a piece: decoded piece by piece; its first rows read the same.
    const large = new TextEncoder().encode(`${rows(1200)}\n`);
    expect(large.length).toBeGreaterThan(PIECE_BYTES);
    const pieces = await readText(dir, 'large.csv', large);
    expect(decode).toHaveBeenCalled();
    decode.mockRestore();
    expect(whole.rows).toEqual(pieces.rows.slice(0, 40));
    expect(whole.rows).toHaveLength(40);
    expect(Object.values(whole.skipped)).toEqual([1]);
    expect(whole.skipped).toEqual(pieces.skipped);
  });
});

describe('CSV headers shared by a folder of exports', () => {
  it('reads files of one header with one plan, and a file of another header with its own', async () => {
    const { headerPlans } = await import('../../../src-main/import/csv-input');
    const reordered = 'device,platform,time,user,screen,event,actionName';
    const rowOf = (n: number): string =>
      `2025-06-01T10:0${n}:00Z,user${n}@contoso.com,dev-${n},iOS,step,iOSProfileLaunch,Screen ${n}`;
    const reorder = (row: string): string => {
      const [time, user, device, platform, event, action, screen] = row.split(',');
      return [device, platform, time, user, screen, event, action].join(',');
    };
    // After another header (earlier tests read EVENT_HEADER last).
    await readText(dir, 'plan-0.csv', `${reordered}\n${reorder(rowOf(0))}\n`);
    const before = { ...headerPlans };
    const first = await readText(dir, 'plan-a.csv', `${EVENT_HEADER}\n${rowOf(1)}\n${rowOf(2)}\n`);
    const second = await readText(dir, 'plan-b.csv', `${EVENT_HEADER}\n${rowOf(3)}\n`);
    const other = await readText(dir, 'plan-c.csv', `${reordered}\n${reorder(rowOf(4))}\n`);
    const again = await readText(dir, 'plan-d.csv', `${EVENT_HEADER}\n${rowOf(5)}\n`);
    expect(headerPlans.made - before.made).toBe(3); // the first, the reordered one, the first's again after it
    expect(headerPlans.shared - before.shared).toBe(1); // the second
    const expected = (n: number, line: number) => ({
      line,
      time: `2025-06-01T10:0${n}:00.000Z`,
      user: `user${n}@contoso.com`,
      device: `dev-${n}`,
      platform: 'iOS/iPadOS',
      event: 'step',
      action: 'iOSProfileLaunch',
      screen: `Screen ${n}`,
    });
    expect(first.rows).toEqual([expected(1, 2), expected(2, 3)]);
    expect(second.rows).toEqual([expected(3, 2)]);
    expect(other.rows).toEqual([expected(4, 2)]);
    expect(again.rows).toEqual([expected(5, 2)]);
  });
});

describe('CSV heads repeated by a folder of exports', () => {
  /** What reading a file gives: its rows and counts, or its refusal (the file's name left out). */
  const outcomeOf = async (name: string, content: string): Promise<unknown> => {
    const path = await dir.write(name, content);
    try {
      const { name: _name, ...result } = await readOne(path);
      return result;
    } catch (error) {
      if (error instanceof InputRefused) return { refused: error.reason };
      throw error;
    }
  };
  /** Reads a file of another header, whose first line then decides the head taken next. */
  const readOther = () =>
    readText(dir, 'other.csv', 'user,platform,time,event\nalice,iOS,2025-06-01T10:00:00Z,start\n');
  /** What reading a file gives read first thing after another header: its head sniffed and parsed anew. */
  const aloneOf = async (name: string, content: string): Promise<unknown> => {
    await readOther();
    return outcomeOf(name, content);
  };
  /**
   * Files read each alone, then one after the other (after another header): what each gave both
   * ways, and how many heads the second way read anew and took from the file before.
   */
  const aloneAndTogether = async (files: readonly (readonly [string, string])[]) => {
    const { headReads } = await import('../../../src-main/import/csv-input');
    const alone: unknown[] = [];
    for (const [name, content] of files) alone.push(await aloneOf(name, content));
    await readOther();
    const before = { ...headReads };
    const together: unknown[] = [];
    for (const [name, content] of files) together.push(await outcomeOf(name, content));
    return {
      alone,
      together,
      read: headReads.read - before.read,
      repeated: headReads.repeated - before.repeated,
    };
  };

  it('takes the dialect and header of a file from the last one that began with the same deciding line', async () => {
    const files = [0, 1, 2].map(
      (n) => [`same-${n}.csv`, `${EVENT_HEADER}\n${ROW.replace('alice', `user${n}`)}\n`] as const,
    );
    const { alone, together, read, repeated } = await aloneAndTogether(files);
    expect(read).toBe(1); // the first of the three
    expect(repeated).toBe(2);
    expect(together).toEqual(alone);
    expect((together[2] as { rows: { user: string }[] }).rows[0]!.user).toBe('user2@contoso.com');
  });

  it.each([
    // Two candidate delimiters in the first line: the lines after it decide between them.
    ['two delimiters', 'time;user;device;platform;event;actionName;screen,text', ';', ','],
    // A quoted header may run over its first line.
    ['a quote', '"time",user,device,platform,event,actionName,screen', ',', ','],
  ])('sniffs anew a head whose first line does not decide it alone (%s)', async (_what, first, a, b) => {
    const body = (delimiter: string) =>
      `${first}\n${ROW.replaceAll(',', delimiter)}\n${ROW.replace('alice', 'bob').replaceAll(',', delimiter)}\n`;
    const files = [
      ['anew-a.csv', body(a)],
      ['anew-b.csv', body(b)],
    ] as const;
    const { alone, together, read, repeated } = await aloneAndTogether(files);
    expect(repeated).toBe(0);
    expect(read).toBe(2);
    expect(together).toEqual(alone);
  });

  it('reads a `sep=` line and the header after it anew for every file', async () => {
    const { headReads } = await import('../../../src-main/import/csv-input');
    const content = `sep=;\n${EVENT_HEADER.replaceAll(',', ';')}\n${ROW.replaceAll(',', ';')}\n`;
    const alone = await aloneOf('sep-a.csv', content);
    const before = { ...headReads };
    expect(await outcomeOf('sep-b.csv', content)).toEqual(alone);
    expect(await outcomeOf('sep-c.csv', content)).toEqual(alone);
    expect(headReads.repeated - before.repeated).toBe(0);
    expect((alone as { rows: unknown[] }).rows).toHaveLength(1);
  });
});
