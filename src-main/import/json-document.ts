/**
 * Whole JSON documents (spec 3): an array of row objects, an Intune reporting envelope
 * `{TotalRowCount, Schema: [{Column, PropertyType}], Values: [[...]]}`, or a Graph response
 * `{"value": [...]}`. Parsed at once (within limits.maxJsonBytes); V8's JSON.parse is iterative, so
 * deep nesting does not overflow the stack, and nothing here recurses into values either.
 */
import type { Container } from './records';
import { InputRefused, NotEnrollmentFile } from './refusal';
import { findKey } from './text-container';

export interface JsonDocument {
  readonly container: Extract<Container, 'json' | 'envelope'>;
  /** Envelope: the Schema's column names, in order (rows are arrays). Otherwise null (rows are objects). */
  readonly columns: string[] | null;
  readonly rows: unknown[];
  readonly notes: string[];
}

export function parseJsonDocument(text: string, file: string): JsonDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new InputRefused(file, 'JSON nested too deeply to read');
    throw new InputRefused(file, describeSyntaxError(text, error));
  }
  if (Array.isArray(value)) return { container: 'json', columns: null, rows: value, notes: [] };
  if (typeof value !== 'object' || value === null)
    throw new NotEnrollmentFile(file, 'a single JSON value, not an enrollment file');
  const object = value as Record<string, unknown>;

  const schema = findKey(object, 'schema');
  const values = findKey(object, 'values');
  if (schema !== undefined || values !== undefined) {
    if (!Array.isArray(schema) || !Array.isArray(values)) {
      throw new InputRefused(file, 'an Intune report envelope without a Schema list and a Values list');
    }
    const columns = schema.map((col, i) => {
      if (typeof col === 'string') return col;
      const name =
        typeof col === 'object' && col !== null ? findKey(col as Record<string, unknown>, 'column') : undefined;
      if (typeof name !== 'string')
        throw new InputRefused(file, `the envelope's Schema entry ${i + 1} has no Column name`);
      return name;
    });
    const notes: string[] = [];
    const total = findKey(object, 'totalrowcount');
    if (typeof total === 'number' && total !== values.length) {
      notes.push(
        `TotalRowCount says ${total} rows but the file holds ${values.length}: the export may be one page of a larger report`,
      );
    }
    return { container: 'envelope', columns, rows: values, notes };
  }

  const rows = findKey(object, 'value');
  if (Array.isArray(rows)) {
    const notes: string[] = [];
    if (findKey(object, '@odata.nextlink') !== undefined) {
      notes.push('the Graph response has more pages (@odata.nextLink): only this page was imported');
    }
    return { container: 'json', columns: null, rows, notes };
  }
  throw new NotEnrollmentFile(
    file,
    'a JSON object that is neither an Intune report (Schema/Values) nor a Graph response (value)',
  );
}

/** "truncated JSON (ends at line 12)" or "invalid JSON at line 3, column 7: <V8's words>". */
function describeSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(message);
  const end = text.trimEnd().length;
  if (/Unexpected end of JSON input/.test(message)) {
    const { line, column } = lineAndColumn(text, end);
    return `truncated JSON (ends at line ${line}, column ${column})`;
  }
  if (!match) return `invalid JSON (${message})`;
  const position = Number(match[1]);
  const { line, column } = lineAndColumn(text, Math.min(position, text.length));
  if (position >= end) return `truncated JSON (ends at line ${line}, column ${column})`;
  const why = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*/, '');
  return `invalid JSON at line ${line}, column ${column}: ${why}`;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < position; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: position - lineStart + 1 };
}
