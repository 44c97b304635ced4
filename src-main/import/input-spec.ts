/** What the container readers need to know about one input, wherever its bytes come from. */
import type { ByteSource } from './byte-source';
import type { ImportLimits } from './limits';

export interface InputSpec {
  /** Display name (basename, or `archive.zip/entry.csv`). */
  readonly name: string;
  /** Bytes (uncompressed). */
  readonly size: number;
  readonly inZip: boolean;
  /**
   * A fresh source from the first byte. A `full` pass reports progress and counts against the ZIP
   * budget; the short sniffing pass does neither.
   */
  open(full: boolean): Promise<ByteSource>;
  /**
   * All its bytes, when they are in memory already (a small file, read whole): they are its head as
   * they are, without a sniffing pass through a source (open-input.ts).
   */
  readonly whole?: Uint8Array;
  readonly limits: ImportLimits;
  /**
   * Event-log batches come out with their strings coded (records.ts CodedStrings), each column's
   * coder remembering at most `kept` strings, where the reader can code them from the bytes
   * (csv-bytes.ts); other batches come out as usual.
   */
  readonly codeStrings?: { readonly kept: number };
  /** Notes about the archive this entry came from (shared by its entries). */
  readonly archiveNotes?: readonly string[];
}
