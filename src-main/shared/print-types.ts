/**
 * The printed report: what the print route is given to draw, the page it is drawn for,
 * and the page geometry both sides agree on (the print route sizes its chart from it; the printers
 * pass the same margins to printToPDF / page.pdf). Node-free: types and constants only.
 */
import type { Finding } from './findings-types';
import type { CompareAgainst, Comparison } from './compare-types';
import type { Funnel } from './funnel-types';
import type { Annotation } from './notes-types';
import type { ReportRequest } from './ipc-contract';
import type { Report } from './report-types';
import type { Language } from './i18n/languages';
import type { ChartGranularity } from './chart-buckets';
import type { Platform } from './taxonomy';

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export interface PageSetup {
  readonly paper: PaperSize;
  readonly orientation: Orientation;
}

/** Everything the document says besides the report's numbers. */
export interface PrintMeta {
  readonly page: PageSetup;
  /** The case's name (file name without extension); null for the command line's temporary case. */
  readonly caseName: string | null;
  /** '' when not given. */
  readonly customer: string;
  /** '' when not given. */
  readonly consultant: string;
  /** When the document was made (ISO 8601, UTC). Shown in the report's time zone. */
  readonly generatedAt: string;
  /** User names and device ids in the data-quality examples are replaced by stable pseudonyms. */
  readonly maskUsers: boolean;
  /** The case is the bundled synthetic sample: the document says so. */
  readonly sampleData: boolean;
  /** The range was chosen as the last N days with data (the default); absent: an explicit range. */
  readonly lastDays?: number;
  /** The document's language (its words, numbers, dates, the PDF's /Lang). */
  readonly language: Language;
}

/** What the print route draws: the report as computed, and how to present it. */
export interface PrintJob {
  readonly report: Report;
  readonly meta: PrintMeta;
  /** The case's dated notes within the report's range (chart markers and a list); absent: none. */
  readonly annotations?: readonly Annotation[];
  /** The report's findings (src-main/findings): page 1's executive summary; absent: none computed. */
  readonly findings?: readonly Finding[];
  /** The same filter for each selected platform alone: the tiles' split and the tables' rates. */
  readonly platformRollups?: Partial<Record<Platform, PlatformRollup>>;
  /** The other period, when the comparison was asked for. */
  readonly comparison?: Comparison;
  /** The section funnel of the range and platforms (every section); absent: not printed. */
  readonly funnel?: Funnel;
  /** The chart by day or by week as the app's toggle showed it; absent: by week for ranges over 31 days. */
  readonly chart?: { readonly granularity: ChartGranularity };
}

/** One platform's roll-up, and the initiated count a count of that platform can be set against. */
export interface PlatformRollup {
  readonly initiated: number | null;
  readonly incomplete: number;
  readonly incompleteRate: number | null;
  /**
   * The platform's initiated count when a row's count can be divided by it; null when it is
   * unknown, or when some of its attempts lie in days whose initiated count is unknown.
   */
  readonly base: number | null;
}

/** The app's Print to PDF: the report as currently filtered, and the print dialog's answers. */
export interface PrintRequest {
  readonly report: ReportRequest;
  readonly page: PageSetup;
  readonly customer: string;
  readonly consultant: string;
  readonly maskUsers: boolean;
  /** The compare toggle: the document shows the comparison with this period; null or absent: none. */
  readonly compare?: CompareAgainst | null;
  /** The PDF's language (the dialog's choice; the app's language by default). */
  readonly language: Language;
  /** The chart's Daily/Weekly toggle as the user set it; null or absent: automatic. */
  readonly chartGranularity?: ChartGranularity | null;
}

export interface PrintResult {
  /** Where the PDF was written. */
  readonly path: string;
  readonly bytes: number;
}

/** Millimetres of each paper, portrait. */
export const PAPER_MM: Readonly<Record<PaperSize, { readonly width: number; readonly height: number }>> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/** Page margins in millimetres; the header and footer templates are drawn inside top and bottom. */
export const MARGINS_MM = { top: 17, bottom: 16, left: 14, right: 14 } as const;

const PX_PER_MM = 96 / 25.4;

/** The printable area in CSS pixels (96 per inch), as Chromium lays the page out for print. */
export function contentBox(page: PageSetup): { readonly width: number; readonly height: number } {
  const paper = PAPER_MM[page.paper];
  const [width, height] = page.orientation === 'portrait' ? [paper.width, paper.height] : [paper.height, paper.width];
  return {
    width: Math.floor((width - MARGINS_MM.left - MARGINS_MM.right) * PX_PER_MM),
    height: Math.floor((height - MARGINS_MM.top - MARGINS_MM.bottom) * PX_PER_MM),
  };
}

/** The print route's address, relative to the renderer's index.html. */
export const PRINT_ROUTE_HASH = '#print';

/** The attribute of <html> the print route sets: 'loading', then 'ready' (charts drawn) or 'error'. */
export const PRINT_STATE_ATTRIBUTE = 'data-print-state';
/** On 'error', the one-line reason. */
export const PRINT_ERROR_ATTRIBUTE = 'data-print-error';
/** How the print route learnt it was ready: "frame" (the next frame came) or "fallback" (none came). */
export const PRINT_READY_BY_ATTRIBUTE = 'data-print-ready-by';
