/** The report of spec section 5 (filters beside roll-up, chart, section tables, data quality) and the views beside it. */
import { reportKey } from '../../src-main/shared/report-key';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store';
import { FilterPanel } from './FilterPanel';
import { ReportBody } from './ReportBody';

export function ReportView() {
  const { t } = useT();
  const report = useApp((s) => s.report);
  const status = useApp((s) => s.reportStatus);
  const error = useApp((s) => s.reportError);
  return (
    <div className="report-layout">
      <FilterPanel />
      <main
        id="report"
        className="report"
        tabIndex={-1}
        data-testid="report"
        data-report-status={status}
        data-report-key={report ? reportKey(report) : ''}
        aria-busy={status === 'loading'}
      >
        {error && (
          <div className="notice" role="alert" data-testid="report-error">
            {error}
          </div>
        )}
        {report ? (
          <ReportBody report={report} />
        ) : (
          status === 'loading' && <p className="muted loading">{t('app.report.computing')}</p>
        )}
      </main>
    </div>
  );
}
