/** The shell, in the user's language: header, drop target, import panel, and the report (or the empty state). */
import { useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { DropZone } from './components/DropZone';
import { EmptyState } from './components/EmptyState';
import { ImportPanel } from './components/ImportPanel';
import { Notice } from './components/Notice';
import { ReportView } from './components/ReportView';
import { I18nProvider, useT } from './i18n/I18nProvider';
import { useApp } from './store';

function Shell() {
  const { t } = useT();
  const ready = useApp((s) => s.ready);
  const hasData = useApp((s) => (s.caseInfo?.importCount ?? 0) > 0);
  return (
    <>
      <a className="skip-link" href="#report">
        {t('app.shell.skipToReport')}
      </a>
      <AppHeader />
      <Notice />
      <ImportPanel />
      {ready && (hasData ? <ReportView /> : <EmptyState />)}
    </>
  );
}

export function App() {
  const language = useApp((s) => s.language);
  // No word is drawn before the user's language is known (no English frame first); files
  // dropped meanwhile are taken all the same.
  const languageKnown = useApp((s) => s.languageKnown);
  // The document's language: screen readers, hyphenation and the native date inputs follow it.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nProvider language={language}>
      <DropZone>{languageKnown && <Shell />}</DropZone>
    </I18nProvider>
  );
}
