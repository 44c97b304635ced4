/**
 * A set of (user id, platform) groups, compact whatever the number of users: a byte of platform bits
 * per user id (a million users take a megabyte; a Map of pairs took ~100 MB).
 */

/** User ids below this are kept as bits (ids are handed out from 1 up); others in a map. */
const DENSE_USER_IDS = 2 ** 24;

/** The (user id, platform) pairs that received events: a bit per platform, by user id. */
export class GroupSet {
  private bits = new Uint8Array(1024);
  private readonly sparse = new Map<string, [number, number]>();
  size = 0;

  add(userId: number, platform: number): void {
    if (!(userId >= 0 && userId < DENSE_USER_IDS && platform >= 0 && platform < 8)) {
      const key = `${userId},${platform}`;
      if (!this.sparse.has(key)) {
        this.sparse.set(key, [userId, platform]);
        this.size++;
      }
      return;
    }
    if (userId >= this.bits.length) {
      const grown = new Uint8Array(Math.max(userId + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const bit = 1 << platform;
    if ((this.bits[userId]! & bit) === 0) {
      this.bits[userId]! |= bit;
      this.size++;
    }
  }

  *values(): Generator<[number, number]> {
    const bits = this.bits;
    for (let userId = 0; userId < bits.length; userId++) {
      const set = bits[userId]!;
      if (set === 0) continue;
      for (let platform = 0; platform < 8; platform++) if (set & (1 << platform)) yield [userId, platform];
    }
    yield* this.sparse.values();
  }
}
