/** Messages between the thread that stores rows and the worker that parses a file. */
import type { Container, FileKind, SkipExample, SkipReason } from '../import/records';
import type { StoreBatch } from '../store/coded-batch';

export interface ParseRequest {
  readonly path: string;
}

export type ParseMessage =
  | {
      readonly type: 'input';
      readonly name: string;
      readonly size: number;
      readonly container: Container;
      readonly kind: FileKind;
      readonly format: string;
    }
  | { readonly type: 'batch'; readonly batch: StoreBatch }
  | {
      readonly type: 'input-end';
      readonly rowsRead: number;
      readonly skippedCounts: Partial<Record<SkipReason, number>>;
      readonly skippedExamples: SkipExample[];
      readonly sha256: string;
      readonly size: number;
    }
  | { readonly type: 'bytes'; readonly bytesRead: number; readonly totalBytes: number }
  | { readonly type: 'refused'; readonly file: string; readonly reason: string }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'done' };

/**
 * The storing side grants this many batches ahead: parsing overlaps storing, memory stays bounded
 * (a coded batch of 2,500 rows is ~60 KB). With 4, the parser (the slower side) still waited
 * 0.2-0.5 s per million rows whenever the storing side paused (a cache spill, a GC); with 16,
 * 10-150 ms.
 */
export const BATCH_CREDITS = 16;
export type CreditMessage = { readonly type: 'credit' };
