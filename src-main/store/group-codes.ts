/**
 * The storing side of a group's string codes: a parse worker reading a group of small files ahead
 * codes their strings once for the whole group (coded-batch.ts GroupCoder), not once per file, so a
 * folder's users and devices cross the thread once and are looked up in the case once, where each
 * file of ten rows brought and interned its strings anew (10,000 files: 150,189 lookups for 5,371
 * distinct strings).
 *
 * The case ids must be what coding per file gives: a string new to the case gets the next id when
 * it is first met, file after file, and ids handed out in a file rolled back to its savepoint no
 * longer exist (the interner forgets them: Interner.epoch). So every code's id is resolved when a
 * batch that uses it is written, not when the worker first sent its string: a batch whose codes
 * below its new ones all have ids (the usual case) resolves its new strings in order, as a file's
 * own coder would list them; otherwise (after a rollback, or a batch passed over unwritten) its
 * codes without an id are resolved in the order the batch first uses them, which is again the
 * order a fresh coder would have listed them (the others are in the case already).
 */
import type { CodedStrings } from './coded-batch';
import type { Interner } from './intern';

/** One column's codes for a group: the strings by code, and their case ids once resolved. */
export class ColumnCodes {
  private strings: string[] = [];
  /** Case ids by code; NaN where not resolved since the codes' start or the interner's last forget. */
  private ids = new Float64Array(64).fill(NaN);
  /** Every code below this has an id. */
  private resolvedBelow = 0;
  private epoch = -1;
  /** How many batches were resolved code by code (see the file's comment): tests assert the branch. */
  scans = 0;

  /** Takes in a batch's new strings, in the order the batches are read (written or passed over). */
  register(column: CodedStrings): void {
    if (column.restart) {
      this.strings = [];
      this.ids.fill(NaN);
      this.resolvedBelow = 0;
    }
    const size = this.strings.length + column.added.length;
    if (size > this.ids.length) {
      const grown = new Float64Array(Math.max(size, this.ids.length * 2)).fill(NaN);
      grown.set(this.ids.subarray(0, this.strings.length));
      this.ids = grown;
    }
    for (const text of column.added) this.strings.push(text);
  }

  /** The case ids by code for a registered batch's column, resolving the codes it uses (valid until the next call). */
  idsFor(column: CodedStrings, interner: Interner): Float64Array {
    if (this.epoch !== interner.epoch) {
      // Ids handed out before the interner forgot may have been rolled back: resolve them again.
      this.epoch = interner.epoch;
      this.ids.fill(NaN);
      this.resolvedBelow = 0;
    }
    const firstNew = this.strings.length - column.added.length;
    if (this.resolvedBelow === firstNew) {
      interner.lookupMany(column.added, this.ids, firstNew);
      this.resolvedBelow = this.strings.length;
      return this.ids;
    }
    this.scans++;
    const unresolved: number[] = [];
    const { codes } = column;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (Number.isNaN(this.ids[code]!)) {
        this.ids[code] = -1; // queued: met once
        unresolved.push(code);
      }
    }
    const found = new Float64Array(unresolved.length);
    interner.lookupMany(
      unresolved.map((code) => this.strings[code]!),
      found,
      0,
    );
    unresolved.forEach((code, k) => (this.ids[code] = found[k]!));
    while (this.resolvedBelow < this.strings.length && !Number.isNaN(this.ids[this.resolvedBelow]!))
      this.resolvedBelow++;
    return this.ids;
  }
}

/** A group's codes for the three string columns, as a parse worker's GroupCoder sent them. */
export class GroupCodes {
  readonly users = new ColumnCodes();
  readonly devices = new ColumnCodes();
  readonly screens = new ColumnCodes();

  register(batch: { user: CodedStrings; device: CodedStrings; screen: CodedStrings }): void {
    this.users.register(batch.user);
    this.devices.register(batch.device);
    this.screens.register(batch.screen);
  }
}
