/**
 * Which text container a file is, from its first characters (spec 3): a JSON array, a JSON object
 * (Intune reporting envelope, Graph `{"value": [...]}`), NDJSON (one object per line), else CSV.
 */

export type TextContainer = 'csv' | 'ndjson' | 'json';

/** Whether a parsed object is a whole document rather than one NDJSON row. */
export function isDocumentObject(value: Record<string, unknown>): boolean {
  const keys = new Set(Object.keys(value).map((k) => k.toLowerCase()));
  return keys.has('schema') || keys.has('values') || (keys.has('value') && Array.isArray(findKey(value, 'value')));
}

/** A key matched case-insensitively (`Values`, `values`), never from the prototype. */
export function findKey(object: Record<string, unknown>, name: string): unknown {
  for (const key of Object.keys(object)) if (key.toLowerCase() === name) return object[key];
  return undefined;
}

/**
 * `head` is the start of the decoded text (the whole text when `complete`). A first line that is a
 * complete JSON object makes NDJSON, unless it is the whole file and looks like a document; a `{`
 * whose first line is not complete JSON is a (pretty-printed or long) JSON document.
 */
export function detectTextContainer(head: string, complete: boolean): TextContainer {
  const start = head.search(/\S/);
  if (start < 0) return 'csv';
  const first = head[start];
  if (first === '[') return 'json';
  if (first !== '{') return 'csv';
  const end = head.indexOf('\n', start);
  if (end < 0 && !complete) return 'json'; // a first line longer than the head: one big document
  const line = head.slice(start, end < 0 ? head.length : end);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'json';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'json';
  const onlyLine = end < 0 || (complete && head.slice(end).trim() === '');
  return onlyLine && isDocumentObject(value as Record<string, unknown>) ? 'json' : 'ndjson';
}
