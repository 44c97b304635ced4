/** Top bar: the open case and the file actions (the same store actions as the menu). */
import { useMenu } from './use-menu';
import { PrintButton } from '../print/PrintButton';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store';
import { LanguageMenu } from './LanguageMenu';

function RecentMenu() {
  const { t } = useT();
  const recent = useApp((s) => s.recent);
  const openCase = useApp((s) => s.openCase);
  const clearRecent = useApp((s) => s.clearRecent);
  const current = useApp((s) => s.caseInfo?.path);
  const { ref, open, setOpen } = useMenu();

  const others = recent.filter((entry) => entry.path !== current);
  return (
    <details className="menu" ref={ref} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button ghost">{t('app.header.recent')}</summary>
      <div className="menu-list" role="menu" aria-label={t('app.header.recentCases')}>
        {others.length === 0 && <p className="menu-empty">{t('app.header.noOtherRecent')}</p>}
        {others.map((entry) => (
          <button
            key={entry.path}
            role="menuitem"
            className="menu-item"
            title={entry.path}
            onClick={() => {
              setOpen(false);
              void openCase(entry.path);
            }}
          >
            <span>{entry.name}</span>
            <small>{entry.path}</small>
          </button>
        ))}
        {recent.length > 0 && (
          <button
            role="menuitem"
            className="menu-item subtle"
            onClick={() => void clearRecent().then(() => setOpen(false))}
          >
            {t('app.header.clearRecent')}
          </button>
        )}
      </div>
    </details>
  );
}

export function AppHeader() {
  const { t } = useT();
  const caseInfo = useApp((s) => s.caseInfo);
  const newCase = useApp((s) => s.newCase);
  const pickCase = useApp((s) => s.pickCase);
  const pickAndImport = useApp((s) => s.pickAndImport);
  const importing = useApp((s) => s.importStatus === 'running' || s.importStatus === 'cancelling');

  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 18 L9 11 L13 14 L20 5" />
          <circle cx="20" cy="5" r="2" />
        </svg>
        <span className="brand-name">Enrollscope</span>
      </div>
      <div className="case-title" data-testid="case-title">
        {caseInfo ? (
          <>
            <span className="case-label">{t('app.header.case')}</span>
            <h1 title={caseInfo.path}>{caseInfo.name}</h1>
            {caseInfo.settings.customer && <span className="case-customer">{caseInfo.settings.customer}</span>}
            {caseInfo.isSample && <span className="badge">{t('app.header.sampleData')}</span>}
            {caseInfo.storageWarning && (
              <span
                className="badge warning"
                role="note"
                title={caseInfo.storageWarning}
                aria-label={caseInfo.storageWarning}
                data-testid="case-storage-warning"
              >
                {t('app.header.networkShare')}
              </span>
            )}
            {caseInfo.readOnly && (
              <span className="badge" data-testid="read-only" title={t('app.header.readOnlyTitle')}>
                {t('app.header.readOnly')}
              </span>
            )}
          </>
        ) : (
          <h1 className="muted">{t('app.header.noCase')}</h1>
        )}
      </div>
      <nav className="header-actions" aria-label={t('app.header.case')}>
        <button
          className="button ghost"
          onClick={() => void newCase()}
          disabled={importing}
          title={t('app.header.newCaseTitle')}
        >
          {t('app.header.newCase')}
        </button>
        <button
          className="button ghost"
          onClick={() => void pickCase()}
          disabled={importing}
          title={t('app.header.openCaseTitle')}
        >
          {t('app.header.openCase')}
        </button>
        <RecentMenu />
        <PrintButton />
        <button
          className="button primary"
          onClick={() => void pickAndImport()}
          disabled={importing}
          title={t('app.header.importFilesTitle')}
        >
          {t('app.header.importFiles')}
        </button>
        <LanguageMenu />
      </nav>
    </header>
  );
}
