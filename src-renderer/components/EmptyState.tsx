/** No case, or a case without data: invites a drop (or the Open dialog). */
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store';
import { RefusedFiles } from './DataQualityPanel';

export function EmptyState() {
  const { t } = useT();
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
        <h2>{caseInfo ? t('app.empty.noData', { name: caseInfo.name }) : t('app.empty.noCase')}</h2>
        <p>
          {t('app.empty.dropHint')}
          {caseInfo ? '' : ` ${t('app.empty.newCaseHint')}`}
        </p>
        <div className="empty-actions">
          <button className="button primary" onClick={() => void pickAndImport()} disabled={importing}>
            {t('app.empty.chooseFiles')}
          </button>
          {!caseInfo && (
            <button className="button" onClick={() => void pickCase()}>
              {t('app.empty.openCase')}
            </button>
          )}
        </div>
        {caseInfo && caseInfo.refused.length > 0 && <RefusedFiles refused={caseInfo.refused} />}
      </div>
    </main>
  );
}
