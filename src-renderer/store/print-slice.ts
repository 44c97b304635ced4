/**
 * Print to PDF in the store: the dialog (menu, toolbar button, Ctrl/Cmd+P all open it), then
 * `print:pdf` with the report as currently filtered. Main remembers customer and consultant in
 * the case and asks where to save; paper, orientation and masking are remembered for the session.
 */
import { defaultPaperFor, type Language } from '../../src-main/shared/i18n/languages';
import type { PageSetup } from '../../src-main/shared/print-types';
import type { Slice } from './types';
import { chartViewForPrint } from '../components/chart-view';

export type PrintStatus = 'idle' | 'printing' | 'saved' | 'error';

export interface PrintOptions {
  readonly page: PageSetup;
  readonly customer: string;
  readonly consultant: string;
  readonly maskUsers: boolean;
  /** The PDF's language (the dialog's choice; the app's language by default). */
  readonly language: Language;
}

export interface PrintSlice {
  readonly printDialogOpen: boolean;
  readonly printStatus: PrintStatus;
  /** Where the last PDF was saved. */
  readonly printSavedPath: string | null;
  /** The dialog's last paper and orientation (Letter where the locale uses it, else A4). */
  readonly printPage: PageSetup;
  readonly printMaskUsers: boolean;
  openPrintDialog(): void;
  closePrintDialog(): void;
  printToPdf(options: PrintOptions): Promise<void>;
}

export const createPrintSlice: Slice<PrintSlice> = (api) => (set, get) => ({
  printDialogOpen: false,
  printStatus: 'idle',
  printSavedPath: null,
  printPage: {
    // The system's locale decides the paper (Letter in the US and Canada, A4 elsewhere), not the
    // language: a German-speaking consultant in Zurich and one in Toronto print on different paper.
    paper: defaultPaperFor(typeof navigator === 'undefined' ? 'en-US' : navigator.language),
    orientation: 'portrait',
  },
  printMaskUsers: false,

  openPrintDialog() {
    const { caseInfo, report, printStatus } = get();
    if (printStatus === 'printing') return;
    if (!caseInfo || caseInfo.importCount === 0 || !report) {
      set({ notice: { id: 'pdf.notice.nothing' } });
      return;
    }
    set({ printDialogOpen: true });
  },

  closePrintDialog() {
    set({ printDialogOpen: false });
  },

  async printToPdf(options) {
    const { range, platforms, sections, tz, compareOn, compareAgainst } = get();
    set({
      printDialogOpen: false,
      printStatus: 'printing',
      printPage: options.page,
      printMaskUsers: options.maskUsers,
    });
    const result = await api.printToPdf({
      report: { range, platforms, sections, tz },
      page: options.page,
      customer: options.customer,
      consultant: options.consultant,
      maskUsers: options.maskUsers,
      language: options.language,
      // The printed report follows the compare toggle, as the screen does.
      compare: compareOn ? compareAgainst : null,
      // The printed chart by day or week as the chart's toggle shows it (absent: automatic).
      ...chartViewForPrint(),
    });
    if (!result.ok) {
      set({ printStatus: 'error', notice: { id: 'pdf.notice.failed', values: { message: result.error.message } } });
      return;
    }
    const { pdf } = result.value;
    set({ caseInfo: result.value.case });
    if (!pdf) {
      set({ printStatus: 'idle' });
      return;
    }
    set({
      printStatus: 'saved',
      printSavedPath: pdf.path,
      notice: { id: 'pdf.notice.saved', values: { path: pdf.path } },
    });
  },
});
