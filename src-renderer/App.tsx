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
    <DropZone>
      <a className="skip-link" href="#report">
        {t('app.shell.skipToReport')}
      </a>
      <AppHeader />
      <Notice />
      <ImportPanel />
      {ready && (hasData ? <ReportView /> : <EmptyState />)}
    </DropZone>
  );
}

export function App() {
  const language = useApp((s) => s.language);
  // The document's language: screen readers, hyphenation and the native date inputs follow it.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nProvider language={language}>
      <Shell />
    </I18nProvider>
  );
}
