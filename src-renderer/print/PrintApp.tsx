/**
 * The print route's root: asks for its job (`window.api.getPrintJob()`: the Electron printer
 * answers over IPC, the command line's and the tests' browser through a binding), waits for the
 * fonts, draws the document, and once the chart has drawn marks <html data-print-state="ready">.
 * The printers wait for that attribute (or "error", with data-print-error), never for time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  PRINT_ERROR_ATTRIBUTE,
  PRINT_READY_BY_ATTRIBUTE,
  PRINT_STATE_ATTRIBUTE,
  type PrintJob,
} from '../../src-main/shared/print-types';
import { printedRange } from '../../src-main/shared/print-dates';
import { printFontStack } from '../../src-main/shared/print-fonts';
import { INTL_LOCALE, platformLabel, sectionLabel, translator } from '../../src-main/shared/i18n';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import { I18nProvider, useT } from '../i18n/I18nProvider';
import { PrintDocument } from './PrintDocument';
import { afterNextFrame } from './after-frame';

type PrintState = 'loading' | 'ready' | 'error';

function setState(state: PrintState, error?: string): void {
  const root = document.documentElement;
  root.setAttribute(PRINT_STATE_ATTRIBUTE, state);
  if (error) root.setAttribute(PRINT_ERROR_ATTRIBUTE, error.split('\n')[0]!.slice(0, 500));
}

/** The PDF's title (its metadata and the window's): the report, the customer, the range and the filters set. */
export function documentTitle(job: PrintJob): string {
  const tr = translator(job.meta.language);
  const { range, filters } = job.report;
  const platforms =
    filters.platforms.length < PLATFORMS.length
      ? tr.t('pdf.docTitle.platformOnly', {
          platforms: filters.platforms.map((p) => platformLabel(tr.t, p)).join(tr.t('pdf.docTitle.and')),
        })
      : '';
  const sections =
    filters.sections.length < SECTIONS.length
      ? filters.sections.map((s) => sectionLabel(tr.t, s)).join(tr.t('pdf.list.separator'))
      : '';
  return [tr.t('pdf.reportName'), job.meta.customer, printedRange(tr, range.from, range.to), platforms, sections]
    .filter(Boolean)
    .join(' – ');
}

/**
 * The document's language on its root: `lang` (Chromium writes it as the tagged PDF's /Lang, and
 * picks fonts and line breaking by it) and the font stack that has the language's glyphs.
 */
function setLanguage(job: PrintJob): void {
  const root = document.documentElement;
  root.lang = INTL_LOCALE[job.meta.language];
  root.style.setProperty('--font', printFontStack(job.meta.language));
}

function PrintError({ message }: { message: string }) {
  const { t } = useT();
  return (
    <main className="print-error" role="alert">
      <h1>{t('pdf.error.title')}</h1>
      <p>{message}</p>
    </main>
  );
}

export function PrintApp() {
  const [job, setJob] = useState<PrintJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const marked = useRef(false);

  useEffect(() => {
    setState('loading');
    let live = true;
    const fail = (message: string): void => {
      if (!live) return;
      setError(message);
      setState('error', message);
    };
    window.api.getPrintJob().then(
      async (result) => {
        if (!result.ok) return fail(result.error.message);
        const value = result.value;
        // Before the fonts are awaited: the language's font stack decides which fonts load.
        setLanguage(value);
        // Text is measured by the chart as it draws: the fonts must be there first.
        await document.fonts.ready;
        if (!live) return;
        document.title = documentTitle(value);
        // A masked job arrives masked (main masks with the case's key); it is drawn as it is.
        setJob(value);
      },
      (reason: unknown) => fail(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      live = false;
    };
  }, []);

  // Called by the chart after each render; the first one after the document is in place is enough.
  const onChartDrawn = useCallback(() => {
    if (marked.current) return;
    marked.current = true;
    // The frame after the chart drew: layout and paint of everything React committed with it are
    // done. A hidden window that produces no frame is marked ready by the fallback (after-frame.ts);
    // the attribute says which, for the tests.
    afterNextFrame((by) => {
      document.documentElement.setAttribute(PRINT_READY_BY_ATTRIBUTE, by);
      setState('ready');
    });
  }, []);

  if (error) {
    return (
      <I18nProvider language={job?.meta.language ?? 'en'}>
        <PrintError message={error} />
      </I18nProvider>
    );
  }
  if (!job) return null;
  return (
    <I18nProvider language={job.meta.language}>
      <PrintDocument job={job} onChartDrawn={onChartDrawn} />
    </I18nProvider>
  );
}
