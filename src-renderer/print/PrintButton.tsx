/**
 * Print to PDF in the app: the toolbar button, Ctrl/Cmd+P (the menu's accelerator does the same
 * in Electron), and the dialog: paper, orientation, customer and consultant (remembered in the
 * case), masking of user names. Saving asks where (main's save dialog), then prints the report
 * exactly as it is filtered now.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import type { Orientation, PaperSize } from '../../src-main/shared/print-types';
import { formatRange } from '../format';
import { useApp } from '../store';
import './print-dialog.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const PRINT_SHORTCUT = isMac ? '⌘P' : 'Ctrl+P';

function PrintDialog() {
  const open = useApp((s) => s.printDialogOpen);
  const close = useApp((s) => s.closePrintDialog);
  const printToPdf = useApp((s) => s.printToPdf);
  const settings = useApp((s) => s.caseInfo?.settings);
  const page = useApp((s) => s.printPage);
  // The app's masking setting (drill-down, exports) turns masking on here too; the dialog may still turn it off.
  const maskDefault = useApp((s) => s.printMaskUsers || s.maskUsers);
  const report = useApp((s) => s.report);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [paper, setPaper] = useState<PaperSize>(page.paper);
  const [orientation, setOrientation] = useState<Orientation>(page.orientation);
  const [customer, setCustomer] = useState('');
  const [consultant, setConsultant] = useState('');
  const [maskUsers, setMaskUsers] = useState(maskDefault);

  // Each time it opens: the case's names and the session's last choices.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setPaper(page.paper);
      setOrientation(page.orientation);
      setCustomer(settings?.customer ?? '');
      setConsultant(settings?.consultant ?? '');
      setMaskUsers(maskDefault);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, page, settings, maskDefault]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void printToPdf({ page: { paper, orientation }, customer, consultant, maskUsers });
  };

  const what = report
    ? [
        formatRange(report.range.from, report.range.to),
        report.range.tz,
        report.filters.platforms.length === PLATFORMS.length
          ? 'iOS/iPadOS and Android'
          : report.filters.platforms.join(', '),
        report.filters.sections.length === SECTIONS.length ? 'all sections' : report.filters.sections.join(', '),
      ].join(' · ')
    : '';

  return (
    <dialog
      ref={ref}
      className="print-dialog"
      aria-labelledby={`${id}-title`}
      onClose={close}
      data-testid="print-dialog"
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={`${id}-title`}>Print to PDF</h2>
        <p className="muted print-dialog-what" data-testid="print-dialog-what">
          The report as it is filtered now: {what}
        </p>
        <div className="print-dialog-row">
          <fieldset>
            <legend>Paper</legend>
            {(['A4', 'Letter'] as const).map((value) => (
              <label key={value} className="check">
                <input
                  type="radio"
                  name="paper"
                  value={value}
                  checked={paper === value}
                  onChange={() => setPaper(value)}
                />
                <span>{value}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Orientation</legend>
            {(['portrait', 'landscape'] as const).map((value) => (
              <label key={value} className="check">
                <input
                  type="radio"
                  name="orientation"
                  value={value}
                  checked={orientation === value}
                  onChange={() => setOrientation(value)}
                />
                <span>{value === 'portrait' ? 'Portrait' : 'Landscape'}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <label className="print-dialog-field">
          <span>Customer</span>
          <input
            type="text"
            value={customer}
            maxLength={200}
            onChange={(e) => setCustomer(e.target.value)}
            placeholder="e.g. Contoso Ltd"
          />
        </label>
        <label className="print-dialog-field">
          <span>Prepared by (consultant)</span>
          <input
            type="text"
            value={consultant}
            maxLength={200}
            onChange={(e) => setConsultant(e.target.value)}
            placeholder="Your name"
          />
        </label>
        <p className="print-dialog-hint muted">Both names are remembered in this case.</p>
        <label className="check print-dialog-mask">
          <input type="checkbox" checked={maskUsers} onChange={(e) => setMaskUsers(e.target.checked)} />
          <span>Mask user names and device IDs (stable pseudonyms in the examples of skipped rows)</span>
        </label>
        <div className="print-dialog-actions">
          <button type="button" className="button ghost" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="print-save">
            Save PDF…
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function PrintButton() {
  const open = useApp((s) => s.openPrintDialog);
  const status = useApp((s) => s.printStatus);
  const canPrint = useApp((s) => s.report !== null && (s.caseInfo?.importCount ?? 0) > 0);
  // The dialog follows the report (its summary line): mounted only while open, so a closed one
  // does not re-render on every filter change.
  const dialogOpen = useApp((s) => s.printDialogOpen);

  // Ctrl/Cmd+P opens the dialog (in Electron the menu's accelerator does too; opening twice is harmless).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button
        className="button ghost"
        onClick={open}
        disabled={!canPrint || status === 'printing'}
        title={`Print the report to PDF (${PRINT_SHORTCUT})`}
        data-testid="print-button"
        data-print-status={status}
        aria-busy={status === 'printing'}
      >
        {status === 'printing' ? 'Printing…' : 'Print to PDF…'}
      </button>
      {dialogOpen && <PrintDialog />}
    </>
  );
}
