/**
 * An open-addressing table of byte strings: finds the entry of a field's bytes where they lie in
 * the read buffer, comparing bytes, so a value seen before costs no JS string. Entries are numbered
 * 0, 1, 2... in insertion order (a string coder's codes); their bytes are copied into one arena.
 */

/**
 * FNV-1a over the bytes (in two lanes), then murmur3's finalizer: FNV's low bits (the table's slot) depend only on
 * the bytes' low bits, and values sharing a long suffix (`@contoso.example`) piled up in a few slots.
 */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  // Two lanes (even and odd bytes): each multiplication waits for the one before it in its lane only.
  let h = 0x811c9dc5;
  let g = end - start;
  let i = start;
  for (; i + 1 < end; i += 2) {
    h = Math.imul(h ^ buf[i]!, 0x01000193);
    g = Math.imul(g ^ buf[i + 1]!, 0x01000193);
  }
  if (i < end) h = Math.imul(h ^ buf[i]!, 0x01000193);
  h ^= Math.imul(g, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Entries a table starts with room for; it doubles as they come. A folder of ten-row files makes
 * three tables a file: starting at 512 entries and 16 KiB of bytes, they were ~80 KB of garbage a file.
 */
const FIRST_ENTRIES = 16;

export class ByteKeys {
  size = 0;
  /** Entry + 1 per slot (0: empty); the capacity stays a power of two, at most half full. */
  private slots = new Int32Array(FIRST_ENTRIES * 2);
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(FIRST_ENTRIES);
  private starts: Int32Array<ArrayBuffer> = new Int32Array(FIRST_ENTRIES);
  private ends: Int32Array<ArrayBuffer> = new Int32Array(FIRST_ENTRIES);
  private arena = Buffer.allocUnsafe(FIRST_ENTRIES * 64);
  private used = 0;

  /** The entry holding these bytes (hashed to `hash`), or -1. */
  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] !== hash) continue;
      const at = this.starts[entry]!;
      if (this.ends[entry]! - at !== length) continue;
      const arena = this.arena;
      let i = 0;
      while (i < length && arena[at + i] === buf[start + i]) i++;
      if (i === length) return entry;
    }
  }

  /** Adds bytes known to be absent; returns their entry. */
  add(buf: Uint8Array, start: number, end: number, hash: number): number {
    const entry = this.size++;
    if (entry === this.hashes.length) this.growEntries();
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    const length = end - start;
    if (this.used + length > this.arena.length) this.growArena(this.used + length);
    this.arena.set(buf.subarray(start, end), this.used);
    this.hashes[entry] = hash;
    this.starts[entry] = this.used;
    this.ends[entry] = this.used += length;
    this.place(entry, hash);
    return entry;
  }

  /** The text of an entry (its bytes are UTF-8, see ByteStringCoder). */
  text(entry: number): string {
    return this.arena.toString('utf8', this.starts[entry]!, this.ends[entry]!);
  }

  clear(): void {
    this.slots.fill(0);
    this.size = 0;
    this.used = 0;
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    for (let entry = 0; entry < this.size - 1; entry++) this.place(entry, this.hashes[entry]!);
  }

  private growEntries(): void {
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const bigger = new Int32Array(a.length * 2);
      bigger.set(a);
      return bigger;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
  }

  private growArena(need: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(need, this.arena.length * 2));
    this.arena.copy(bigger, 0, 0, this.used);
    this.arena = bigger;
  }
}
