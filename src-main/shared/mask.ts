/**
 * Masking user names and device ids (issue 6, item 4): stable pseudonyms, so the same person or
 * device gets the same stand-in everywhere it is shown, and nothing of the original is left.
 *
 * In the report, identities appear only in the examples of skipped rows (spec 3: "the first few are
 * shown with their line numbers"). Those show either one field (an unknown platform, event, action
 * name or user action, a bad time or count: never a user or a device), or an excerpt of the whole
 * row. An excerpt's columns are not known any more, so masking keeps only what is certainly not an
 * identity (times, numbers, the taxonomy's own values: platforms, events, action names, sections,
 * user actions and the catalog's screens) and replaces every other field. Node-free.
 */
import type { ImportRecord, Report } from './report-types';
import { CATALOG, parseActionName, parseEventType, parsePlatform, parseSection, parseUserAction } from './taxonomy';

/** FNV-1a, 32 bits: a short, stable digest (a pseudonym, not a secret). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `user-1a2b3c` for a value that looks like a user (has an @ or a DOMAIN\ prefix), else `id-1a2b3c`. */
export function pseudonym(value: string): string {
  const key = value.trim().toLowerCase();
  const digest = fnv1a(key).toString(36).padStart(7, '0').slice(-7);
  return `${/@|\\/.test(key) ? 'user' : 'id'}-${digest}`;
}

/** Reasons whose example is one field that is never a user or device (see the import's sinks). */
const SINGLE_FIELD_REASONS: ReadonlySet<string> = new Set([
  'bad time',
  'unknown platform',
  'unknown event',
  'unknown action name',
  'unknown user action',
  'bad count',
]);

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
const TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** True for a field that is certainly not a user name or a device id. */
function harmless(field: string): boolean {
  const text = field.trim();
  if (text === '' || TIME.test(text) || NUMBER.test(text)) return true;
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

/** A skipped row's example with every field that might name a user or a device replaced. */
export function maskExampleDetail(reason: string, detail: string): string {
  if (SINGLE_FIELD_REASONS.has(reason) || detail === '') return detail;
  const truncated = detail.endsWith('…');
  const fields = (truncated ? detail.slice(0, -1) : detail).split(', ');
  const masked = fields.map((field, index) => {
    // The last field of a truncated excerpt is cut: it cannot be recognised, so it is masked.
    if (truncated && index === fields.length - 1) return field === '' ? '' : '…';
    return harmless(field) ? field : pseudonym(field);
  });
  return masked.join(', ');
}

export function maskImportRecord(record: ImportRecord): ImportRecord {
  return {
    ...record,
    examples: record.examples.map((example) => ({
      ...example,
      detail: maskExampleDetail(example.reason, example.detail),
    })),
  };
}

/** The report with user names and device ids masked (they appear only in skipped rows' examples). */
export function maskReport(report: Report): Report {
  return { ...report, imports: report.imports.map(maskImportRecord) };
}
