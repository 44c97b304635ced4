/** Top bar: the open case and the file actions (the same store actions as the menu). */
import { useMenu } from './use-menu';
import { PrintButton } from '../print/PrintButton';
import { useApp } from '../store';

function RecentMenu() {
  const recent = useApp((s) => s.recent);
  const openCase = useApp((s) => s.openCase);
  const clearRecent = useApp((s) => s.clearRecent);
  const current = useApp((s) => s.caseInfo?.path);
  const { ref, open, setOpen } = useMenu();

  const others = recent.filter((entry) => entry.path !== current);
  return (
    <details className="menu" ref={ref} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button ghost">Recent</summary>
      <div className="menu-list" role="menu" aria-label="Recent cases">
        {others.length === 0 && <p className="menu-empty">No other recent cases</p>}
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
            Clear recent cases
          </button>
        )}
      </div>
    </details>
  );
}

export function AppHeader() {
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
            <span className="case-label">Case</span>
            <h1 title={caseInfo.path}>{caseInfo.name}</h1>
            {caseInfo.settings.customer && <span className="case-customer">{caseInfo.settings.customer}</span>}
            {caseInfo.isSample && <span className="badge">Sample data</span>}
            {caseInfo.storageWarning && (
              <span
                className="badge warning"
                role="note"
                title={caseInfo.storageWarning}
                aria-label={caseInfo.storageWarning}
                data-testid="case-storage-warning"
              >
                On a network share: copy it to a local folder
              </span>
            )}
            {caseInfo.readOnly && (
              <span
                className="badge"
                data-testid="read-only"
                title="The file or its folder is not writable for you: the case can be read, not changed."
              >
                Read-only
              </span>
            )}
          </>
        ) : (
          <h1 className="muted">No case open</h1>
        )}
      </div>
      <nav className="header-actions" aria-label="Case">
        <button className="button ghost" onClick={() => void newCase()} disabled={importing} title="New case (Ctrl+N)">
          New case
        </button>
        <button
          className="button ghost"
          onClick={() => void pickCase()}
          disabled={importing}
          title="Open case (Ctrl+O)"
        >
          Open case…
        </button>
        <RecentMenu />
        <PrintButton />
        <button
          className="button primary"
          onClick={() => void pickAndImport()}
          disabled={importing}
          title="Import files (Ctrl+I)"
        >
          Import files…
        </button>
      </nav>
    </header>
  );
}
