/**
 * The recent cases list, kept as JSON in the user data folder. The first entry is the case to
 * reopen at start. A damaged list is treated as empty (and rewritten on the next change).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { CASE_EXTENSION, type RecentCase } from '../shared/ipc-contract';
import { writeFileAtomic } from '../files/write-file-atomic';

export const MAX_RECENT = 10;

const fileSchema = z.object({
  recent: z.array(z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() })),
});

export const caseName = (path: string): string => basename(path, CASE_EXTENSION);

export class RecentCases {
  private list: RecentCase[];
  /** False on the very first start: no list was ever written. */
  readonly existed: boolean;

  constructor(private readonly file: string) {
    this.existed = existsSync(file);
    this.list = RecentCases.read(file);
  }

  private static read(file: string): RecentCase[] {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data.recent.slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  get entries(): readonly RecentCase[] {
    return this.list;
  }

  /** Puts a case at the top of the list. */
  touch(path: string, now = new Date()): void {
    const full = resolve(path);
    this.list = [
      { path: full, name: caseName(full), openedAt: now.toISOString() },
      ...this.list.filter((e) => e.path !== full),
    ].slice(0, MAX_RECENT);
    this.save();
  }

  remove(path: string): void {
    const full = resolve(path);
    const before = this.list.length;
    this.list = this.list.filter((e) => e.path !== full);
    if (this.list.length !== before) this.save();
  }

  clear(): void {
    this.list = [];
    this.save();
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, `${JSON.stringify({ recent: this.list }, null, 2)}\n`);
  }
}
