/**
 * What the app's Print to PDF needs from a printer: Electron's hidden window
 * (electron-printer.ts) or the test harness's browser page, and a save dialog.
 */
import type { PrintJob } from '../shared/print-types';

export interface PrintDeps {
  /** Prints the job (the print route in a hidden window or page) to PDF bytes. */
  readonly render: (job: PrintJob) => Promise<Uint8Array>;
  /** Where to save the PDF (a save dialog); null when the user cancelled. */
  readonly choosePdfPath: (defaultName: string) => Promise<string | null>;
  readonly now?: () => Date;
}
