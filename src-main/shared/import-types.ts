/**
 * What an import reports while it runs and when it ends. Node-free: the renderer shows these.
 */
import type { ImportRecord } from './report-types';

export interface ImportProgress {
  /** Display name of the file being read. */
  readonly file: string;
  /** 0-based index of that file among the files of this import. */
  readonly fileIndex: number;
  readonly fileCount: number;
  /** Bytes of this file read so far, and its size. */
  readonly bytesRead: number;
  readonly totalBytes: number;
  /** Rows of this file read so far. */
  readonly rows: number;
  /** Bytes of all files of this import read so far, and their total size. */
  readonly overallBytesRead: number;
  readonly overallTotalBytes: number;
  /** What is happening now. */
  readonly phase: 'reading' | 'attempts' | 'done';
}

export type ImportOutcome =
  | { readonly file: string; readonly status: 'imported'; readonly record: ImportRecord }
  | { readonly file: string; readonly status: 'refused'; readonly reason: string }
  | { readonly file: string; readonly status: 'cancelled' };
