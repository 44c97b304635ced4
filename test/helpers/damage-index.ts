/**
 * Damage that `PRAGMA quick_check` does not see: one bit flipped in the last byte of an index's
 * first leaf page (the row id of an index entry), so the index no longer matches its table. The
 * page is found with the dbstat virtual table, then changed on disk.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

export function flipBitInIndex(path: string, index: string): void {
  const db = new Database(path);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const page = db
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1")
    .pluck()
    .get(index) as number | undefined;
  db.close(); // checkpoints: the page is in the main file now
  if (page === undefined) throw new Error(`no leaf page of ${index}`);
  const fd = openSync(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    const offset = (page - 1) * pageSize + pageSize - 1;
    readSync(fd, byte, 0, 1, offset);
    byte[0]! ^= 0x01;
    writeSync(fd, byte, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}
