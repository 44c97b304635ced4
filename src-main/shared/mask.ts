/**
 * Masking user names and device ids: stable pseudonyms, so the same person or
 * device gets the same stand-in everywhere it is shown, and nothing of the original is left.
 *
 * In the report, identities appear only in the examples of skipped rows (spec 3: "the first few are
 * shown with their line numbers"). Those show one field or an excerpt of the whole row; either may
 * hold a name when a row's columns shifted, so masking keeps only what is certainly not personal
 * (times, short numbers, the taxonomy's own values: platforms, events, action names, sections,
 * user actions and the catalog's screens) and replaces every other field. Node-free: the renderer
 * masks with the same function and key as the main process.
 */
import type { ImportRecord, Report } from './report-types';
import { CATALOG, parseActionName, parseEventType, parsePlatform, parseSection, parseUserAction } from './taxonomy';

/**
 * The case's masking key: 32 hex digits (128 bits), made at random when the case is created
 * (src-main/store/mask-key.ts) and kept in the case. Keyed, a pseudonym cannot be recomputed from a
 * guessed name by someone who holds a PDF or an export but not the case; the same key everywhere
 * (view, drill-down, exports, PDF) gives the same person the same pseudonym.
 */
export type MaskKey = string;

const MASK64 = (1n << 64n) - 1n;
const rotl = (x: bigint, b: bigint): bigint => ((x << b) | (x >> (64n - b))) & MASK64;

function u64le(bytes: Uint8Array, at: number, length = 8): bigint {
  let value = 0n;
  for (let i = length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[at + i] ?? 0);
  return value;
}

/** SipHash-2-4 (Aumasson and Bernstein): a keyed 64-bit PRF, in plain JavaScript (Node and the renderer). */
export function sipHash24(key: Uint8Array, message: Uint8Array): bigint {
  if (key.length !== 16) throw new RangeError('SipHash needs a 16-byte key');
  const k0 = u64le(key, 0);
  const k1 = u64le(key, 8);
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & MASK64;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & MASK64;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & MASK64;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & MASK64;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const whole = message.length - (message.length % 8);
  const absorb = (m: bigint): void => {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  };
  for (let at = 0; at < whole; at += 8) absorb(u64le(message, at));
  absorb((BigInt(message.length & 0xff) << 56n) | u64le(message, whole, message.length - whole));
  v2 ^= 0xffn;
  for (let i = 0; i < 4; i++) round();
  return (v0 ^ v1 ^ v2 ^ v3) & MASK64;
}

function keyBytes(key: MaskKey): Uint8Array {
  if (!/^[0-9a-f]{32}$/i.test(key)) throw new RangeError('a mask key is 32 hexadecimal digits');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(key.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

const SPACE = 36n ** 7n;
const encoder = new TextEncoder();
/** Pseudonyms already made, per key: a drill-down sorts and searches thousands of names. */
const made = new Map<MaskKey, Map<string, string>>();

/**
 * `user-1a2b3c4` for a value that looks like a user (has an @ or a DOMAIN\ prefix), else
 * `id-1a2b3c4`: 7 base-36 digits of the value's SipHash under the case's key (case and surrounding
 * spaces ignored, so `Ann@Contoso.com` and `ann@contoso.com` are one person).
 */
export function pseudonym(value: string, key: MaskKey): string {
  let cache = made.get(key);
  if (!cache) {
    if (made.size > 16) made.clear();
    made.set(key, (cache = new Map()));
  }
  let shown = cache.get(value);
  if (shown === undefined) {
    const normal = value.trim().toLowerCase();
    const digest = (sipHash24(keyBytes(key), encoder.encode(normal)) % SPACE).toString(36).padStart(7, '0');
    shown = `${/@|\\/.test(normal) ? 'user' : 'id'}-${digest}`;
    if (cache.size > 200_000) cache.clear();
    cache.set(value, shown);
  }
  return shown;
}

const CATALOG_SCREENS: ReadonlySet<string> = new Set(CATALOG.map((row) => row.screen.toLowerCase()));
const OTHER_PLATFORMS: ReadonlySet<string> = new Set([
  'windows',
  'macos',
  'mac',
  'linux',
  'windows 10',
  'windows 11',
  'chromeos',
]);
/** What the import itself writes into an example, never taken from the row. */
const IMPORT_NOTES =
  /^(\(empty\)|\(an array\)|\(an object\)|null|a JSON (array|string|number|boolean|object)|not an object|not a list of values)$/;
/** Labels the import puts before a value (`initiated: x`, `not valid JSON: {...}`): kept, the value masked. */
const IMPORT_LABEL = /^(initiated|incomplete|malformed quotes|not valid JSON): /;
const TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i;
/** A date or a clock time written another way (`31/06/2025`, `6.1.25`, `10:00`): never a name. */
const OTHER_DATE = /^(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}:\d{2}(:\d{2})?)$/;
/** Short numbers (counts, codes, years). A longer number may be an employee, phone or device number. */
const SHORT_NUMBER = /^-?\d{1,4}(\.\d+)?$/;

/** True for a field that is certainly not personal: times, short numbers, the taxonomy's own values. */
function harmless(field: string): boolean {
  const text = field.trim();
  if (text === '' || TIME.test(text) || OTHER_DATE.test(text) || SHORT_NUMBER.test(text) || IMPORT_NOTES.test(text))
    return true;
  const lower = text.toLowerCase();
  return (
    parsePlatform(text) !== undefined ||
    OTHER_PLATFORMS.has(lower) ||
    parseEventType(text) !== undefined ||
    parseActionName(text) !== undefined ||
    parseSection(text) !== undefined ||
    parseUserAction(text) !== undefined ||
    CATALOG_SCREENS.has(lower)
  );
}

function maskField(field: string, key: MaskKey): string {
  const label = IMPORT_LABEL.exec(field);
  if (label) return label[0] + maskField(field.slice(label[0].length), key);
  return harmless(field) ? field : pseudonym(field, key);
}

/** Details are cut at this length (records.ts SkipTally): a detail this long may end inside a field. */
const DETAIL_LIMIT = 200;

/**
 * A skipped row's example with every field that might be personal replaced by its pseudonym, whatever
 * the reason. Even an example of one field ("unknown platform: X") is masked: when a row's columns
 * shift (an unquoted `Doe, John`), that field holds a name or a device. The example is split where
 * the import joined fields (`, `); each piece is kept only when it is certainly not personal (a
 * time, a short number, a value of the taxonomy, a screen of the catalog, the import's own notes).
 */
export function maskExampleDetail(detail: string, key: MaskKey): string {
  if (detail === '') return detail;
  const truncated = detail.endsWith('…') || detail.length >= DETAIL_LIMIT;
  const fields = (detail.endsWith('…') ? detail.slice(0, -1) : detail).split(', ');
  const masked = fields.map((field, index) => {
    // The last field of a cut excerpt is cut too: it cannot be recognised, so it is left out.
    if (truncated && index === fields.length - 1) return field === '' ? '' : '…';
    return maskField(field, key);
  });
  return masked.join(', ');
}

export function maskImportRecord(record: ImportRecord, key: MaskKey): ImportRecord {
  return {
    ...record,
    examples: record.examples.map((example) => ({
      ...example,
      detail: maskExampleDetail(example.detail, key),
    })),
  };
}

/** The report with user names and device ids masked (they appear only in skipped rows' examples). */
export function maskReport(report: Report, key: MaskKey): Report {
  return { ...report, imports: report.imports.map((record) => maskImportRecord(record, key)) };
}
