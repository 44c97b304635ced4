/**
 * The public shape of one readable input (a file, or one entry of a ZIP) and its implementation:
 * what it is, known up front from its head, and its rows, read once, streaming.
 */
import type { Container, FileKind, ReadBatch, RecordBatch, SkipTally } from './records';
import type { RowSink } from './row-sink';

export interface ParsedInput<B extends ReadBatch = RecordBatch> {
  /** Display name: the file's basename, or `archive.zip/entry.csv` for a ZIP entry. */
  readonly name: string;
  /** Bytes of this file or entry (uncompressed). */
  readonly size: number;
  readonly container: Container;
  readonly kind: FileKind;
  /** `${kind}/${container}`, with `zip+` before the container for a ZIP entry: 'event-log/zip+csv'. */
  readonly format: string;
  /** Validated rows, at most 2,500 per batch (BATCH_ROWS). Iterate once. A refusal may be thrown while iterating. */
  readonly batches: AsyncIterable<B>;
  /** Data rows seen (not the header) = stored + duplicates + skipped. After `batches` is consumed. */
  rowsRead(): number;
  /** Skipped rows by reason, with the first few examples; filled while iterating. */
  readonly skipped: SkipTally;
  /** Hex sha256 of this file's (entry's, uncompressed) bytes. After `batches` is consumed. */
  sha256(): string;
  /**
   * Things worth telling the user that are not skipped rows: "the Graph response has more pages",
   * ZIP entries passed over and why. For a ZIP entry this includes the archive's notes, complete
   * once the readInput iteration has finished. Optional so that adapters (the parse worker) may omit it.
   */
  readonly notes?: readonly string[];
}

/**
 * `produce` yields the batches and reports the bytes' sha256 through `done` once the whole input
 * was read; a JSON document, read whole up front, passes its hash in directly.
 */
export class Parsed implements ParsedInput<ReadBatch> {
  readonly format: string;
  readonly batches: AsyncIterable<ReadBatch>;
  private state: 'new' | 'reading' | 'done' = 'new';
  private hash: string | undefined;

  constructor(
    readonly name: string,
    readonly size: number,
    readonly container: Container,
    readonly kind: FileKind,
    inZip: boolean,
    private readonly sink: RowSink,
    produce: (done: (sha256: string) => void) => AsyncGenerator<ReadBatch>,
    private readonly ownNotes: readonly string[] = [],
    private readonly archiveNotes: readonly string[] = [],
  ) {
    this.format = `${kind}/${inZip ? 'zip+' : ''}${container}`;
    this.batches = { [Symbol.asyncIterator]: () => this.read(produce) };
  }

  private async *read(
    produce: (done: (sha256: string) => void) => AsyncGenerator<ReadBatch>,
  ): AsyncGenerator<ReadBatch> {
    if (this.state !== 'new') throw new Error(`${this.name}: batches can be read only once`);
    this.state = 'reading';
    yield* produce((sha256) => {
      this.hash = sha256;
    });
    this.state = 'done';
  }

  get skipped(): SkipTally {
    return this.sink.skipped;
  }

  get notes(): readonly string[] {
    return this.archiveNotes.length === 0 ? this.ownNotes : [...this.ownNotes, ...this.archiveNotes];
  }

  rowsRead(): number {
    this.assertDone('rowsRead');
    return this.sink.rowsRead;
  }

  sha256(): string {
    this.assertDone('sha256');
    return this.hash!;
  }

  private assertDone(what: string): void {
    if (this.state !== 'done' || this.hash === undefined)
      throw new Error(`${this.name}: ${what}() is known once all batches were read`);
  }
}
