/**
 * Reading stored details rows: all of them, or those of a range of imports (seq = import_id * 2^32 + line).
 * There is no index on seq: the table is scanned once, which is cheap next to parsing the file.
 * Rows are handed over in pages read to the end first, because better-sqlite3 refuses writes on
 * a connection while one of its statements is still iterating.
 */
import type Database from 'better-sqlite3';
import type { DetailsRow } from './attempt-writer';
import { userPages } from './user-pages';

const IMPORT_SPAN = 2 ** 32;

type DetailsTuple = [number, number, number, number, number, number, number, number];

export function forEachDetailsRow(
  db: Database.Database,
  imports: number | readonly [first: number, last: number] | 'all',
  onRow: (row: DetailsRow) => void,
): void {
  const columns = 'user_id, platform, time_ms, user_action, action, screen_id, device_id, seq';
  const byUsers = `SELECT ${columns} FROM details WHERE user_id >= ? AND user_id < ?`;
  const select = db.prepare(imports === 'all' ? byUsers : `${byUsers} AND seq >= ? AND seq < ?`).raw();
  const [first, last] = typeof imports === 'number' ? [imports, imports] : imports === 'all' ? [0, 0] : imports;
  const seqRange = imports === 'all' ? [] : [first * IMPORT_SPAN, (last + 1) * IMPORT_SPAN];
  for (const [lo, hi] of userPages(db, 'details')) {
    const page = select.all(lo, hi, ...seqRange) as DetailsTuple[];
    for (const r of page) {
      onRow({
        userId: r[0],
        platform: r[1],
        timeMs: r[2],
        userAction: r[3],
        action: r[4],
        screenId: r[5],
        deviceId: r[6],
        seq: r[7],
      });
    }
  }
}
