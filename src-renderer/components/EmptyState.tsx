/** No case, or a case without data: invites a drop (or the Open dialog). */
import { useApp } from '../store';
import { RefusedFiles } from './DataQualityPanel';

export function EmptyState() {
  const caseInfo = useApp((s) => s.caseInfo);
  const pickAndImport = useApp((s) => s.pickAndImport);
  const pickCase = useApp((s) => s.pickCase);
  const importing = useApp((s) => s.importStatus === 'running' || s.importStatus === 'cancelling');
  return (
    <main id="report" className="empty-state" data-testid="empty-state">
      <div className="empty-card">
        <svg viewBox="0 0 64 64" className="empty-icon" aria-hidden="true">
          <rect x="10" y="8" width="34" height="44" rx="4" />
          <path d="M18 22h18M18 30h18M18 38h10" />
          <path d="M46 34v18m0 0-6-6m6 6 6-6" className="accent" />
        </svg>
        <h2>{caseInfo ? `“${caseInfo.name}” has no data yet` : 'No case is open'}</h2>
        <p>
          Drop Intune exports or Company Portal enrollment event logs anywhere on this window: CSV, JSON, NDJSON, the
          reporting envelope, or the ZIP an export job delivers. Folders work too.
          {caseInfo ? '' : ' A new case is created for them.'}
        </p>
        <div className="empty-actions">
          <button className="button primary" onClick={() => void pickAndImport()} disabled={importing}>
            Choose files…
          </button>
          {!caseInfo && (
            <button className="button" onClick={() => void pickCase()}>
              Open a case…
            </button>
          )}
        </div>
        {caseInfo && caseInfo.refused.length > 0 && <RefusedFiles refused={caseInfo.refused} />}
      </div>
    </main>
  );
}
