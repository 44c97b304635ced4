/**
 * Resource limits of one import. They exist so that a hostile or broken file (a ZIP bomb, a
 * gigabyte on one line, a JSON document bigger than the heap) is refused with a message instead of
 * exhausting memory or hanging the app.
 */
export interface ImportLimits {
  /** Total bytes inflated from one ZIP archive (all its entries together), and the most any one entry may declare. */
  readonly maxUncompressedBytes: number;
  /** Most an entry may expand (uncompressed / compressed) once it is over 1 MiB; real CSV exports stay under ~20. */
  readonly maxZipRatio: number;
  /** Largest JSON document (array, envelope, Graph response) parsed as a whole; NDJSON and CSV are streamed and unlimited. */
  readonly maxJsonBytes: number;
  /** Longest CSV row or NDJSON line, in characters: an unbalanced quote otherwise swallows the rest of the file. */
  readonly maxFieldChars: number;
  /** Most columns in a header: enrollment files have tens; thousands mean a wrong file or a wrong delimiter. */
  readonly maxColumns: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: ImportLimits = Object.freeze({
  maxUncompressedBytes: 4096 * MiB,
  maxZipRatio: 100,
  // V8 needs several times a document's size to hold it parsed; 256 MiB of JSON (about 1.3M
  // events) is already ~1.5 GB of heap. Larger exports should come as NDJSON or CSV, which stream.
  maxJsonBytes: 256 * MiB,
  maxFieldChars: 1 * MiB,
  maxColumns: 10_000,
});

export function resolveLimits(partial: Partial<ImportLimits> | undefined): ImportLimits {
  if (!partial) return DEFAULT_LIMITS;
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ImportLimits)[]) {
    const value = partial[key];
    if (value !== undefined) {
      if (!(value > 0)) throw new RangeError(`import limit ${key} must be positive, got ${value}`);
      limits[key] = value;
    }
  }
  return Object.freeze(limits);
}

/** Human-readable byte size for messages: "256 MiB", "3.2 GiB", "512 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
