/**
 * An import into a case without events builds its attempts from the events it held in memory
 * (attempts/held-events.ts): the attempts, their buckets and the stored times must be exactly what
 * a rebuild that reads the case makes. Inputs with what the held walk must get right: rows SQLite
 * ignored as duplicates (within a file and across files of one import), times out of order, users
 * on both platforms, a burst of rows in one millisecond (past the one-by-one comparison), and a
 * file rolled back half-way.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeldEvents } from '../../../src-main/attempts/held-events';
import { rebuildAllAttempts } from '../../../src-main/attempts/refresh';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { readInputInWorker } from '../../../src-main/workers/parse-in-worker';
import { eventLogCsv, type TestEvent } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';

const temp = useTempDir('enrollscope-held-');
afterEach(() => vi.restoreAllMocks());

function messyEvents(): TestEvent[] {
  const out: TestEvent[] = [];
  const kinds = [
    { event: 'start' },
    { event: 'step', action: 'TermsofUse' },
    { event: 'step', action: 'iOSProfileLaunch', screen: 'Install profile' },
    { event: 'declineAll', action: 'TermsofUse' },
    { event: 'complete' },
  ];
  for (let i = 0; i < 3000; i++) {
    const user = i % 97;
    const kind = kinds[(i * 7) % kinds.length]!;
    // Mostly in time order, every 11th row an hour early (out of order within its group).
    const minute = i - (i % 11 === 0 ? 60 : 0);
    out.push({
      time: new Date(Date.UTC(2025, 5, 2, 8) + minute * 60_000).toISOString(),
      user: `user${user}@contoso.example`,
      platform: (i + user) % 5 === 0 ? 'Android' : 'iOS',
      device: `dev${user}-${i % 3}`,
      ...kind,
    });
    if (i % 13 === 0) out.push(out[out.length - 1]!); // a duplicate row, right after
  }
  // One millisecond, one user: 80 rows, 30 of them repeats of earlier ones.
  for (let k = 0; k < 80; k++) {
    out.push({
      time: '2025-06-03T10:00:00.000Z',
      user: 'burst@contoso.example',
      platform: 'iOS',
      device: `dev${k % 50}`,
      event: k % 2 ? 'step' : 'start',
      action: k % 2 ? 'TermsofUse' : undefined,
    });
  }
  return out;
}

const dump = (db: CaseDb): unknown => ({
  attempts: db.prepare('SELECT * FROM attempts ORDER BY id').raw().all(),
  buckets: db.prepare('SELECT * FROM attempt_buckets ORDER BY 1, 2, 3, 4').raw().all(),
  times: db.prepare("SELECT key, value FROM settings WHERE key LIKE '\\_%' ESCAPE '\\' ORDER BY key").raw().all(),
});

/** The case's attempts as the import left them, and as a rebuild reading the case makes them. */
function heldVersusRead(db: CaseDb): { held: unknown; read: unknown } {
  const held = dump(db);
  db.exec('BEGIN');
  try {
    rebuildAllAttempts(db);
    return { held, read: dump(db) };
  } finally {
    db.exec('ROLLBACK');
  }
}

describe('attempts from the events an import held', () => {
  it('are the attempts a rebuild reading the case makes (duplicates, disorder, both platforms, a burst)', async () => {
    const dir = temp();
    const events = messyEvents();
    const first = join(dir, 'first.csv');
    const second = join(dir, 'second.csv');
    writeFileSync(first, eventLogCsv(events));
    // The second file repeats a stretch of the first (ignored as duplicates), in reverse order.
    writeFileSync(second, eventLogCsv(events.slice(500, 1500).reverse().concat(events.slice(0, 3))));
    const walks = vi.spyOn(HeldEvents.prototype, 'forEachGroup');
    const db = openCase(join(dir, 'case.enrollscope'));
    try {
      const outcomes = await importFiles(db, [first, second], { reader: readInputInWorker });
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
      expect(outcomes[0]?.status === 'imported' && outcomes[0].record.duplicates).toBeGreaterThan(200);
      expect(outcomes[1]?.status === 'imported' && outcomes[1].record.imported).toBe(0);
      expect(walks).toHaveBeenCalledTimes(1); // the held events were walked, not the case

      const { held, read } = heldVersusRead(db);
      expect((held as { attempts: unknown[] }).attempts.length).toBeGreaterThan(100);
      expect(held).toEqual(read);
    } finally {
      db.close();
    }
  }, 60_000);

  it('forget the rows of a file rolled back half-way', async () => {
    const dir = temp();
    const events = messyEvents();
    const good = join(dir, 'good.csv');
    writeFileSync(good, eventLogCsv(events.slice(0, 1500)));
    // New rows (a week later; more than a batch of them, so some are stored and held), then an
    // unterminated quote: the file is refused after part of it was stored.
    const later = events.map((e) => ({ ...e, time: new Date(Date.parse(e.time) + 7 * 86_400_000).toISOString() }));
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, `${eventLogCsv(later)}2025-06-19T08:00:00Z,"never closed,x,iOS,start,,\r\n`);
    const walks = vi.spyOn(HeldEvents.prototype, 'forEachGroup');
    const db = openCase(join(dir, 'case.enrollscope'));
    try {
      const outcomes = await importFiles(db, [good, broken]);
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'refused']);
      expect(walks).toHaveBeenCalledTimes(1);
      const { held, read } = heldVersusRead(db);
      expect(held).toEqual(read);
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(
        outcomes[0]?.status === 'imported' ? outcomes[0].record.imported : -1,
      );
    } finally {
      db.close();
    }
  }, 60_000);

  it('are not used when the case had events, or past the limit', async () => {
    const dir = temp();
    const events = messyEvents();
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, eventLogCsv(events.slice(0, 1000)));
    writeFileSync(b, eventLogCsv(events.slice(1000)));
    const db = openCase(join(dir, 'case.enrollscope'));
    try {
      await importFiles(db, [a]);
      const walks = vi.spyOn(HeldEvents.prototype, 'forEachGroup');
      await importFiles(db, [b]);
      expect(walks).not.toHaveBeenCalled();
      const { held, read } = heldVersusRead(db);
      expect(held).toEqual(read);
    } finally {
      db.close();
    }
    const small = new HeldEvents(2);
    small.add(1, 1, 0, 1, 0, 0, 0, 1);
    small.add(1, 1, 1, 1, 0, 0, 0, 2);
    expect(small.usable).toBe(true);
    small.add(1, 1, 2, 1, 0, 0, 0, 3);
    expect(small.usable).toBe(false);
    expect(() => small.forEachGroup(() => undefined)).toThrow(/overflowed/);
  }, 60_000);
});
