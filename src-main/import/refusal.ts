/**
 * A file that cannot be read at all (spec 3): the import refuses it as a whole with a one-line
 * reason, and the case stays as it was.
 */
export class InputRefused extends Error {
  override readonly name: string = 'InputRefused';

  constructor(
    /** Display name: the file's basename, or `archive.zip/entry.csv`. */
    readonly file: string,
    /** One line, no trailing period: "empty file", "truncated JSON at line 12". */
    readonly reason: string,
  ) {
    super(`${file}: ${oneLine(reason)}`);
    this.reason = oneLine(reason);
  }
}

/**
 * A refusal that only says "this is not an enrollment file" (binary, README, other columns). At the
 * top level it is a refusal like any other; inside a ZIP such an entry is passed over with a note.
 */
export class NotEnrollmentFile extends InputRefused {
  override readonly name: string = 'NotEnrollmentFile';
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
