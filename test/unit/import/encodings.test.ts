import { describe, expect, it } from 'vitest';
import { EVENT_HEADER, readText, useTempDir } from './helpers';

const dir = useTempDir();
const text = `${EVENT_HEADER}\r\n2025-06-01T10:00:00Z,zoë@contoso.com,Gerät-ü,iOS,step,TermsofUse,Nutzungsbedingungen – €5 “fee”\r\n`;

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

/** Windows-1252 bytes of a text made of Latin-1 characters plus the few 0x80-0x9F ones used here. */
function cp1252(s: string): Buffer {
  const extra: Record<string, number> = { '€': 0x80, '–': 0x96, '“': 0x93, '”': 0x94 };
  return Buffer.from([...s].map((c) => extra[c] ?? c.charCodeAt(0)));
}

describe('encodings (spec 3)', () => {
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
    ['Windows-1252', cp1252(text)],
  ])('%s', async (label, bytes) => {
    const result = await readText(dir, `${label}.csv`, bytes);
    expect(result.rows).toEqual([
      {
        line: 2,
        time: '2025-06-01T10:00:00.000Z',
        user: 'zoë@contoso.com',
        device: 'Gerät-ü',
        platform: 'iOS/iPadOS',
        event: 'step',
        action: 'TermsofUse',
        screen: 'Nutzungsbedingungen – €5 “fee”',
      },
    ]);
    expect(result.size).toBe(bytes.length);
  });

  it('reads é, ü and € from Windows-1252 exactly', async () => {
    const result = await readText(
      dir,
      'cp1252-plain.csv',
      Buffer.from([
        ...Buffer.from(`${EVENT_HEADER}\n2025-06-01,`),
        0xe9,
        0xfc,
        0x80,
        ...Buffer.from(',d,Android,start,,\n'),
      ]),
    );
    expect(result.rows[0]?.user).toBe('éü€');
  });

  it('invalid bytes later in a UTF-8 file do not kill it: good rows survive', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `2025-06-01T10:00:00Z,user${i}-ü,dev,iOS,start,,`).join('\n'); // > 64 KiB of valid UTF-8
    const bad = Buffer.from([0xff, 0xfe, 0xc3]); // never valid in UTF-8
    const bytes = Buffer.concat([
      Buffer.from(`${EVENT_HEADER}\n${rows}\n2025-06-01T10:00:00Z,bad-`),
      bad,
      Buffer.from(',dev,iOS,start,,\n2025-06-01T10:00:00Z,last,dev,iOS,start,,\n'),
    ]);
    const result = await readText(dir, 'late-invalid.csv', bytes);
    expect(result.rows).toHaveLength(3002);
    expect(result.rows[0]?.user).toBe('user0-ü'); // still UTF-8, not Windows-1252
    expect(result.rows[3000]?.user).toBe('bad-\ufffd\ufffd\ufffd');
    expect(result.rows[3001]).toMatchObject({ user: 'last', line: 3003 });
  });

  it('a multi-byte character cut by the 64 KiB sniffing window is still UTF-8', async () => {
    const prefix = `${EVENT_HEADER}\n2025-06-01T10:00:00Z,`;
    const filler = 'a'.repeat(64 * 1024 - Buffer.byteLength(prefix) - 1); // the 2-byte "ü" straddles byte 65536
    const bytes = Buffer.from(`${prefix}${filler}ü,dev,iOS,start,,\n`);
    expect(bytes[64 * 1024 - 1]).toBe(0xc3);
    const result = await readText(dir, 'cut.csv', bytes);
    expect(result.rows[0]?.user).toBe(`${filler}ü`);
  });

  it('characters split across 1 MiB reads and 64 KiB pieces decode whole (UTF-8 and UTF-16)', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `2025-06-01T10:00:00Z,€ü${i}𝄞,dev,iOS,start,,`);
    const body = `${EVENT_HEADER}\n${rows.join('\n')}\n`;
    for (const [name, bytes] of [
      ['split-utf8.csv', Buffer.from(body)],
      ['split-utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')])],
    ] as const) {
      const result = await readText(dir, name, bytes);
      expect(result.rows).toHaveLength(40_000);
      expect(result.rows.every((r, i) => r.user === `€ü${i}𝄞`)).toBe(true);
    }
  });
});
