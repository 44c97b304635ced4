/**
 * Print to PDF in the app: the toolbar button, Ctrl/Cmd+P (the menu's accelerator does the same
 * in Electron), and the dialog: the PDF's language (the app's by default: a German consultant may
 * print for a French customer), paper, orientation, customer and consultant (remembered in the
 * case), masking of user names. Saving asks where (main's save dialog), then prints the report
 * exactly as it is filtered now. The dialog speaks the app's language.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  isLanguage,
  platformLabel,
  sectionLabel,
  type Language,
} from '../../src-main/shared/i18n';
import { PLATFORMS, SECTIONS } from '../../src-main/shared/taxonomy';
import type { Orientation, PaperSize } from '../../src-main/shared/print-types';
import { useT } from '../i18n/I18nProvider';
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
  const tr = useT();
  const { t, f } = tr;
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [paper, setPaper] = useState<PaperSize>(page.paper);
  const [orientation, setOrientation] = useState<Orientation>(page.orientation);
  const [customer, setCustomer] = useState('');
  const [consultant, setConsultant] = useState('');
  const [maskUsers, setMaskUsers] = useState(maskDefault);
  const [language, setLanguage] = useState<Language>(tr.language);

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
      setLanguage(tr.language);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, page, settings, maskDefault, tr.language]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void printToPdf({ page: { paper, orientation }, customer, consultant, maskUsers, language });
  };

  const what = report
    ? [
        f.range(report.range.from, report.range.to),
        report.range.tz,
        report.filters.platforms.length === PLATFORMS.length
          ? t('pdf.meta.bothPlatforms')
          : report.filters.platforms.map((p) => platformLabel(t, p)).join(t('pdf.list.separator')),
        report.filters.sections.length === SECTIONS.length
          ? t('pdf.dialog.allSections')
          : report.filters.sections.map((s) => sectionLabel(t, s)).join(t('pdf.list.separator')),
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
        <h2 id={`${id}-title`}>{t('pdf.dialog.title')}</h2>
        <p className="muted print-dialog-what" data-testid="print-dialog-what">
          {t('pdf.dialog.what', { what })}
        </p>
        <label className="print-dialog-field">
          <span>{t('pdf.dialog.language')}</span>
          <select
            value={language}
            onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
            data-testid="print-language"
          >
            {LANGUAGES.map((value) => (
              <option key={value} value={value} lang={value}>
                {LANGUAGE_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
        <div className="print-dialog-row">
          <fieldset>
            <legend>{t('pdf.dialog.paper')}</legend>
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
            <legend>{t('pdf.dialog.orientation')}</legend>
            {(['portrait', 'landscape'] as const).map((value) => (
              <label key={value} className="check">
                <input
                  type="radio"
                  name="orientation"
                  value={value}
                  checked={orientation === value}
                  onChange={() => setOrientation(value)}
                />
                <span>{value === 'portrait' ? t('pdf.dialog.portrait') : t('pdf.dialog.landscape')}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <label className="print-dialog-field">
          <span>{t('pdf.dialog.customer')}</span>
          <input
            type="text"
            value={customer}
            maxLength={200}
            onChange={(e) => setCustomer(e.target.value)}
            placeholder={t('pdf.dialog.customerPlaceholder')}
          />
        </label>
        <label className="print-dialog-field">
          <span>{t('pdf.dialog.consultant')}</span>
          <input
            type="text"
            value={consultant}
            maxLength={200}
            onChange={(e) => setConsultant(e.target.value)}
            placeholder={t('pdf.dialog.consultantPlaceholder')}
          />
        </label>
        <p className="print-dialog-hint muted">{t('pdf.dialog.remembered')}</p>
        <label className="check print-dialog-mask">
          <input type="checkbox" checked={maskUsers} onChange={(e) => setMaskUsers(e.target.checked)} />
          <span>{t('pdf.dialog.mask')}</span>
        </label>
        <div className="print-dialog-actions">
          <button type="button" className="button ghost" onClick={close}>
            {t('pdf.dialog.cancel')}
          </button>
          <button type="submit" className="button primary" data-testid="print-save">
            {t('pdf.dialog.save')}
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
  const { t } = useT();
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
        title={t('pdf.button.title', { shortcut: PRINT_SHORTCUT })}
        data-testid="print-button"
        data-print-status={status}
        aria-busy={status === 'printing'}
      >
        {status === 'printing' ? t('pdf.button.printing') : t('pdf.button.print')}
      </button>
      {dialogOpen && <PrintDialog />}
    </>
  );
}
